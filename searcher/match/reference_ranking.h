// What the disjunction matcher must return, as Xapian's own matcher gives it.
//
// The disjunction matcher (disjunction_matcher.h) promises Xapian's ranking
// of the same query: the passages of most weight by passage_bm25(), weights
// rounded by round_score(), ties by location. These read that ranking
// through Xapian::Enquire, for the unit test and for bench/check_matcher,
// which compare the two on the corpus and on a million passages.
#pragma once

#include <xapian.h>

#include <cstddef>

#include "disjunction_matcher.h"

namespace fahras {

// Xapian's `depth` best for `query`: (docid, weight rounded), best first,
// ties by location, read from kTieMargin more passages than the cut;
// `total` receives Xapian's count of the matches, exact (every document
// checked).
std::vector<WeightedDoc> xapian_ranking(const Xapian::Database& db, const Xapian::Query& query,
                                        size_t depth, size_t& total);

// Where a passage is, from its location value (read once per docid and kept
// for as long as the returned function).
LocationOf location_from_values(const Xapian::Database& db);

}  // namespace fahras
