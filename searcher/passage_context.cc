// Neighbour-context scoring (see passage_context.h).
#include "passage_context.h"

#include <algorithm>
#include <map>

#include "fahras/schema.h"

namespace fahras {

Candidate make_candidate(const Xapian::Document& doc, double score) {
  Candidate c;
  c.doc = doc;
  c.file = doc.get_value(schema::kSlotArticle);
  c.line = static_cast<uint32_t>(Xapian::sortable_unserialise(doc.get_value(schema::kSlotLine)));
  c.window = static_cast<uint32_t>(Xapian::sortable_unserialise(doc.get_value(schema::kSlotWindow)));
  c.score = score;
  return c;
}

void add_neighbour_context(std::vector<Candidate>& candidates, const Xapian::Database& db, double weight) {
  auto by_score = [](const Candidate& a, const Candidate& b) { return a.score > b.score; };
  std::stable_sort(candidates.begin(), candidates.end(), by_score);
  if (weight <= 0) return;
  std::map<std::pair<std::string, uint32_t>, double> base;  // (file, line) -> own score
  for (const Candidate& c : candidates) {
    double& s = base[{c.file, c.line}];
    s = std::max(s, c.score);
  }
  // Passages near the strongest candidates that the query did not reach.
  size_t seeds = std::min(kNeighbourSeeds, candidates.size());
  for (size_t i = 0; i < seeds; ++i) {
    for (uint32_t d = 1; d <= kNeighbourReach; ++d) {
      for (int64_t line : {int64_t(candidates[i].line) - d, int64_t(candidates[i].line) + d}) {
        if (line < 1 || base.count({candidates[i].file, uint32_t(line)})) continue;
        std::string term = schema::passage_term(candidates[i].file + ":" + std::to_string(line));
        Xapian::PostingIterator p = db.postlist_begin(term);
        if (p == db.postlist_end(term)) continue;
        candidates.push_back(make_candidate(db.get_document(*p), 0));
        base[{candidates[i].file, uint32_t(line)}] = 0;
      }
    }
  }
  for (Candidate& c : candidates) {
    double best = 0;
    for (uint32_t d = 1; d <= kNeighbourReach; ++d) {
      for (int64_t line : {int64_t(c.line) - d, int64_t(c.line) + d}) {
        auto it = base.find({c.file, uint32_t(std::max<int64_t>(line, 0))});
        if (it != base.end()) best = std::max(best, it->second);
      }
    }
    c.score += weight * best;
  }
  std::stable_sort(candidates.begin(), candidates.end(), by_score);
}

}  // namespace fahras
