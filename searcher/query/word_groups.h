// The words of a query that match only as written, in groups: what the
// highlighter marks only where the whole group stands in a passage.
//
// Unprefixed terms of a parsed query match words as written: the words of a
// quoted phrase or a multi-word synonym (in order, adjacent), of an ADJ/n
// (in order) or NEAR/n group (any order) within their window, and single
// unstemmed words (a number, a stop word in quotes) anywhere.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

namespace fahras {

// Normalized words that match as written only together: a quoted phrase or
// multi-word synonym (in order), a NEAR group (any order), within `window`
// consecutive words. A single word (a number, a stop word in quotes) has a
// window of 1 and is marked wherever it stands.
struct WordGroup {
  std::vector<std::string> words;
  size_t window = 1;
  bool ordered = true;
  auto operator<=>(const WordGroup&) const = default;
};

// The query's groups of words matched as written. A group's window is read
// from Xapian's description of its query (1.4 has no accessor for it).
void collect_word_groups(const Xapian::Query& query, std::set<WordGroup>& groups);

}  // namespace fahras
