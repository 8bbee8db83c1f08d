// Title evidence for passages (see title_evidence.h).
#include "title_evidence.h"

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

std::map<std::string, TitleEvidence> title_evidence(
    const Xapian::Database& db, const std::vector<std::vector<std::string>>& concept_stems,
    const std::set<std::string>& files, Xapian::doccount articles, const LocationColumn* column) {
  std::map<std::string, TitleEvidence> evidence;
  if (articles < kMinArticlesForTitleEvidence) return evidence;
  for (size_t concept_index = 0; concept_index < concept_stems.size(); ++concept_index) {
    std::map<std::string, double> best;  // file -> the concept's best idf in its title
    for (const std::string& stem : concept_stems[concept_index]) {
      std::string term = "Z" + std::string(schema::kTitlePrefix) + stem;
      Xapian::doccount titles = db.get_termfreq(term);
      if (titles == 0 || titles > kMaxTitlePostings) continue;
      double idf = bm25_idf(std::max(articles, titles), titles);
      std::vector<Xapian::docid> title_passages(db.postlist_begin(term), db.postlist_end(term));
      for (const Candidate& title : read_candidates(db, title_passages, column))
        if (files.count(title.file)) best[title.file] = std::max(best[title.file], idf);
    }
    for (const auto& [file, idf] : best) {
      TitleEvidence& e = evidence[file];
      e.weight += idf;
      e.concepts.resize(concept_stems.size(), false);
      e.concepts[concept_index] = true;
    }
  }
  return evidence;
}

}  // namespace fahras
