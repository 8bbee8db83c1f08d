// Tests of analyzer.h: the chain end to end on corpus sentences, and its
// invariants (offsets point at the original word; nothing crashes or hangs).
#include <doctest/doctest.h>

#include <fstream>
#include <random>

#include "analyzer.h"
#include "normalizer.h"

using namespace fahras;

TEST_SUITE("analyzer") {
  TEST_CASE("a corpus sentence") {
    auto tokens = analyze("وافقت السلطات الصينية على استيراد الدفعة الأولى من شرائح H200");
    std::vector<std::string> stems;
    for (auto& a : tokens) stems.push_back(a.stopword ? "-" : a.stem);
    CHECK(stems == std::vector<std::string>{"وافقت", "سلط", "صين", "-", "استيراد", "دفع", "اول",
                                            "-", "شراءح", "h200"});
  }

  TEST_CASE("every token's original range, normalized, gives the token") {
    std::ifstream in(std::string(FAHRAS_TEST_DATA_DIR) + "/../../corpus/001_721394432df85b15.txt");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    REQUIRE(text.size() > 1000);
    auto tokens = analyze(text);
    CHECK(tokens.size() > 1000);
    for (auto& a : tokens) {
      const Token& t = a.token;
      std::string original = text.substr(t.original_begin, t.original_end - t.original_begin);
      REQUIRE_MESSAGE(normalize(original) == t.text, original);
    }
  }

  TEST_CASE("vocalized text: offsets cover the harakat") {
    std::string text = "قَرَأَ الطَّالِبُ الْكِتَابَ";
    auto tokens = analyze(text);
    REQUIRE(tokens.size() == 3);
    CHECK(text.substr(tokens[2].token.original_begin) == "الْكِتَابَ");
    CHECK(tokens[2].stem == "كتاب");
  }

  TEST_CASE("random bytes and long inputs terminate with sane tokens") {
    std::mt19937 rng(1234);
    for (int round = 0; round < 200; ++round) {
      std::string noise(static_cast<size_t>(rng() % 2000), '\0');
      for (char& c : noise) c = static_cast<char>(rng());
      for (auto& a : analyze(noise)) {
        CHECK(a.token.original_begin < a.token.original_end);
        CHECK(a.token.original_end <= noise.size());
      }
    }
    std::string long_word;
    for (int i = 0; i < 100000; ++i) long_word += "ك";
    auto tokens = analyze(long_word);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].token.original_end == long_word.size());
  }
}
