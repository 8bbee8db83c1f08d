// Candidate re-scoring (see rerank.h).
#include "rerank.h"

#include <algorithm>
#include <cmath>

#include "adjacency.h"

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

Reranker::Reranker(Xapian::doccount documents, TermStatistics& statistics, const QueryPlan& plan,
                   const RankingWeights& weights)
    : plan_(plan), weights_(weights) {
  auto frequency = [&](const std::vector<std::string>& forms) {
    Xapian::doccount sum = 0;
    for (const std::string& form : forms) sum += statistics.termfreq(form);
    return sum;
  };
  for (const WordPair& pair : plan.adjacent_words)
    pair_idf_.push_back(
        bm25_idf(documents, std::min(frequency(pair.first), frequency(pair.second))));
}

bool Reranker::may_hold_pairs(const TermMatches::Found& matched) const {
  auto holds = [&](const std::string& form) { return matched.count(form) > 0; };
  return std::any_of(plan_.adjacent_words.begin(), plan_.adjacent_words.end(),
                     [&](const WordPair& pair) { return holds_both_words(pair, holds); });
}

double Reranker::coverage(const TermMatches::Found& matched,
                          const std::vector<bool>* title_concepts) const {
  if (plan_.concept_terms.empty()) return 1.0;
  size_t hit = 0;
  for (size_t c = 0; c < plan_.concept_terms.size(); ++c) {
    if (title_concepts && c < title_concepts->size() && (*title_concepts)[c]) {
      ++hit;
      continue;
    }
    for (const std::string& t : plan_.concept_terms[c]) {
      if (matched.count(t)) {
        ++hit;
        break;
      }
    }
  }
  return static_cast<double>(hit) / plan_.concept_terms.size();
}

double Reranker::score(double bm25, const TermMatches::Found& matched,
                       const std::vector<unsigned>& together, const TitleEvidence* title) const {
  const std::vector<bool>* title_concepts = nullptr;
  if (title) {
    bm25 += (plan_.question ? weights_.question_title : weights_.title) * title->weight;
    title_concepts = &title->concepts;
  }
  double proximity = 0;
  size_t pairs_together = 0;
  for (size_t i = 0; i < together.size() && i < pair_idf_.size(); ++i) {
    if (together[i] == 0) continue;
    proximity += weights_.proximity * pair_idf_[i] * bm25_tf(together[i]);
    ++pairs_together;
  }
  if (pair_idf_.size() >= 2 && pairs_together == pair_idf_.size())
    for (double idf : pair_idf_) proximity += weights_.sequence * idf;
  double unanswered = !plan_.asked_number.empty() && !matched.count(plan_.asked_number)
                          ? 1 - weights_.no_asked_number_penalty
                          : 1;
  return (bm25 + proximity) *
         std::pow(coverage(matched, title_concepts), weights_.coverage_exponent) *
         unanswered;
}

}  // namespace fahras
