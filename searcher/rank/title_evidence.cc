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
    : db_(db), word_counts_(word_counts), column_(column) {
  if (articles < kMinArticlesForTitleEvidence) return;
  // The title terms of each concept's stems that are rare enough to read,
  // and how many titles each holds (the files noted are at most their sum).
  std::vector<std::vector<std::pair<std::string, Xapian::doccount>>> read_terms(
      concept_stems.size());
  size_t postings_to_read = 0;
  for (size_t concept_index = 0; concept_index < concept_stems.size(); ++concept_index)
    for (const std::string& stem : concept_stems[concept_index]) {
      std::string term = "Z" + std::string(schema::kTitlePrefix) + stem;
      Xapian::doccount titles = db.get_termfreq(term);
      if (titles == 0 || titles > kMaxTitlePostings) continue;
      read_terms[concept_index].emplace_back(std::move(term), titles);
      postings_to_read += titles;
    }
  titles_.reserve(postings_to_read);
  std::vector<Xapian::docid> title_passages, unlocated;
  std::vector<Title*> touched;  // titles the concept's stems are in, each once
  for (size_t concept_index = 0; concept_index < concept_stems.size(); ++concept_index) {
    touched.clear();
    for (const auto& [term, titles] : read_terms[concept_index]) {
      double idf = bm25_idf(std::max(articles, titles), titles);
      title_passages.clear();
      if (decoded) {
        for (const Posting& p : decoded->postings(db, term)->list)
          title_passages.push_back(p.docid);
      } else {
        title_passages.assign(db.postlist_begin(term), db.postlist_end(term));
      }
      // The concept's best idf in the file's title, and whether a stem
      // naming a subject gives it; the file's first title passage.
      auto note = [&](uint32_t file, Xapian::docid passage) {
        Title& title = titles_[file];
        if (!title.passage) title.passage = passage;
        if (title.concept_noted != concept_index + 1) {
          title.concept_noted = concept_index + 1;
          title.concept_idf = 0;
          title.concept_subject = false;
          touched.push_back(&title);  // stable: the map's nodes never move
        }
        title.concept_idf = std::max(title.concept_idf, idf);
        title.concept_subject = title.concept_subject || titles <= kMaxSubjectTitles;
      };
      unlocated.clear();
      for (Xapian::docid passage : title_passages) {
        if (uint32_t file = column ? column->file_id(passage) : 0)
          note(file, passage);
        else
          unlocated.push_back(passage);
      }
      for (const Candidate& title : read_candidates(db, unlocated, nullptr)) {
        if (uint32_t file = column ? column->file_id_of(title.file) : 0) {
          note(file, title.docid);  // a file the column holds other passages of
          continue;
        }
        auto [at, added] = read_ids_.emplace(title.file, static_cast<uint32_t>(read_files_.size()));
        if (added) read_files_.push_back(title.file);
        note(kReadFile | at->second, title.docid);
      }
    }
    for (Title* noted : touched) {
      Title& title = *noted;
      TitleEvidence& e = title.evidence;
      e.weight += title.concept_idf;
      if (title.concept_subject) e.subject_weight += title.concept_idf;
      e.concepts.resize(concept_stems.size(), false);
      e.concepts[concept_index] = true;
      ++title.concepts_held;
    }
  }
}

std::string_view QueryTitles::name_of(uint32_t file) const {
  return (file & kReadFile) ? std::string_view(read_files_[file & ~kReadFile])
                            : column_->file_name(file);
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
  if (titles_.empty()) return nullptr;
  uint32_t id = 0;
  auto read = read_ids_.find(file);
  if (read != read_ids_.end())
    id = kReadFile | read->second;
  else if (column_)
    id = column_->file_id_of(file);
  auto found = titles_.find(id);
  if (id == 0 || found == titles_.end()) return nullptr;
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
  std::vector<std::pair<double, std::string_view>> ranked;
  for (const auto& [file, title] : titles_)
    if (title.evidence.subject_weight > 0)
      ranked.emplace_back(-title.evidence.subject_weight, name_of(file));
  size_t keep = std::min(count, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first < b.first : a.second < b.second;
                    });
  std::vector<std::string> out;
  for (size_t i = 0; i < keep; ++i) out.emplace_back(ranked[i].second);
  return out;
}

}  // namespace fahras
