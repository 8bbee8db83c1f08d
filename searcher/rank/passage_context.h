// Paragraph context in ranking: an answer often runs over into the next
// paragraph, and a paragraph beside a strong match is likelier relevant.
//
// Given candidates already scored, each one gains a weight (RankingWeights::
// neighbour) times the
// best score of the candidates right before and after it (same article, up to
// kNeighbourReach lines away). Passages that match nothing are never added.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "location_column.h"

namespace fahras {

inline constexpr uint32_t kNeighbourReach = 2;

struct Candidate {
  Xapian::docid docid = 0;
  std::string file;
  uint32_t line = 0;
  double score = 0;
};

// Candidates for the documents, in the order given, with file and line from
// the in-memory column where it holds them (may be null), else read from the
// location slot in one pass in docid order (from the article and line slots
// for documents indexed before the location slot existed).
std::vector<Candidate> read_candidates(const Xapian::Database& db,
                                       const std::vector<Xapian::docid>& docids,
                                       const LocationColumn* column = nullptr);

// Scores from remote shards may differ from local ones in the last bits:
// rounded, equal scores tie exactly and ties break the same way everywhere.
double round_score(double score);

// Adds neighbour context to the scores (see above) and sorts by score, ties
// broken by file and line.
void add_neighbour_context(std::vector<Candidate>& candidates, double weight);

// Keeps at most `per_article` candidates of each article, in order.
void limit_per_article(std::vector<Candidate>& candidates, unsigned per_article);

}  // namespace fahras
