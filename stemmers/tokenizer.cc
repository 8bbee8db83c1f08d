// Word segmentation over normalized text (see tokenizer.h for the rules).
#include "tokenizer.h"

#include <unicode/uchar.h>

#include "utf8.h"

namespace fahras {
namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool joins_digits(char32_t c) { return c == U'.' || c == U',' || c == U';'; }

bool joins_letters(char32_t c) { return c == U'\'' || c == U'&'; }

bool is_ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The end of the run from `i` of ASCII word characters and Arabic letters and
// harakat (U+0621..U+0652, two bytes each), which is_word_char() accepts
// without ICU; `last` becomes the run's last character. Most of a text is
// such runs: they are taken without decoding each character in full.
size_t skip_plain_word_chars(std::string_view s, size_t i, char32_t& last) {
  while (i < s.size()) {
    unsigned char lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {
      if (!is_ascii_word_char(lead)) break;
      last = lead;
      ++i;
      continue;
    }
    char32_t c = arabic_two_byte_at(s, i);
    if (c < 0x0621 || c > 0x0652) break;
    last = c;
    i += 2;
  }
  return i;
}

// Calls on_word(begin, end) for every word of s, in order.
template <typename OnWord>
void for_each_word(std::string_view s, OnWord on_word) {
  size_t i = 0;
  size_t word_begin = std::string_view::npos;
  char32_t previous = 0;
  while (i < s.size()) {
    size_t here = i;
    char32_t c;
    decode_utf8(s, i, c);
    if (is_word_char(c)) {
      if (word_begin == std::string_view::npos) word_begin = here;
      previous = c;
      i = skip_plain_word_chars(s, i, previous);
      continue;
    }
    if (word_begin != std::string_view::npos && i < s.size()) {
      size_t next_index = i;
      char32_t next;
      decode_utf8(s, next_index, next);
      bool infix = (joins_digits(c) && is_digit(previous) && is_digit(next)) ||
                   (joins_letters(c) && is_word_char(previous) && !is_digit(previous) &&
                    is_word_char(next) && !is_digit(next));
      if (infix) continue;
    }
    if (word_begin != std::string_view::npos) on_word(word_begin, here);
    word_begin = std::string_view::npos;
  }
  if (word_begin != std::string_view::npos) on_word(word_begin, s.size());
}

}  // namespace

bool is_word_char(char32_t c) {
  if (c < 0x80)
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || is_digit(c) || c == U'_';
  if (c >= 0x0621 && c <= 0x0652) return true;  // Arabic letters and harakat, without ICU
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_CONNECTOR_PUNCTUATION:
      return true;
    default:
      return false;
  }
}

std::vector<Token> tokenize(const NormalizedText& normalized) {
  std::vector<Token> tokens;
  const std::string& s = normalized.text;
  tokens.reserve(s.size() / 8 + 1);  // an Arabic word and its space: about 10 bytes
  for_each_word(s, [&](size_t begin, size_t end) {
    uint32_t position = static_cast<uint32_t>(tokens.size());
    Token& t = tokens.emplace_back();
    t.text.assign(s, begin, end - begin);
    t.begin = begin;
    t.end = end;
    auto [ob, oe] = normalized.original_range(begin, end);
    t.original_begin = ob;
    t.original_end = oe;
    t.position = position;
  });
  return tokens;
}

std::vector<WordSpan> word_spans(std::string_view normalized) {
  std::vector<WordSpan> spans;
  spans.reserve(normalized.size() / 8 + 1);
  for_each_word(normalized, [&](size_t begin, size_t end) { spans.push_back({begin, end}); });
  return spans;
}

std::vector<std::string> split_words(std::string_view normalized) {
  std::vector<std::string> words;
  for_each_word(normalized, [&](size_t begin, size_t end) {
    words.emplace_back(normalized.substr(begin, end - begin));
  });
  return words;
}

}  // namespace fahras
