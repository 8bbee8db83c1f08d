// Neighbour-context scoring (see passage_context.h).
#include "passage_context.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "fahras/schema.h"

namespace fahras {

std::vector<Candidate> read_candidates(const Xapian::Database& db,
                                       const std::vector<Xapian::docid>& docids,
                                       const LocationColumn* column) {
  std::vector<Candidate> out(docids.size());
  std::vector<size_t> order;  // the candidates the column lacks
  for (size_t i = 0; i < docids.size(); ++i) {
    std::string_view file;
    if (column && column->find(docids[i], file, out[i].line)) {
      out[i].docid = docids[i];
      out[i].file = file;
    } else {
      order.push_back(i);
    }
  }
  if (order.empty()) return out;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return docids[a] < docids[b]; });
  Xapian::ValueIterator location = db.valuestream_begin(schema::kSlotLocation);
  const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotLocation);
  for (size_t i : order) {
    Candidate& c = out[i];
    c.docid = docids[i];
    if (location != end) location.skip_to(c.docid);
    if (location != end && location.get_docid() == c.docid &&
        schema::parse_location_value(*location, c.file, c.line))
      continue;
    // A passage indexed before the location slot existed.
    Xapian::Document doc = db.get_document(c.docid, Xapian::DOC_ASSUME_VALID);
    c.file = doc.get_value(schema::kSlotArticle);
    std::string line = doc.get_value(schema::kSlotLine);
    c.line = line.empty() ? 0 : static_cast<uint32_t>(Xapian::sortable_unserialise(line));
  }
  return out;
}

double round_score(double score) { return std::round(score * 1e9) / 1e9; }

void add_neighbour_context(std::vector<Candidate>& candidates, double weight) {
  // Best first; among equals, the earlier passage (an article's lead first).
  auto by_score = [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  };
  std::stable_sort(candidates.begin(), candidates.end(), by_score);
  if (weight <= 0) return;
  std::map<std::pair<std::string, uint32_t>, double> base;  // (file, line) -> own score
  for (const Candidate& c : candidates) {
    double& s = base[{c.file, c.line}];
    s = std::max(s, c.score);
  }
  std::vector<double> boost(candidates.size(), 0);
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    double best = 0;
    for (uint32_t d = 1; d <= kNeighbourReach; ++d) {
      for (int64_t line : {int64_t(c.line) - d, int64_t(c.line) + d}) {
        auto it = base.find({c.file, uint32_t(std::max<int64_t>(line, 0))});
        if (it != base.end()) best = std::max(best, it->second);
      }
    }
    boost[i] = weight * best;
  }
  for (size_t i = 0; i < candidates.size(); ++i) candidates[i].score += boost[i];
  std::stable_sort(candidates.begin(), candidates.end(), by_score);
}

void limit_per_article(std::vector<Candidate>& candidates, unsigned per_article) {
  if (per_article == 0) return;
  std::map<std::string, unsigned> seen;
  std::vector<Candidate> kept;
  for (Candidate& c : candidates)
    if (++seen[c.file] <= per_article) kept.push_back(std::move(c));
  candidates = std::move(kept);
}

}  // namespace fahras
