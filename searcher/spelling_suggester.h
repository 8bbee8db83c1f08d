// "Did you mean": the closest word the index holds to a word it does not, at
// a cost that does not grow with the vocabulary.
//
// The words are the index's own: its unprefixed terms that could be
// spellings (is_spelling_word: three letters or more, no stop word), each
// with the number of passages holding it. Xapian's spelling table held the
// same words, but keeping it up to date took a third of indexing time (12 of
// 35 s of CPU on the Wikipedia collection), and its suggester gathers
// candidates through trigram posting lists, which on a real vocabulary
// (170,000 words) took 58 ms for one misspelled question word.
//
// This one is a symmetric-delete index (SymSpell): it holds, for every word,
// the hashes of the word and of the word with one letter deleted, sorted; a
// query word's candidates are the words that share a hash with it, or with it
// missing one or two letters, so a suggestion costs a few dozen binary
// searches whatever the vocabulary. Candidates are checked by their edit
// distance (Damerau-Levenshtein, optimal string alignment: a swap of
// neighbouring letters is one edit).
//
// What it finds within two edits: one edit of any kind (a dropped, doubled,
// wrong or swapped letter, a wrong hamza seat), and two edits of which one is
// a letter too many in the query (الاعيبين for اللاعبين: a letter missing,
// one too many). Two wrong letters in one word, or two letters missing, are
// not suggested (their deletes would have to be indexed too: ~30 per word).
//
// The answer is the word at the least distance (at most kMaxSuggestionEdits),
// then the most frequent, then the first in byte order.
//
// Contract: the first kQuestionsBeforeTable suggest() calls after
// construction or forget() look the words within reach up one by one in the
// index (each edit of the word, and of it without each letter: a few
// thousand term lookups, a few milliseconds; building the table reads every
// word, ~0.2 s on the Wikipedia collection: a program that searches once
// should not pay it), with the same answers; the next ones read the table.
// When the database moves to a commit that changed known words
// (index_delta.h), the owner calls follow() with them, which updates the
// table in place; otherwise forget(). Not thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fahras {

inline constexpr unsigned kMaxSuggestionEdits = 2;
inline constexpr size_t kQuestionsBeforeTable = 16;
inline constexpr size_t kMaxFollowedWords = 50000;

class SpellingSuggester {
 public:
  // The suggestion for a normalized word, or "" when no word of the table is
  // within max_edits (at most kMaxSuggestionEdits), or the word is in the
  // table itself.
  std::string suggest(const Xapian::Database& index, const std::string& word,
                      unsigned max_edits = kMaxSuggestionEdits);

  void forget();

  // Takes the current frequency in `index` of each word of `words` that may
  // be in the table (others are skipped): a word added is suggested, one gone
  // no longer is. More than kMaxFollowedWords added since the table was
  // built: the table is forgotten, to be built again.
  void follow(const Xapian::Database& index, const std::unordered_set<std::string>& words);

  // How many words it holds (0 before the first suggest()).
  size_t size() const { return utf8_.size(); }

 private:
  void load(const Xapian::Database& index);
  // The index of a word in utf8_, or utf8_.size().
  size_t index_of(const std::string& word) const;

  bool loaded_ = false;
  size_t asked_ = 0;  // suggest() calls since forget()
  // The table's words: those it was built from, in byte order, then those
  // added since (follow()). A word gone has frequency 0.
  std::vector<std::string> utf8_;
  size_t built_ = 0;  // words it was built from
  std::vector<Xapian::doccount> frequencies_;
  // (hash of a word or of it without one letter, word index), sorted: for
  // the words it was built from, and for those added since.
  std::vector<std::pair<uint64_t, uint32_t>> deletes_, added_deletes_;
  std::unordered_map<std::string, uint32_t> added_;  // word added -> index
};

}  // namespace fahras
