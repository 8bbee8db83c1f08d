// Tests of stemmers/sound_alike_letters.h: the letters typed for one another.
#include <doctest/doctest.h>

#include <algorithm>

#include "normalizer.h"
#include "sound_alike_letters.h"

using namespace fahras;

namespace {
bool offers(const std::string& typed, const std::string& written) {
  std::vector<std::string> v = sound_alike_variants(normalize(typed));
  return std::find(v.begin(), v.end(), normalize(written)) != v.end();
}
}  // namespace

TEST_SUITE("sound_alike_letters") {
  TEST_CASE("emphatic and plain, interdental and dialect letters") {
    CHECK(offers("الصرطان", "السرطان"));
    CHECK(offers("موريطانيا", "موريتانيا"));
    CHECK(offers("تامر", "ثامر"));
    CHECK(offers("الاظطراب", "الاضطراب"));
    CHECK(offers("زكرى", "ذكرى"));
    CHECK(offers("المدرسه", "المضرسه"));  // every one, known word or not
  }
  TEST_CASE("one letter at a time, not hamza seats or other letters, never the word itself") {
    CHECK_FALSE(offers("الاظطراب", "الاضتراب"));  // two letters
    CHECK_FALSE(offers("كتاب", "قتاب"));          // ك and ق: not here
    CHECK(sound_alike_variants(normalize("كلام")).empty());
    std::vector<std::string> v = sound_alike_variants(normalize("سيف"));
    CHECK(v == std::vector<std::string>{normalize("صيف"), normalize("ثيف")});
    CHECK(sound_alike_variants("h200").empty());
  }
}
