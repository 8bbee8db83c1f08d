// A one-word name written as two words in the index: ByteDance or بايتدانس
// as بايت دانس, DeepSeek as ديب سيك.
//
// The index keeps no term per pair of adjacent words (the X pair-key terms
// until analysis version 11 were a fifth of the Wikipedia index's size and of
// its build). The two words are found through the key vocabulary instead
// (indexer/key_vocabulary.h): the query word's phonetic key is cut in two,
// each half read as the key (or, two classes long, the vowel-marked key) of
// one word, and a pair of stems listed under the halves counts when the two
// joined could be the word: a transcription of it (may_transcribe) across
// scripts, within kMaxKeySpellingEdits edits of it within one. The searcher matches passages
// holding both stems; the ranker's adjacency reads whether they stand
// together.
#pragma once

#include <string>
#include <vector>

#include "term_statistics.h"

namespace fahras {

// At most this many two-word spellings of a word: the nearest to it first,
// then those whose rarer stem is commoner.
inline constexpr size_t kMaxTwoWordSpellings = 4;
// Of the stems under each half's key, only this many commonest are paired.
inline constexpr size_t kMaxStemsPerHalf = 8;

struct TwoWordSpelling {
  std::string first, second;  // stems, no Z prefix
  bool operator==(const TwoWordSpelling&) const = default;
};

// The two-word spellings the index holds of a word whose key source is
// `source` (phonetic_key_source) and whose key is `key` (its phonetic_key,
// or its vowel_marked_key when it has none). Empty for a key too short to be
// a pair's (phonetic_pair_key).
std::vector<TwoWordSpelling> two_word_spellings(TermStatistics& index, const std::string& source,
                                                const std::string& key);

}  // namespace fahras
