// Title evidence for passages (see title_evidence.h).
#include "title_evidence.h"

#include "fahras/schema.h"
#include "rerank.h"

namespace fahras {

Xapian::doccount count_articles(const Xapian::Database& db) {
  const std::string prefix(schema::kArticlePrefix);
  Xapian::doccount articles = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) ++articles;
  return articles;
}

std::map<std::string, double> title_evidence(
    const Xapian::Database& db, const std::vector<std::vector<std::string>>& concept_stems,
    const std::set<std::string>& files, Xapian::doccount articles, const LocationColumn* column) {
  std::map<std::string, double> evidence;
  if (articles == 0) return evidence;
  for (const std::vector<std::string>& stems : concept_stems) {
    std::map<std::string, double> best;  // file -> the concept's best idf in its title
    for (const std::string& stem : stems) {
      std::string term = "Z" + std::string(schema::kTitlePrefix) + stem;
      Xapian::doccount titles = db.get_termfreq(term);
      if (titles == 0 || titles > kMaxTitlePostings) continue;
      double idf = bm25_idf(std::max(articles, titles), titles);
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        std::string_view file;
        uint32_t line = 0;
        std::string read;
        if (!column || !column->find(*p, file, line)) {
          read = db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotArticle);
          file = read;
        }
        if (auto f = files.find(std::string(file)); f != files.end())
          best[*f] = std::max(best[*f], idf);
      }
    }
    for (const auto& [file, idf] : best) evidence[file] += idf;
  }
  return evidence;
}

}  // namespace fahras
