// The whole analysis chain over one text: normalize, tokenize, stop, stem.
//
// This is what fahras-analyze prints and what the searcher uses to find the
// words to highlight in an original passage. Stages, in order:
//   normalize_with_offsets (normalizer.h) -> tokenize (tokenizer.h)
//   -> is_stopword (stopwords.h) -> stem_word (light_stemmer.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tokenizer.h"

namespace fahras {

struct AnalyzedToken {
  Token token;       // normalized word, positions, original byte range
  std::string stem;  // the stemmed form ("" for a stop word)
  bool stopword = false;
};

std::vector<AnalyzedToken> analyze(std::string_view text);

// Normalize and stem one word as the chain does (for query terms and tools).
std::string analyze_word(std::string_view word);

}  // namespace fahras
