// What bounds the cost of a query's syntax, before Xapian parses it.
//
// Xapian's matcher cannot be stopped midway through a positional check or a
// wildcard's expansion, so a query's operators are bounded where they cost
// more than their words: each limit below cuts the query, says so in a
// notice, and searches what it cut as plain words. With them, and the time
// budget (search_budget.h), a query's cost follows its length.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace fahras {

// A wildcard (استير*) stands for at most this many words, its most frequent;
// a query's wildcards past the kMaxWildcards-th are searched as plain words.
inline constexpr unsigned kMaxWildcardExpansion = 50;
inline constexpr size_t kMaxWildcards = 8;
// Xapian checks every word of a phrase, or of a NEAR or ADJ group, in every
// passage holding them all: a quoted phrase keeps its first kMaxPhraseWords
// words (the rest are plain words), a query keeps the quotes of its first
// kMaxPhrases phrases and its first kMaxProximityOperators NEAR and ADJ.
inline constexpr size_t kMaxPhraseWords = 32;
inline constexpr size_t kMaxPhrases = 8;
inline constexpr size_t kMaxProximityOperators = 8;

// The query text (normalized, ASCII spaces between tokens) within the limits
// above, with a notice in `notices` for each kind of cut.
std::string within_query_limits(const std::string& text, std::vector<std::string>& notices);

// Notices for the wildcards (their normalized prefixes) with more than
// kMaxWildcardExpansion words in `db`: it counts at most one past the limit.
void notice_cut_wildcards(const Xapian::Database& db, const std::vector<std::string>& prefixes,
                          std::vector<std::string>& notices);

}  // namespace fahras
