// Title evidence for passages (see title_evidence.h).
#include "title_evidence.h"

#include <algorithm>

#include "fahras/schema.h"
#include "passage_context.h"
#include "rerank.h"

namespace fahras {

Xapian::doccount count_articles(const Xapian::Database& db) {
  const std::string prefix(schema::kArticlePrefix);
  Xapian::doccount articles = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) ++articles;
  return articles;
}

QueryTitles::QueryTitles(const Xapian::Database& db,
                         const std::vector<std::vector<std::string>>& concept_stems,
                         Xapian::doccount articles, const LocationColumn* column) {
  if (articles < kMinArticlesForTitleEvidence) return;
  for (size_t concept_index = 0; concept_index < concept_stems.size(); ++concept_index) {
    // file -> the concept's best idf in its title, and whether a stem naming
    // a subject gives it
    std::map<std::string, std::pair<double, bool>> best;
    for (const std::string& stem : concept_stems[concept_index]) {
      std::string term = "Z" + std::string(schema::kTitlePrefix) + stem;
      Xapian::doccount titles = db.get_termfreq(term);
      if (titles == 0 || titles > kMaxTitlePostings) continue;
      double idf = bm25_idf(std::max(articles, titles), titles);
      std::vector<Xapian::docid> title_passages(db.postlist_begin(term), db.postlist_end(term));
      for (const Candidate& title : read_candidates(db, title_passages, column)) {
        auto& [best_idf, subject] = best[title.file];
        best_idf = std::max(best_idf, idf);
        subject = subject || titles <= kMaxSubjectTitles;
      }
    }
    for (const auto& [file, found] : best) {
      TitleEvidence& e = evidence_[file];
      e.weight += found.first;
      if (found.second) e.subject_weight += found.first;
      e.concepts.resize(concept_stems.size(), false);
      e.concepts[concept_index] = true;
    }
  }
}

const TitleEvidence* QueryTitles::of(const std::string& file) const {
  auto found = evidence_.find(file);
  return found == evidence_.end() ? nullptr : &found->second;
}

std::vector<std::string> QueryTitles::subjects(size_t count) const {
  std::vector<std::pair<double, const std::string*>> ranked;
  for (const auto& [file, e] : evidence_)
    if (e.subject_weight > 0) ranked.emplace_back(-e.subject_weight, &file);
  size_t keep = std::min(count, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first < b.first : *a.second < *b.second;
                    });
  std::vector<std::string> out;
  for (size_t i = 0; i < keep; ++i) out.push_back(*ranked[i].second);
  return out;
}

}  // namespace fahras
