// Xapian's ranking of a disjunction (see reference_ranking.h).
#include "reference_ranking.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <tuple>

#include "fahras/schema.h"
#include "passage_context.h"
#include "rerank.h"
#include "searcher.h"

namespace fahras {

std::vector<WeightedDoc> xapian_ranking(const Xapian::Database& db, const Xapian::Query& query,
                                        size_t depth, size_t& total) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(passage_bm25());
  enquire.set_sort_by_relevance_then_value(schema::kSlotLocation, false);
  Xapian::MSet mset =
      enquire.get_mset(0, static_cast<Xapian::doccount>(depth + kTieMargin), db.get_doccount());
  total = mset.get_matches_estimated();
  std::vector<std::tuple<double, std::string, Xapian::docid>> ranked;
  for (auto m = mset.begin(); m != mset.end(); ++m)
    ranked.emplace_back(-round_score(m.get_weight()), m.get_sort_key(), *m);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
  });
  std::vector<WeightedDoc> out;
  for (size_t i = 0; i < ranked.size() && i < depth; ++i)
    out.push_back({std::get<2>(ranked[i]), -std::get<0>(ranked[i])});
  return out;
}

LocationOf location_from_values(const Xapian::Database& db) {
  auto files = std::make_shared<std::map<Xapian::docid, std::string>>();
  return [db, files](Xapian::docid d) {
    PassageLocation at;
    std::string& file = (*files)[d];
    schema::parse_location_value(db.get_document(d).get_value(schema::kSlotLocation), file,
                                 at.line);
    at.file = file;
    return at;
  };
}

}  // namespace fahras
