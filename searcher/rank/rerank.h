// Re-ranking of the top candidates: what BM25 over single terms misses.
//
// The matcher ranks passages by BM25 over the query's terms and expansions;
// the top kRerankDepth (and, for a remembered phrase none of them holds side
// by side, up to kPhraseCandidates passages that do: QueryPlan::phrase) are
// then scored again:
//   score = (bm25 + proximity) * coverage^coverage_exponent
//           (* (1 - no_asked_number_penalty) for a passage without the number
//           a question asks for), the weights RankingWeights'
//           (ranking_weights.h)
// - coverage: the share of the query's concepts (content words) the passage
//   matches, by the word itself or an expansion, or its article's title holds
//   (title_evidence.h: the paragraph that answers a question about its
//   article's subject often does not repeat it; arcd-dev MRR@10 0.641 ->
//   0.654, other collections unchanged); a passage that answers the whole
//   query beats one that repeats a part of it;
// - proximity: for each pair of adjacent query words that stand together in
//   the passage (adjacency.h, from positions), `proximity` times the
//   BM25 weight the pair would have, as often as they stand together, with
//   the idf of the rarer of the two words' forms (how many passages hold the
//   pair is not counted: the index keeps no term per pair). In a query of
//   plain words every word counts, stop words included (query_plan.h), and
//   a passage where every pair stands together, a remembered phrase, gets
//   `sequence` times the pairs' idf besides.
// Each factor was kept because it raised nDCG@10 on ../shared/eval/dev, or
// MRR@10 on known-item fragments (bench/relevance.sh) without lowering it.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query_plan.h"
#include "ranking_weights.h"
#include "term_matches.h"
#include "title_evidence.h"

namespace fahras {

// BM25 for passages: paragraphs of similar length (long ones are split into
// windows), so no length normalization (b = 0). On the development set b = 0
// ranks best (nDCG@10 0.867, against 0.862 at b = 0.5 and 0.860 at 0.75), and
// it spares the matcher every document-length lookup and gives it tight
// weight bounds to skip by: get_mset is 3x faster on 100k passages.
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0;
// The weights of the other factors are RankingWeights (ranking_weights.h).
// History of their hand-set values, before the joint fit:
// - sequence: known-item fragments of Wikipedia / the statutes, MRR@10:
//   0.945 / 0.949 without, 0.963 / 0.962 at 0.5 (0.968 / 0.962 at 1, where
//   dev loses 0.001); held-out fragments (another seed) 0.962 / 0.953 ->
//   0.978 / 0.970.
// - title, question_title: the title evidence added to a candidate's BM25
// weight (title_evidence.h), question_title for a question (QueryPlan::
// question), which names its subject and asks about it. arcd-dev MRR@10 0.604 without, 0.617 at 0.3, 0.628 at 0.6,
// 0.634 at 1; at one weight for every query, known items lose from 0.6 on
// (Wikipedia fragments MRR@10 0.990 -> 0.988 at 0.6, 0.985 at 1; statutes
// 0.995 -> 0.993, 0.991). Questions only: arcd-dev 0.634 at 1, 0.638 at 1.5
// (Recall@10 0.850), 0.639 at 2 (0.848), known items unchanged (they are
// no questions). Since a title's evidence is weighed by its share of the
// title's words (title_evidence.h), more of it helps: 0.671 at 1.5, 0.675 at
// 2, 0.680 at 3, 0.684 at 4 (Recall@10 0.870), 0.684 at 5 (0.875), 0.683 at
// 7: 4, the start of that plateau. Collections of fewer than
// kMinArticlesForTitleEvidence articles have none (title_evidence.h): the
// news dev set is unaffected.
// - no_asked_number_penalty: a question that asks when or how many
// (QueryPlan::asked_number) ranks a passage holding no year, or no number,
// lower: of the ARCD questions' top 30 candidates 71% hold a year, of their
// answers 86% (how many: 80% and 92% a number). arcd-dev MRR@10 0.660 ->
// 0.665 from 0.3 to 0.6 (0.664 at 0.2); other collections unchanged.

// The weighting scheme of the matcher.
Xapian::BM25Weight passage_bm25();

// Xapian 1.4's BM25 idf without relevance information, kept positive for
// terms in more than half the documents as Xapian keeps it.
double bm25_idf(Xapian::doccount documents, Xapian::doccount term_frequency);

class Reranker {
 public:
  // Reads the statistics of the plan's adjacent words.
  Reranker(Xapian::doccount documents, TermStatistics& statistics, const QueryPlan& plan,
           const RankingWeights& weights = {});

  // `matched`: the plan's terms the passage contains, with their wdf;
  // `together`: per plan.adjacent_words, how often the pair stands together
  // in it (empty: nowhere).
  // `title` (may be null): what the passage's article title holds of the
  // query; its weight joins the BM25 weight (RankingWeights::title, or
  // question_title for a question) and its concepts are covered as the
  // passage's own words are.
  double score(double bm25, const TermMatches::Found& matched,
               const std::vector<unsigned>& together, const TitleEvidence* title = nullptr) const;

  // Whether the passage holds both words of some adjacent pair, so that
  // counting where they stand can change its score.
  bool may_hold_pairs(const TermMatches::Found& matched) const;


  double coverage(const TermMatches::Found& matched,
                  const std::vector<bool>* title_concepts = nullptr) const;

 private:
  const QueryPlan& plan_;
  RankingWeights weights_;
  std::vector<double> pair_idf_;  // per plan.adjacent_words
};

}  // namespace fahras
