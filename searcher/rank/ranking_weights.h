// The ranker's weights, in one place, with their defaults: the values the
// joint fit chose (bench/fit_weights.py; docs/relevance.md). A search may
// override them by name (SearchParameters::ranking_weights), which is how
// the fit tries values without rebuilding; users have no reason to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fahras {

struct RankingWeights {
  // score = (bm25 + proximity) * coverage^coverage_exponent (rerank.h)
  double coverage_exponent = 2.0;
  // Per adjacent pair of query words standing together: this times the pair's
  // BM25 weight; a passage holding them all in sequence gains `sequence` times
  // the pairs' idf besides.
  double proximity = 0.75;
  double sequence = 1.0;
  // Title evidence (title_evidence.h) added to BM25: `title` for a query,
  // `question_title` for a question, which names its subject.
  double title = 0.3;
  double question_title = 4.0;
  // A question asking when or how many, of a passage holding no year or
  // number: its score times (1 - this).
  double no_asked_number_penalty = 0.3;
  // A passage gains this times its neighbours' scores (passage_context.h).
  double neighbour = 0.1;
  // How many articles a query's words name by their titles add their best
  // passages to the candidates (Searcher::match_subject_articles).
  double subject_articles = 2;

  // Sets the weight of this name (as names() lists them); false if none has it.
  bool set(std::string_view name, double value);
  // The weight of this name; throws std::invalid_argument if none has it.
  double get(std::string_view name) const;
  static const std::vector<std::string>& names();
};

}  // namespace fahras
