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
// time) has its list decoded and kept, as the matcher's terms are, unless
// the list is long: on a million passages that took the table blocks read
// per ARCD question from 166 to 125.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "postings_cache.h"
#include "revision_state.h"  // HeavyTerms

namespace fahras {

// Which lists TermMatches decodes and keeps: those of terms `seen` before
// whose lists hold at most kMaxDecodedForMatches postings (`frequency`: the
// term's document frequency). Decoding costs about 10 ns a posting, once;
// walking a list to 30 candidates, a block read or so each, every time: a
// list of 1.5 million postings (a common term at 3 million passages) took
// 30 ms to decode.
inline constexpr Xapian::doccount kMaxDecodedForMatches = 150'000;
struct DecodeAdmission {
  HeavyTerms* seen = nullptr;
  std::function<Xapian::doccount(const std::string&)> frequency;
};

class TermMatches {
 public:
  using Found = std::map<std::string, Xapian::termcount>;  // term -> wdf in the document

  TermMatches() = default;
  // `decoded` (may be null): lists to search in memory where it holds them.
  // `admission` (may be null, and is without `decoded`): the lists it admits
  // are decoded into `decoded`; the others are walked in the index. `db` must
  // be at `decoded`'s revision.
  TermMatches(const Xapian::Database& db, std::vector<Xapian::docid> docids,
              const std::set<std::string>& terms, PostingsCache* decoded = nullptr,
              const DecodeAdmission* admission = nullptr);
  // The same for more documents (the terms of those already added are kept).
  void add(const Xapian::Database& db, std::vector<Xapian::docid> docids,
           const std::set<std::string>& terms, PostingsCache* decoded = nullptr,
           const DecodeAdmission* admission = nullptr);

  // The terms among those given that document `docid` contains, with their
  // wdf (empty for a document that was not among the docids).
  const Found& of(Xapian::docid docid) const;

 private:
  std::unordered_map<Xapian::docid, Found> matched_;
  Found none_;
};

}  // namespace fahras
