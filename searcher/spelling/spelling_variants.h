// Other spellings of a word the index knows: ترامب and ترمب, هوانغ and هوانج,
// إنفيديا and Nvidia.
//
// Names are written several ways, and a query in one spelling should find the
// others. Following the word's whole phonetic key (phonetic_key.h) would also
// follow every other word that shares its consonant skeleton, and in a large
// index that is a long posting list for a few true variants. The index lists
// the stems indexed under each key (indexer/key_vocabulary.h), so the
// variants are read off it per query: stems under the word's key that, within
// a script, differ from the word's stem by one letter; across scripts, that
// could transcribe each other (phonetic_key.h: may_transcribe).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "term_statistics.h"

namespace fahras {

// The stems (no Z prefix) indexed under `key` that are spellings of `stem`,
// `stem` itself excluded.
std::vector<std::string> spelling_variants(TermStatistics& index, const std::string& key,
                                           const std::string& stem);

// Whether one spelling is the other with one long vowel (ا و ي) written in:
// نفيديا and انفيديا, ترمب and ترامب.
bool differs_by_a_long_vowel(const std::string& a, const std::string& b);

// Levenshtein distance in code points, or limit + 1 when it exceeds `limit`.
size_t edit_distance(const std::u32string& a, const std::u32string& b, size_t limit);

// edit_distance(a, b, 1) <= 1 in one pass, without a table: equal, or one
// code point substituted, added or dropped.
bool within_one_edit(std::u32string_view a, std::u32string_view b);

}  // namespace fahras
