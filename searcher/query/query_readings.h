// How the searcher reads query words the index does not hold as typed.
//
// People type a word in forms the articles do not write: the hamza on
// another seat (شرايح for شرائح), a clitic glued on that the stemmer keeps
// (ورقائق: و is kept because ورق "paper" begins the word), the future
// particle س (ستسمح), a pronoun suffix the stemmer keeps (سياسته, سوقهم),
// a plural in ون without its ن before a noun (محللو), a
// model name in two parts (H 200), a letter for one that sounds alike
// (الصرطان for السرطان: sound_alike_letters.h), even where a few passages of
// the index misspell it so too (موريطانيا). When
// the index knows such a reading, it is the word the user meant: the query
// planner (query_plan.h) weighs it as the word and lets it stand for the word
// everywhere, so the query ranks as if typed right. Readings are candidates
// from the analysis chain, kept only if the index knows them.
#pragma once

#include <string>
#include <vector>

#include "term_statistics.h"

namespace fahras {

// A word the index holds in at most kMaxRareSpellingPassages passages, one
// sound-alike letter from a word it holds kRareSpellingRatio times as often,
// is read as that word too: a misspelling a few passages share (موريطانيا,
// 1 passage of the Wikipedia collection, for موريتانيا, 23). A word it does
// not hold at all is read so when no other reading is known.
inline constexpr unsigned kMaxRareSpellingPassages = 3;
inline constexpr unsigned kRareSpellingRatio = 20;

struct WordReadings {
  // The form the best reading was read from (the word itself if none).
  std::string meant_word;
  // Stems the index knows, best first; empty when no reading is known, or
  // the index knows the word as typed in more than a few passages
  // (kMaxRareSpellingPassages).
  std::vector<std::string> stems;
  // The index knows the word as typed: `stems` reads a rare word as a
  // commoner one.
  bool known_as_typed = false;
};

// The readings of a normalized query word.
WordReadings read_word(const std::string& word, TermStatistics& index);

// The query text with each model name typed in two parts (h 200, h-200) as
// the one word the index holds (h200); other tokens as they are.
std::string join_model_names(const std::string& normalized_text, TermStatistics& index);

// The query text with each run of Latin letters spelled by their Arabic
// names, with a number after it or of two letters or more (اتش 200, آر تي
// اكس, سي إن بي سي), as the one word the index holds (h200, rtx, cnbc);
// other tokens as they are. Letters with one name (بي: b or p) are tried
// each way.
std::string join_spelled_letters(const std::string& normalized_text, TermStatistics& index);

}  // namespace fahras
