// Tests of stopwords.h: the list is normalized and matches any spelling.
#include <doctest/doctest.h>

#include "normalizer.h"
#include "stopwords.h"

using namespace fahras;

TEST_SUITE("stopwords") {
  TEST_CASE("function words are stop words in every spelling") {
    CHECK(is_stopword(normalize("في")));
    CHECK(is_stopword(normalize("إلى")));
    CHECK(is_stopword(normalize("الى")));
    CHECK(is_stopword(normalize("لأن")));
    CHECK(is_stopword(normalize("الَّذِي")));
  }
  TEST_CASE("content words are not") {
    CHECK_FALSE(is_stopword(normalize("الصين")));
    CHECK_FALSE(is_stopword(normalize("شرائح")));
    CHECK_FALSE(is_stopword(normalize("موافقة")));
  }
  TEST_CASE("every stored word is already normalized") {
    for (const std::string& w : arabic_stopwords()) CHECK(normalize(w) == w);
  }
}
