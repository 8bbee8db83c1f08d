// Paragraph context in ranking: an answer often runs over into the next
// paragraph, and a paragraph beside a strong match is likelier relevant.
//
// Given candidates already scored, each one gains kNeighbourWeight times the
// best score of the passages right before and after it (same article, up to
// kNeighbourReach lines away), and the passages around the top kNeighbourSeeds
// candidates join the candidates with that share of their neighbour's score
// even when they match no query word themselves.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace fahras {

inline constexpr double kNeighbourWeight = 0.1;
inline constexpr uint32_t kNeighbourReach = 2;
inline constexpr size_t kNeighbourSeeds = 10;

struct Candidate {
  Xapian::Document doc;
  std::string file;
  uint32_t line = 0;
  uint32_t window = 0;
  double score = 0;
};

// Reads file and line from the document's values.
Candidate make_candidate(const Xapian::Document& doc, double score);

// Adds neighbour context to the scores (see above) and sorts by score.
void add_neighbour_context(std::vector<Candidate>& candidates, const Xapian::Database& db,
                           double weight = kNeighbourWeight);

}  // namespace fahras
