// Term-at-a-time BM25 for disjunctions (see disjunction_matcher.h).
#include "disjunction_matcher.h"

#include <algorithm>
#include <cmath>

#include "rerank.h"

namespace fahras {
namespace {

// Xapian 1.4's BM25Weight::init() for a term without relevance information
// and with wqf 1: idf (kept positive for terms in more than half the
// documents, as Xapian keeps it) times the factor times (k1 + 1).
double bm25_term_weight(Xapian::doccount documents, Xapian::doccount term_frequency,
                        double factor) {
  double ratio = (documents - term_frequency + 0.5) / (term_frequency + 0.5);
  if (ratio < 2) ratio = ratio * 0.5 + 1;
  return std::log(ratio) * factor * (kBm25K1 + 1);
}

}  // namespace

bool DisjunctionMatcher::suits(const Xapian::Database& db, const std::vector<WeightedTerm>& terms) {
  if (db.get_lastdocid() > kMaxAccumulatedDocids) return false;
  size_t cost = 0;
  bool seen_before = true;
  for (const WeightedTerm& t : terms) {
    if (postings_.contains(t.term)) {
      cost += t.frequency / kCachedPostingDiscount;
    } else {
      cost += t.frequency;
      seen_before = seen_before && heavy_terms_seen_.count(t.term) > 0;
    }
  }
  if (cost <= kMaxAccumulatedPostings || seen_before) return true;
  if (heavy_terms_seen_.size() >= kMaxRememberedHeavyTerms) heavy_terms_seen_.clear();
  for (const WeightedTerm& t : terms)
    if (!postings_.contains(t.term)) heavy_terms_seen_.insert(t.term);
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
    double term_weight = bm25_term_weight(documents, t.frequency, t.factor);
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
