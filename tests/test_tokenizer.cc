// Tests of tokenizer.h: words, positions and original offsets on the
// corpus's own mixtures of Arabic, Latin and digits.
#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <random>
#include <string_view>

#include "tokenizer.h"
#include "utf8.h"

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

  TEST_CASE("runs of plain letters are taken as decoding each character takes them") {
    // The segmentation rules (tokenizer.h), one decoded character at a time:
    // the model word_spans' fast path over ASCII and Arabic runs must match.
    auto model = [](std::string_view s) {
      // Every character decoded first, with where it starts; a character is
      // part of a word if it is a word character, or a joiner standing
      // between two characters it joins; words are the maximal runs of such.
      std::vector<std::pair<size_t, char32_t>> chars;
      for (size_t i = 0; i < s.size();) {
        size_t at = i;
        char32_t c;
        decode_utf8(s, i, c);
        chars.push_back({at, c});
      }
      auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
      auto letter = [&](char32_t c) { return is_word_char(c) && !digit(c); };
      std::vector<bool> in_word(chars.size());
      for (size_t k = 0; k < chars.size(); ++k) {
        char32_t c = chars[k].second;
        bool inner = k > 0 && k + 1 < chars.size() && in_word[k - 1];
        char32_t before = k > 0 ? chars[k - 1].second : 0;
        char32_t after = k + 1 < chars.size() ? chars[k + 1].second : 0;
        bool digit_joiner = (c == U'.' || c == U',' || c == U';') && digit(before) && digit(after);
        bool letter_joiner = (c == U'\'' || c == U'&') && letter(before) && letter(after);
        in_word[k] = is_word_char(c) || (inner && (digit_joiner || letter_joiner));
      }
      std::vector<WordSpan> spans;
      for (size_t k = 0; k < chars.size();) {
        if (!in_word[k]) {
          ++k;
          continue;
        }
        size_t first = k;
        while (k < chars.size() && in_word[k]) ++k;
        spans.push_back({chars[first].first, k < chars.size() ? chars[k].first : s.size()});
      }
      return spans;
    };
    // Pieces that meet at every boundary the fast path tests: Arabic letters
    // at both ends of its range and just outside it, harakat, tatweel, a
    // lead byte with a bad or missing trail byte, joiners, ASCII.
    const std::vector<std::string> pieces = {"ء",
                                             "ا",
                                             "ي",
                                             "ً",
                                             "ْ",
                                             "ٓ",
                                             "ـ",
                                             "؟",
                                             "،",
                                             "٣",
                                             "\xD8",
                                             "\xD9",
                                             "\xD8"
                                             "A",
                                             "\xD9\xC0",
                                             "a",
                                             "Z",
                                             "7",
                                             "_",
                                             " ",
                                             ".",
                                             ",",
                                             "'",
                                             "&",
                                             "-",
                                             "é",
                                             "ک",
                                             "\xF0\x9F\x98\x80",
                                             "الصين"};
    std::mt19937 random(28);
    for (int round = 0; round < 20000; ++round) {
      std::string text;
      size_t length = random() % 12;
      for (size_t k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
      std::vector<WordSpan> expected = model(text), spans = word_spans(text);
      REQUIRE_MESSAGE(spans.size() == expected.size(), text);
      for (size_t k = 0; k < spans.size(); ++k) {
        CHECK_MESSAGE(spans[k].begin == expected[k].begin, text);
        CHECK_MESSAGE(spans[k].end == expected[k].end, text);
      }
    }
  }

  TEST_CASE("split_words agrees with tokenize") {
    std::string text = "الذكاء الاصطناعي H20 و3.5";
    std::vector<std::string> a = split_words(normalize(text));
    CHECK(a == words_of(text));
  }
}
