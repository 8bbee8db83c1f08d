// How often adjacent query words stand together in a passage, from positions.
//
// The ranker rewards a passage where two words the query puts side by side
// stand side by side too (rerank.h). The index keeps no term per pair of
// words: the positions of the words already say where they stand. For each
// of a few re-ranked candidates that hold both words of a pair, the counter
// reads the positions of the words as the query wrote them (normalized, and
// the reading of a word the index does not know as typed) and counts the
// occurrences of the first followed by the second within kAdjacencyWindow.
// Words are matched as written, not by stem: reading the passage's whole
// term list to find every inflection of a stem cost 1.4 ms a search on the
// Wikipedia collection, and ranked no better (docs/index-format.md).
#pragma once

#include <xapian.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace fahras {

// The written forms of two adjacent query words (stop words between them
// skipped), as the index holds words (normalized): each side one or two forms.
struct WordPair {
  std::vector<std::string> first, second;
};

// Positions apart that still count as standing together: 1 is adjacent.
inline constexpr Xapian::termpos kAdjacencyWindow = 1;

// Positions of terms in documents, each (term, document) read once however
// many pairs hold the term: in Xapian 1.4.22 every position list read is a
// B-tree descent of its own (two preads, in the order of the position
// table's keys or not), and most of a search's preads.
class PositionBatch {
 public:
  void want(const std::string& term, Xapian::docid docid);
  // Reads every position wanted and not yet read.
  void read(const Xapian::Database& db);
  // Sorted positions of a term read for a document; empty for one not wanted
  // or not held.
  const std::vector<Xapian::termpos>& of(const std::string& term, Xapian::docid docid) const;

 private:
  struct Entry {
    bool read = false;
    std::vector<Xapian::termpos> positions;
  };
  std::map<std::pair<std::string, Xapian::docid>, Entry> entries_;
};

// Whether a document holds a form of each word of the pair (`holds(term)`:
// the ranker knows it from the posting lists).
template <typename Holds>
bool holds_both_words(const WordPair& pair, Holds&& holds) {
  auto held = [&](const std::vector<std::string>& forms) {
    return std::any_of(forms.begin(), forms.end(), [&](const std::string& f) { return holds(f); });
  };
  return held(pair.first) && held(pair.second);
}

// Asks `batch` for the positions count_adjacent() needs in document `docid`:
// the forms the document holds of the pairs it holds both words of; a pair
// missing a word counts 0 whatever the other's positions.
template <typename Holds>
void want_adjacent(PositionBatch& batch, Xapian::docid docid, const std::vector<WordPair>& pairs,
                   Holds&& holds) {
  for (const WordPair& pair : pairs) {
    if (!holds_both_words(pair, holds)) continue;
    for (const auto* side : {&pair.first, &pair.second})
      for (const std::string& form : *side)
        if (holds(form)) batch.want(form, docid);
  }
}

// For each pair, how many times a form of its first word is followed by a
// form of its second within kAdjacencyWindow positions in document `docid`,
// from the positions `batch` read (want_adjacent()).
std::vector<unsigned> count_adjacent(const PositionBatch& batch, Xapian::docid docid,
                                     const std::vector<WordPair>& pairs);

// Occurrences of a position in `first` followed by one in `second` within
// kAdjacencyWindow (both sorted ascending); each position of `first` counts once.
unsigned count_together(const std::vector<Xapian::termpos>& first,
                        const std::vector<Xapian::termpos>& second);

}  // namespace fahras
