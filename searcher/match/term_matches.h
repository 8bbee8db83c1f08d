// Which of a query's terms each of a few ranked documents contains.
//
// The ranker needs, for each of its top candidates, the query terms it
// matched (how much of the query it covers; which highlights to look for).
// Reading each candidate's whole term list (Enquire::get_matching_terms) costs
// a decompression per document; walking each query term's posting list with
// skip_to over the sorted candidates costs a few B-tree seeks per term; a
// list already decoded in memory (postings_cache.h) is binary-searched instead.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "postings_cache.h"

namespace fahras {

class TermMatches {
 public:
  using Found = std::map<std::string, Xapian::termcount>;  // term -> wdf in the document

  TermMatches() = default;
  // `decoded`: lists to search in memory where it holds them (may be null).
  TermMatches(const Xapian::Database& db, std::vector<Xapian::docid> docids,
              const std::set<std::string>& terms, const PostingsCache* decoded = nullptr);
  // The same for more documents (the terms of those already added are kept).
  void add(const Xapian::Database& db, std::vector<Xapian::docid> docids,
           const std::set<std::string>& terms, const PostingsCache* decoded = nullptr);

  // The terms among those given that document `docid` contains, with their
  // wdf (empty for a document that was not among the docids).
  const Found& of(Xapian::docid docid) const;

 private:
  std::unordered_map<Xapian::docid, Found> matched_;
  Found none_;
};

}  // namespace fahras
