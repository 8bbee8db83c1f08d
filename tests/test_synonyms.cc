// Tests of synonyms.h: parsing, multi-word variants, malformed lines.
#include <doctest/doctest.h>

#include "light_stemmer.h"
#include "normalizer.h"
#include "synonyms.h"
#include "tokenizer.h"

using namespace fahras;

TEST_SUITE("synonyms") {
  TEST_CASE("groups expand a stem to the other variants") {
    Synonyms s = Synonyms::parse("# comment\nHuawei, هواوي\nByteDance, بايت دانس\n");
    CHECK(s.group_count() == 2);
    auto v = s.variants_of_stem(stem_word(normalize("Huawei")));
    REQUIRE(v.size() == 1);
    CHECK(v[0] == std::vector<std::string>{"هواوي"});
    auto b = s.variants_of_stem(stem_word(normalize("ByteDance")));
    REQUIRE(b.size() == 1);
    CHECK(b[0] == std::vector<std::string>{"بايت", "دانس"});
    // The Arabic variant, with a clitic, finds the Latin one.
    auto h = s.variants_of_stem(stem_word(normalize("لهواوي")));
    CHECK(h.empty());  // ل before a non-alef is not a clitic for the stemmer
    CHECK(s.variants_of_stem(stem_word(normalize("هواوي"))).size() == 1);
  }
  TEST_CASE("variants sharing a stem are offered once, not once per variant") {
    // محلل and محللون stem alike: the group must not weigh twice.
    Synonyms s = Synonyms::parse("محلل, محللون, خبير, خبراء\n");
    auto v = s.variants_of_stem(stem_word(normalize("المحللين")));
    CHECK(v == std::vector<std::vector<std::string>>{{"خبير"}, {"خبراء"}});
  }
  TEST_CASE("multi-word variants are found in a text by stem, with the group's others") {
    Synonyms s = Synonyms::parse("AI, الذكاء الاصطناعي\nAlibaba, علي بابا\n");
    auto words = split_words(normalize("استثمارات للذكاء الاصطناعي عند علي بابا"));
    auto matches = s.phrases_in(words);
    REQUIRE(matches.size() == 2);
    CHECK(matches[0].begin == 1);
    CHECK(matches[0].length == 2);
    CHECK(matches[0].others == std::vector<std::vector<std::string>>{{"ai"}});
    CHECK(matches[1].begin == 4);
    CHECK(matches[1].others == std::vector<std::vector<std::string>>{{"alibaba"}});
    CHECK(s.phrases_in(split_words(normalize("بابا علي الاصطناعي"))).empty());
  }
  TEST_CASE("malformed lines are reported with their number") {
    std::vector<SynonymParseError> errors;
    Synonyms s = Synonyms::parse("Huawei, هواوي\nonly-one\n, ,\n", &errors);
    CHECK(s.group_count() == 1);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
  }
}
