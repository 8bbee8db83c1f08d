// Adjacent query words in a passage, from positions (see adjacency.h).
#include "adjacency.h"

#include <algorithm>

namespace fahras {

void PositionBatch::want(const std::string& term, Xapian::docid docid) {
  entries_.try_emplace({term, docid});
}

void PositionBatch::read(const Xapian::Database& db) {
  for (auto& [key, entry] : entries_) {
    if (entry.read) continue;
    const auto& [term, docid] = key;
    entry.positions.assign(db.positionlist_begin(docid, term), db.positionlist_end(docid, term));
    entry.read = true;
  }
}

const std::vector<Xapian::termpos>& PositionBatch::of(const std::string& term,
                                                      Xapian::docid docid) const {
  static const std::vector<Xapian::termpos> none;
  auto found = entries_.find({term, docid});
  return found == entries_.end() ? none : found->second.positions;
}

namespace {

// Sorted positions of any of the forms in the document.
std::vector<Xapian::termpos> positions_of(const PositionBatch& batch, Xapian::docid docid,
                                          const std::vector<std::string>& forms) {
  std::vector<Xapian::termpos> out;
  for (const std::string& form : forms) {
    const auto& positions = batch.of(form, docid);
    out.insert(out.end(), positions.begin(), positions.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<unsigned> count_adjacent(const PositionBatch& batch, Xapian::docid docid,
                                     const std::vector<WordPair>& pairs) {
  std::vector<unsigned> counts(pairs.size(), 0);
  std::map<std::vector<std::string>, std::vector<Xapian::termpos>> merged;
  auto positions = [&](const std::vector<std::string>& forms) -> const auto& {
    auto found = merged.find(forms);
    if (found == merged.end())
      found = merged.emplace(forms, positions_of(batch, docid, forms)).first;
    return found->second;
  };
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& first = positions(pairs[i].first);
    if (first.empty()) continue;
    counts[i] = count_together(first, positions(pairs[i].second));
  }
  return counts;
}

unsigned count_together(const std::vector<Xapian::termpos>& first,
                        const std::vector<Xapian::termpos>& second) {
  unsigned together = 0;
  auto next = second.begin();
  for (Xapian::termpos p : first) {
    next = std::upper_bound(next, second.end(), p);
    if (next == second.end()) break;
    if (*next - p <= kAdjacencyWindow) ++together;
  }
  return together;
}

}  // namespace fahras
