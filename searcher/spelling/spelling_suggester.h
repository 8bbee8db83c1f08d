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
// A suggester told share_tables() does not build the table on its own
// thread: it takes one another thread built from the same database
// (shared_spelling_tables.h) and looks words up until one is ready. When the
// database moves to a commit that changed known words (index_delta.h), the
// owner calls follow() with them, which updates the suggester's view of the
// table in place; otherwise forget(). Not thread-safe; a table is immutable
// and may be shared by suggesters of many threads.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fahras {

inline constexpr unsigned kMaxSuggestionEdits = 2;
// Words longer than this many letters get no suggestion: the words within two
// edits of a word grow with the square of its length, and no word of a
// language is this long (a pasted hash or a run of letters is not a typo).
inline constexpr size_t kMaxSuggestionLetters = 24;
inline constexpr size_t kQuestionsBeforeTable = 16;
inline constexpr size_t kMaxFollowedWords = 50000;

// The words of an index as suggesters read them, with their deletion
// hashes. Immutable once read.
struct SpellingTable {
  std::string uuid;                // of the database read
  Xapian::rev revision = 0;        // the commit read (0 for several databases)
  std::vector<std::string> words;  // byte order
  std::vector<Xapian::doccount> frequencies;
  // (hash of a word or of it without one letter, word index), sorted.
  std::vector<std::pair<uint64_t, uint32_t>> deletes;
};

// Reads every spelling word (is_spelling_word) of `index` into a table.
std::shared_ptr<const SpellingTable> read_spelling_table(const Xapian::Database& index);

// How many tables the process has read (for tests and profiles).
uint64_t spelling_tables_read();

// The commit a database handle reads; 0 when it has several sub-databases
// or its backend keeps no revisions.
Xapian::rev revision_of(const Xapian::Database& index);

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
  // built: the table is forgotten, to be built again. A suggester sharing
  // tables and waiting for one keeps the words, to follow once it has it.
  void follow(const Xapian::Database& index, const std::unordered_set<std::string>& words);

  // From now on tables are read off this thread, from a handle of their own
  // on `path` (a local index, the database suggest() is given), and shared
  // with the process's other suggesters of that database. Empty: each
  // suggester builds its own, on its own thread.
  void share_tables(std::string path);

  // The table it reads (nullptr before it has one).
  const SpellingTable* table() const { return table_.get(); }

  // How many words it holds (0 before it has a table).
  size_t size() const { return table_ ? table_->words.size() + added_words_.size() : 0; }

 private:
  // Takes `table` as read at a revision no earlier than `since_`, and
  // follows the words changed since.
  void adopt(const Xapian::Database& index, std::shared_ptr<const SpellingTable> table);
  // Builds or takes a table, or leaves table_ empty while one is built.
  void obtain_table(const Xapian::Database& index);
  const std::string& word_at(uint32_t i) const {
    size_t base = table_->words.size();
    return i < base ? table_->words[i] : added_words_[i - base];
  }
  // The index of a word (word_at), or size().
  size_t index_of(const std::string& word) const;

  size_t asked_ = 0;  // suggest() calls since forget()
  std::shared_ptr<const SpellingTable> table_;
  // The words added since the table was read (follow()), numbered after its own.
  std::vector<std::string> added_words_;
  // The frequency of the table's words, then of the added ones; 0 for a word gone.
  std::vector<Xapian::doccount> frequencies_;
  std::vector<std::pair<uint64_t, uint32_t>> added_deletes_;  // as SpellingTable::deletes
  std::unordered_map<std::string, uint32_t> added_;           // word added -> index
  // Sharing: the database's path; the revision of the first question since
  // forget() (a table read before it lacks changes this suggester was not
  // told of); the words commits changed since then, until there is a table.
  std::string shared_path_;
  std::optional<Xapian::rev> since_;
  std::unordered_set<std::string> changed_since_;
};

}  // namespace fahras
