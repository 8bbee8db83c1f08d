// Title evidence for passages (see title_evidence.h).
#include "title_evidence.h"

#include <algorithm>
#include <deque>
#include <set>
#include <string_view>

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
                         TitleWordCounts& word_counts, PostingsCache* decoded)
    : db_(db), word_counts_(word_counts) {
  if (articles < kMinArticlesForTitleEvidence) return;
  // Files as numbers: the column's, or, for passages it lacks, past them
  // (kReadFile | the index in read_files_).
  constexpr uint32_t kReadFile = 0x80000000u;
  std::unordered_map<std::string, uint32_t> read_ids;
  auto name_of = [&](uint32_t id) -> std::string_view {
    return (id & kReadFile) ? std::string_view(read_files_[id & ~kReadFile])
                            : column->file_name(id);
  };
  std::unordered_map<uint32_t, Xapian::docid> passage_of;  // file -> its title passage
  std::vector<Xapian::docid> title_passages, unlocated;
  for (size_t concept_index = 0; concept_index < concept_stems.size(); ++concept_index) {
    // file -> the concept's best idf in its title, and whether a stem naming
    // a subject gives it
    std::unordered_map<uint32_t, std::pair<double, bool>> best;
    for (const std::string& stem : concept_stems[concept_index]) {
      std::string term = "Z" + std::string(schema::kTitlePrefix) + stem;
      Xapian::doccount titles = db.get_termfreq(term);
      if (titles == 0 || titles > kMaxTitlePostings) continue;
      double idf = bm25_idf(std::max(articles, titles), titles);
      title_passages.clear();
      if (decoded) {
        for (const Posting& p : decoded->postings(db, term)->list) title_passages.push_back(p.docid);
      } else {
        title_passages.assign(db.postlist_begin(term), db.postlist_end(term));
      }
      auto note = [&](uint32_t file, Xapian::docid passage) {
        passage_of.emplace(file, passage);
        auto& [best_idf, subject] = best[file];
        best_idf = std::max(best_idf, idf);
        subject = subject || titles <= kMaxSubjectTitles;
      };
      unlocated.clear();
      for (Xapian::docid passage : title_passages) {
        if (uint32_t file = column ? column->file_id(passage) : 0)
          note(file, passage);
        else
          unlocated.push_back(passage);
      }
      for (const Candidate& title : read_candidates(db, unlocated, nullptr)) {
        auto [at, added] = read_ids.emplace(title.file, static_cast<uint32_t>(read_files_.size()));
        if (added) read_files_.push_back(title.file);
        note(kReadFile | at->second, title.docid);
      }
    }
    for (const auto& [file, found] : best) {
      Title& title = titles_[name_of(file)];
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
  std::vector<std::pair<double, const std::string_view*>> ranked;
  for (const auto& [file, title] : titles_)
    if (title.evidence.subject_weight > 0)
      ranked.emplace_back(-title.evidence.subject_weight, &file);
  size_t keep = std::min(count, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first < b.first : *a.second < *b.second;
                    });
  std::vector<std::string> out;
  for (size_t i = 0; i < keep; ++i) out.emplace_back(*ranked[i].second);
  return out;
}

}  // namespace fahras
