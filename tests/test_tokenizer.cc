// Tests of tokenizer.h: words, positions and original offsets on the
// corpus's own mixtures of Arabic, Latin and digits.
#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include "tokenizer.h"

using namespace fahras;

namespace {
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(normalize_with_offsets(text))) out.push_back(t.text);
  return out;
}
}  // namespace

TEST_SUITE("tokenizer") {
  TEST_CASE("Arabic, Latin and digits mixed as the corpus mixes them") {
    CHECK(words_of("شرائح H200 التابعة لشركة إنفيديا") ==
          std::vector<std::string>{"شراءح", "h200", "التابعه", "لشركه", "انفيديا"});
    CHECK(words_of("شريحة RTX Pro 6000D من إنفيديا") ==
          std::vector<std::string>{"شريحه", "rtx", "pro", "6000d", "من", "انفيديا"});
    CHECK(words_of("وAlibaba، و700,000 شريحة عام 2026.") ==
          std::vector<std::string>{"وalibaba", "و700000", "شريحه", "عام", "2026"});
  }

  TEST_CASE("punctuation separates, infixes join") {
    CHECK(words_of("(الصين)؛ «بكين» - كوفيد-19") ==
          std::vector<std::string>{"الصين", "بكين", "كوفيد", "19"});
    CHECK(words_of("3.5 AT&T") == std::vector<std::string>{"3.5", "at&t"});
  }

  TEST_CASE("positions count words and offsets cover the original word") {
    std::string text = "أوقفت الصِّين شراء رقائق";
    auto tokens = tokenize(normalize_with_offsets(text));
    REQUIRE(tokens.size() == 4);
    for (size_t i = 0; i < tokens.size(); ++i) CHECK(tokens[i].position == i);
    CHECK(text.substr(tokens[1].original_begin,
                      tokens[1].original_end - tokens[1].original_begin) == "الصِّين");
    CHECK(text.substr(tokens[0].original_begin,
                      tokens[0].original_end - tokens[0].original_begin) == "أوقفت");
  }

  TEST_CASE("Arabic letters and harakat are word characters, as ICU's categories say") {
    // is_word_char answers this range without ICU.
    for (char32_t c = 0x0621; c <= 0x0652; ++c) {
      int8_t type = u_charType(static_cast<UChar32>(c));
      bool letter_or_mark =
          type == U_OTHER_LETTER || type == U_MODIFIER_LETTER || type == U_NON_SPACING_MARK;
      CHECK_MESSAGE(is_word_char(c) == letter_or_mark, int(c));
    }
    CHECK_FALSE(is_word_char(U'\u060C'));  // Arabic comma
    CHECK_FALSE(is_word_char(U'\u061F'));  // Arabic question mark
  }

  TEST_CASE("word_spans finds tokenize's words without copying them") {
    std::string text = "أوقفت الصين، شراء رقائق H20 بقيمة 3.5 مليار AT&T";
    NormalizedText normalized = normalize_with_offsets(text);
    std::vector<Token> tokens = tokenize(normalized);
    std::vector<WordSpan> spans = word_spans(normalized.text);
    REQUIRE(spans.size() == tokens.size());
    for (size_t i = 0; i < spans.size(); ++i) {
      CHECK(spans[i].begin == tokens[i].begin);
      CHECK(spans[i].end == tokens[i].end);
    }
    CHECK(normalized.text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "الصين");
  }

  TEST_CASE("split_words agrees with tokenize") {
    std::string text = "الذكاء الاصطناعي H20 و3.5";
    std::vector<std::string> a = split_words(normalize(text));
    CHECK(a == words_of(text));
  }
}
