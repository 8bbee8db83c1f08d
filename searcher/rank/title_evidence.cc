// Title evidence for passages (see title_evidence.h).
#include "title_evidence.h"

#include <algorithm>
#include <set>

#include "fahras/schema.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "passage_context.h"
#include "passage_document.h"
#include "rerank.h"
#include "stopwords.h"
#include "tokenizer.h"

namespace fahras {

Xapian::doccount count_articles(const Xapian::Database& db) {
  const std::string prefix(schema::kArticlePrefix);
  Xapian::doccount articles = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) ++articles;
  return articles;
}

QueryTitles::QueryTitles(const Xapian::Database& db,
                         const std::vector<std::vector<std::string>>& concept_stems,
                         Xapian::doccount articles, const LocationColumn* column,
                         TitleWordCounts& word_counts)
    : db_(db), word_counts_(word_counts) {
  if (articles < kMinArticlesForTitleEvidence) return;
  std::map<std::string, Xapian::docid> passage_of;  // file -> its title passage
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
        passage_of.emplace(title.file, title.docid);
        auto& [best_idf, subject] = best[title.file];
        best_idf = std::max(best_idf, idf);
        subject = subject || titles <= kMaxSubjectTitles;
      }
    }
    for (const auto& [file, found] : best) {
      Title& title = titles_[file];
      TitleEvidence& e = title.evidence;
      e.weight += found.first;
      if (found.second) e.subject_weight += found.first;
      e.concepts.resize(concept_stems.size(), false);
      e.concepts[concept_index] = true;
      ++title.concepts_held;
      title.passage = passage_of[file];
    }
  }
}

size_t title_word_count(const std::string& title) {
  std::set<std::string> stems;
  for (const std::string& word : split_words(normalize(title)))
    if (!is_stopword(word)) stems.insert(stem_word(word));
  return stems.size();
}

size_t TitleWordCounts::of(const Xapian::Database& db, Xapian::docid title_passage) {
  auto found = counts_.find(title_passage);
  if (found != counts_.end()) return found->second;
  size_t words = title_word_count(
      passage_data_of(db.get_document(title_passage, Xapian::DOC_ASSUME_VALID)).text);
  return counts_.emplace(title_passage, words).first->second;
}

const TitleEvidence* QueryTitles::of(const std::string& file) const {
  auto found = titles_.find(file);
  if (found == titles_.end()) return nullptr;
  Title& title = found->second;
  if (!title.weighed) {
    title.weighed = true;
    size_t words = word_counts_.of(db_, title.passage);
    if (words > title.concepts_held)
      title.evidence.weight *= static_cast<double>(title.concepts_held) / words;
  }
  return &title.evidence;
}

std::vector<std::string> QueryTitles::subjects(size_t count) const {
  std::vector<std::pair<double, const std::string*>> ranked;
  for (const auto& [file, title] : titles_)
    if (title.evidence.subject_weight > 0)
      ranked.emplace_back(-title.evidence.subject_weight, &file);
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
