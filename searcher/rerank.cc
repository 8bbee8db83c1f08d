// Candidate re-scoring (see rerank.h).
#include "rerank.h"

#include <cmath>

namespace fahras {
double bm25_idf(Xapian::doccount documents, Xapian::doccount term_frequency) {
  double ratio = (documents - term_frequency + 0.5) / (term_frequency + 0.5);
  if (ratio < 2) ratio = ratio * 0.5 + 1;
  return std::log(ratio);
}

namespace {

// BM25's within-document part at b = 0.
double bm25_tf(Xapian::termcount wdf) { return (kBm25K1 + 1) * wdf / (kBm25K1 + wdf); }

}  // namespace

Xapian::BM25Weight passage_bm25() { return Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5); }

Reranker::Reranker(Xapian::doccount documents, TermStatistics& statistics, const QueryPlan& plan)
    : plan_(plan) {
  for (const std::string& pair : plan.adjacent_pairs)
    pair_idf_[pair] = bm25_idf(documents, statistics.termfreq(pair));
}

double Reranker::coverage(const TermMatches::Found& matched) const {
  if (plan_.concept_terms.empty()) return 1.0;
  size_t hit = 0;
  for (const auto& terms : plan_.concept_terms) {
    for (const std::string& t : terms) {
      if (matched.count(t)) {
        ++hit;
        break;
      }
    }
  }
  return static_cast<double>(hit) / plan_.concept_terms.size();
}

double Reranker::score(double bm25, const TermMatches::Found& matched) const {
  double proximity = 0;
  for (const auto& [pair, idf] : pair_idf_) {
    auto found = matched.find(pair);
    if (found != matched.end()) proximity += kProximityWeight * idf * bm25_tf(found->second);
  }
  return (bm25 + proximity) * std::pow(coverage(matched), kCoverageExponent);
}

}  // namespace fahras
