// Which of a query's terms each of a few ranked documents contains.
//
// The ranker needs, for each of its top candidates, the query terms it
// matched (how much of the query it covers; which highlights to look for;
// which of the query's written words to read positions of). Reading each
// candidate's whole term list (Enquire::get_matching_terms) costs a
// decompression per document; walking each query term's posting list with
// skip_to over the sorted candidates costs a block read or so per
// candidate on a large index; a list decoded in memory (postings_cache.h) is
// binary-searched instead. A term looked up again (HeavyTerms: the second
// time) has its list decoded and kept, as the matcher's terms are: on a
// million passages that took the table blocks read per ARCD question from
// 166 to 125.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "postings_cache.h"
#include "revision_state.h"  // HeavyTerms

namespace fahras {

class TermMatches {
 public:
  using Found = std::map<std::string, Xapian::termcount>;  // term -> wdf in the document

  TermMatches() = default;
  // `decoded` (may be null): lists to search in memory where it holds them.
  // `admission` (may be null, and is without `decoded`): a term it has seen
  // before has its list decoded into `decoded`; otherwise the list is walked
  // in the index. `db` must be at `decoded`'s revision.
  TermMatches(const Xapian::Database& db, std::vector<Xapian::docid> docids,
              const std::set<std::string>& terms, PostingsCache* decoded = nullptr,
              HeavyTerms* admission = nullptr);
  // The same for more documents (the terms of those already added are kept).
  void add(const Xapian::Database& db, std::vector<Xapian::docid> docids,
           const std::set<std::string>& terms, PostingsCache* decoded = nullptr,
           HeavyTerms* admission = nullptr);

  // The terms among those given that document `docid` contains, with their
  // wdf (empty for a document that was not among the docids).
  const Found& of(Xapian::docid docid) const;

 private:
  std::unordered_map<Xapian::docid, Found> matched_;
  Found none_;
};

}  // namespace fahras
