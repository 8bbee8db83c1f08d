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

// The version of the terms the chain makes. Bump it with any change to
// normalization, tokenization, stop words, stemming or phonetic keys that
// changes a term some text is indexed under: the indexer then re-indexes
// every file of an index built by another version, and the searcher warns
// about such an index until it is.
inline constexpr std::string_view kAnalysisVersion = "12";

struct AnalyzedToken {
  Token token;       // normalized word, positions, original byte range
  std::string stem;  // the stemmed form ("" for a stop word)
  bool stopword = false;
};

std::vector<AnalyzedToken> analyze(std::string_view text);

// Normalize and stem one word as the chain does (for query terms and tools).
std::string analyze_word(std::string_view word);

}  // namespace fahras
