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

// For each pair, how many times a form of its first word is followed by a
// form of its second within kAdjacencyWindow positions in document `docid`.
// `holds(term)` says whether the document holds a term (the ranker knows it
// from the posting lists): positions are read only for those.
template <typename Holds>
std::vector<unsigned> count_adjacent(const Xapian::Database& db, Xapian::docid docid,
                                     const std::vector<WordPair>& pairs, Holds&& holds);

// Occurrences of a position in `first` followed by one in `second` within
// kAdjacencyWindow (both sorted ascending); each position of `first` counts once.
unsigned count_together(const std::vector<Xapian::termpos>& first,
                        const std::vector<Xapian::termpos>& second);

// Sorted positions of the forms the document holds.
template <typename Holds>
std::vector<Xapian::termpos> positions_of(const Xapian::Database& db, Xapian::docid docid,
                                          const std::vector<std::string>& forms, Holds&& holds) {
  std::vector<Xapian::termpos> out;
  for (const std::string& form : forms)
    if (holds(form))
      out.insert(out.end(), db.positionlist_begin(docid, form), db.positionlist_end(docid, form));
  std::sort(out.begin(), out.end());
  return out;
}

template <typename Holds>
std::vector<unsigned> count_adjacent(const Xapian::Database& db, Xapian::docid docid,
                                     const std::vector<WordPair>& pairs, Holds&& holds) {
  std::vector<unsigned> counts(pairs.size(), 0);
  std::map<std::vector<std::string>, std::vector<Xapian::termpos>> read;
  auto positions = [&](const std::vector<std::string>& forms) -> const auto& {
    auto found = read.find(forms);
    if (found == read.end())
      found = read.emplace(forms, positions_of(db, docid, forms, holds)).first;
    return found->second;
  };
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& first = positions(pairs[i].first);
    if (first.empty()) continue;
    counts[i] = count_together(first, positions(pairs[i].second));
  }
  return counts;
}

}  // namespace fahras
