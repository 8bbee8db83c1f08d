// Term-at-a-time BM25 for disjunctions (see disjunction_matcher.h).
#include "disjunction_matcher.h"

#include <algorithm>

#include "rerank.h"

namespace fahras {
bool DisjunctionMatcher::suits(const Xapian::Database& db, const std::vector<WeightedTerm>& terms) {
  if (db.get_lastdocid() > kMaxAccumulatedDocids) return false;
  size_t cost = 0;
  std::vector<const std::string*> uncached;
  for (const WeightedTerm& t : terms) {
    if (postings_.contains(t.term)) {
      cost += t.frequency / kCachedPostingDiscount;
    } else {
      cost += t.frequency;
      uncached.push_back(&t.term);
    }
  }
  if (cost <= kMaxAccumulatedPostings) return true;
  if (std::all_of(uncached.begin(), uncached.end(),
                  [&](const std::string* t) { return heavy_terms_seen_.count(*t) > 0; }))
    return true;
  if (heavy_terms_seen_.size() >= kMaxRememberedHeavyTerms) heavy_terms_seen_.clear();
  for (const std::string* t : uncached) heavy_terms_seen_.insert(*t);
  return false;
}

std::vector<WeightedDoc> DisjunctionMatcher::top(const Xapian::Database& db,
                                                 const std::vector<WeightedTerm>& terms,
                                                 size_t depth, size_t& total) {
  static_assert(kBm25B == 0, "the accumulator leaves out BM25's length normalization");
  Xapian::docid last = db.get_lastdocid();
  if (weight_of_.size() <= last) {
    weight_of_.resize(last + 1);
    stamp_.resize(last + 1, 0);
  }
  if (++call_ == 0) {  // the stamps wrapped: forget them all
    std::fill(stamp_.begin(), stamp_.end(), 0);
    call_ = 1;
  }
  touched_.clear();
  Xapian::doccount documents = db.get_doccount();
  for (const WeightedTerm& t : terms) {
    if (t.frequency == 0) continue;
    // Xapian 1.4's BM25Weight::init() for wqf 1, in its order of operations.
    double term_weight = bm25_idf(documents, t.frequency) * t.factor * (kBm25K1 + 1);
    for (const Posting& p : postings_.postings(db, t.term)) {
      Xapian::docid d = p.docid;
      if (d >= weight_of_.size()) continue;  // added after get_lastdocid() was read
      double wdf = p.wdf;
      double part = term_weight * (wdf / (kBm25K1 + wdf));
      if (stamp_[d] != call_) {
        stamp_[d] = call_;
        weight_of_[d] = part;
        touched_.push_back(d);
      } else {
        weight_of_[d] += part;
      }
    }
  }
  total = touched_.size();
  auto better = [&](Xapian::docid a, Xapian::docid b) {
    if (weight_of_[a] != weight_of_[b]) return weight_of_[a] > weight_of_[b];
    return a < b;
  };
  size_t keep = std::min(depth, touched_.size());
  std::partial_sort(touched_.begin(), touched_.begin() + keep, touched_.end(), better);
  std::vector<WeightedDoc> out;
  out.reserve(keep);
  for (size_t i = 0; i < keep; ++i) out.push_back({touched_[i], weight_of_[touched_[i]]});
  return out;
}

}  // namespace fahras
