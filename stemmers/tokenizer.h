// Splits normalized text into words with positions and original byte ranges.
//
// The rules follow Xapian's TermGenerator so that the words this tokenizer
// sees are the words Xapian indexes: a word is a run of word characters
// (Unicode letters, marks, numbers and connector punctuation); '.', ',' and
// ';' join digits (3.5), and '\'' and '&' join letters (AT&T). Everything else
// separates words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "normalizer.h"

namespace fahras {

struct Token {
  std::string text;  // normalized word
  size_t begin = 0;  // byte range in the normalized text
  size_t end = 0;
  size_t original_begin = 0;  // byte range in the original text
  size_t original_end = 0;
  uint32_t position = 0;  // 0-based word index
};

std::vector<Token> tokenize(const NormalizedText& normalized);

// A word's byte range [begin, end) in normalized text.
struct WordSpan {
  size_t begin = 0;
  size_t end = 0;
};

// The words tokenize() finds, as ranges of `normalized`, none copied.
std::vector<WordSpan> word_spans(std::string_view normalized);

// Word boundaries only, for callers that have no offset map (queries, words).
std::vector<std::string> split_words(std::string_view normalized);

bool is_word_char(char32_t c);

}  // namespace fahras
