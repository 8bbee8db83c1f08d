// Tests of stemmers/printable_name.h: names that cannot forge output lines
// or recolour a terminal, and that still say which file they are.
#include <doctest/doctest.h>

#include "printable_name.h"

using namespace fahras;

TEST_SUITE("printable_name") {
  TEST_CASE("ordinary names, Arabic ones too, are unchanged") {
    CHECK(printable_name("004_14b02d1ffb8d8581.txt") == "004_14b02d1ffb8d8581.txt");
    CHECK(printable_name("أخبار/الصين.txt") == "أخبار/الصين.txt");
    CHECK(is_plain_name("أخبار/الصين.txt"));
  }

  TEST_CASE("control characters, invalid UTF-8 and the backslash are escaped") {
    CHECK(printable_name("a\nb.txt:1: forged") == "a\\x0ab.txt:1: forged");
    CHECK(printable_name("\x1b[31mred.txt") == "\\x1b[31mred.txt");
    CHECK(printable_name("bad\xff\xfe.txt") == "bad\\xff\\xfe.txt");
    CHECK(printable_name("back\\slash") == "back\\\\slash");
    CHECK(printable_name("c1\xc2\x9b.txt") == "c1\\xc2\\x9b.txt");  // U+009B, the 8-bit CSI
    CHECK_FALSE(is_plain_name("a\nb"));
    CHECK_FALSE(is_plain_name("bad\xff"));
  }

  TEST_CASE("what is printed names one file: no two names print alike") {
    CHECK(printable_name("a\\x0a") != printable_name("a\n"));
    CHECK(printable_name("\\") != printable_name("\\\\"));
  }
}
