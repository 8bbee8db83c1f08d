// A one-word name written as two words in the index: ByteDance or بايتدانس
// as بايت دانس, DeepSeek as ديب سيك.
//
// The index keeps no term per pair of adjacent words (the X pair-key terms
// until analysis version 11 were a sixth of the Wikipedia index's size and a
// fifth of its build). The two words are found through the key vocabulary
// instead (indexer/key_vocabulary.h): the query word's phonetic key is cut in
// two, each half read as the key (or, two classes long, the vowel-marked key)
// of one word, and a pair of the stems listed under the halves that passages
// also write as words (names seldom take endings) counts when the two joined
// could be the word: a transcription of it (is_transcription: the same sound
// classes, vowels where the Latin word has them) across scripts, within
// kMaxTwoWordEdits edits of it within one. The searcher matches the two words
// standing together (a phrase), as the pair terms did; a skeleton of common
// consonants joins many pairs of words that never do.
#pragma once

#include <string>
#include <vector>

#include "term_statistics.h"

namespace fahras {

// At most this many two-word spellings of a word: the nearest to it first,
// then those whose rarer stem is commoner.
inline constexpr size_t kMaxTwoWordSpellings = 4;
// Of the words under each half's keys, only this many commonest are paired,
// of the kStemsConsideredPerKey commonest stems under each key.
inline constexpr size_t kMaxWordsPerHalf = 8;
inline constexpr size_t kStemsConsideredPerKey = 16;
// Two stems joined are a spelling of a word of their script this many
// letters away at most (a key skeleton joins many pairs of common words).
inline constexpr size_t kMaxTwoWordEdits = 1;

struct TwoWordSpelling {
  std::string first, second;  // stems that passages write as words
  bool operator==(const TwoWordSpelling&) const = default;
};

// The two-word spellings the index holds of a word whose key source is
// `source` (phonetic_key_source) and whose key is `key` (its phonetic_key,
// or its vowel_marked_key when it has none). Empty for a key too short to be
// a pair's (phonetic_pair_key).
std::vector<TwoWordSpelling> two_word_spellings(TermStatistics& index, const std::string& source,
                                                const std::string& key);

}  // namespace fahras
