// An article's title as evidence for its passages.
//
// Questions name the subject of the article that answers them (متى ولد جمال
// خاشقجي: the article جمال خاشقجي), and the paragraph holding the answer
// often does not repeat it. So a candidate passage gains, for each query
// concept its article's title holds, that concept's idf among articles
// (how many titles hold it, of all the index's articles: a word every title
// of a small topical collection holds weighs nothing), times kTitleWeight or,
// for a question, kQuestionTitleWeight (rerank.h): the classic
// interpolation of passage and document evidence.
// Titles are the title passages' ZS terms (schema.h: title:).
#pragma once

#include <xapian.h>

#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "location_column.h"
#include "postings_cache.h"

namespace fahras {

// Below this many articles there is no title evidence: an idf among a
// handful of titles cannot tell a subject from a common word (the five news
// articles of corpus/, all on one subject: news dev nDCG@10 0.865 with it,
// 0.868 without; the Wikipedia collection's 3,232 and the statutes' 300
// keep it).
inline constexpr Xapian::doccount kMinArticlesForTitleEvidence = 50;

// A concept's title term is skipped when more titles than this hold it: it
// names no subject, and reading its postings would cost more than it tells.
inline constexpr Xapian::doccount kMaxTitlePostings = 2000;

// How many articles the index holds (its B terms).
Xapian::doccount count_articles(const Xapian::Database& db);

// What an article's title holds of the query.
struct TitleEvidence {
  // The sum over the concepts the title holds of the idf among articles of
  // the rarest stem by which it holds each, times the share of the title's
  // words they are (a title that is mostly the query's words names its
  // subject; a long one sharing a word with it does not: arcd-dev MRR@10
  // 0.665 -> 0.672).
  double weight = 0;
  // The same over the concepts that name a subject (kMaxSubjectTitles).
  double subject_weight = 0;
  std::vector<bool> concepts;  // per concept: whether the title holds it
};

// A concept names a subject when at most this many titles hold it
// (arcd-dev Recall@10 0.855 at 20, 0.863 at 100 to 2,000).
inline constexpr Xapian::doccount kMaxSubjectTitles = 100;

// How many distinct stems the words of a title have, stop words left out.
size_t title_word_count(const std::string& title);

// How many words (title_word_count) title passages hold, remembered by docid:
// a document's text never changes under its docid (Xapian never reuses one),
// so only an index replaced whole needs forget().
class TitleWordCounts {
 public:
  size_t of(const Xapian::Database& db, Xapian::docid title_passage);
  void forget() { counts_.clear(); }

 private:
  std::unordered_map<Xapian::docid, size_t> counts_;
};

// What the titles of an index's articles hold of a query's concepts (by one
// of each concept's stems, QueryPlan::concept_stems), read once per search
// from the title terms' posting lists (from `decoded` when given: lists kept
// for the index's revision). Nothing below kMinArticlesForTitleEvidence
// articles.
class QueryTitles {
 public:
  QueryTitles(const Xapian::Database& db,
              const std::vector<std::vector<std::string>>& concept_stems, Xapian::doccount articles,
              const LocationColumn* column, TitleWordCounts& word_counts,
              PostingsCache* decoded = nullptr);
  // Its titles refer to the column's file names: not copied.
  QueryTitles(const QueryTitles&) = delete;
  QueryTitles& operator=(const QueryTitles&) = delete;

  // The evidence of an article's title; null when it holds no concept.
  // Asks `word_counts` for the title's words on the first call for a file.
  const TitleEvidence* of(const std::string& file) const;

  // The files of at most `count` articles whose titles hold the most of the
  // query by their subject_weight (ties by file); none with no subject.
  std::vector<std::string> subjects(size_t count) const;

 private:
  // Files as numbers: the column's (LocationColumn::file_id), or, for title
  // passages the column lacks (a revision's first search), kReadFile | the
  // index in read_files_.
  static constexpr uint32_t kReadFile = 0x80000000u;
  struct Title {
    TitleEvidence evidence;
    Xapian::docid passage = 0;  // the title passage
    size_t concepts_held = 0;   // how many concepts it holds
    bool weighed = false;       // evidence.weight has its share of the title
    // While the titles are read: 1 + the last concept that noted the file,
    // the concept's best idf in the title, whether a subject's stem gave it.
    size_t concept_noted = 0;
    double concept_idf = 0;
    bool concept_subject = false;
  };
  std::string_view name_of(uint32_t file) const;

  const Xapian::Database& db_;
  TitleWordCounts& word_counts_;
  const LocationColumn* column_;
  // File names the column lacked, stable in a deque, and their numbers.
  std::deque<std::string> read_files_;
  std::unordered_map<std::string, uint32_t> read_ids_;
  mutable std::unordered_map<uint32_t, Title> titles_;  // file -> its title
};

}  // namespace fahras
