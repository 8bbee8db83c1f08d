// Which of a query's terms each of a few ranked documents contains.
//
// The ranker needs, for each of its top candidates, the query terms it
// matched (how much of the query it covers; which highlights to look for).
// Reading each candidate's whole term list (Enquire::get_matching_terms) costs
// a decompression per document; walking each query term's posting list with
// skip_to over the sorted candidates costs a few B-tree seeks per term.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace fahras {

class TermMatches {
 public:
  using Found = std::map<std::string, Xapian::termcount>;  // term -> wdf in the document

  TermMatches(const Xapian::Database& db, std::vector<Xapian::docid> docids,
              const std::set<std::string>& terms);

  // The terms among those given that document `docid` contains, with their
  // wdf (empty for a document that was not among the docids).
  const Found& of(Xapian::docid docid) const;

 private:
  std::unordered_map<Xapian::docid, Found> matched_;
  Found none_;
};

}  // namespace fahras
