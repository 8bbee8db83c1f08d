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

#include <map>
#include <set>
#include <string>
#include <vector>

#include "location_column.h"

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
  // the rarest stem by which it holds each.
  double weight = 0;
  // The same over the concepts that name a subject (kMaxSubjectTitles).
  double subject_weight = 0;
  std::vector<bool> concepts;  // per concept: whether the title holds it
};

// A concept names a subject when at most this many titles hold it
// (arcd-dev Recall@10 0.855 at 20, 0.863 at 100 to 2,000).
inline constexpr Xapian::doccount kMaxSubjectTitles = 100;

// What the titles of an index's articles hold of a query's concepts (by one
// of each concept's stems, QueryPlan::concept_stems), read once per search
// from the title terms' posting lists. Nothing below
// kMinArticlesForTitleEvidence articles.
class QueryTitles {
 public:
  QueryTitles(const Xapian::Database& db,
              const std::vector<std::vector<std::string>>& concept_stems, Xapian::doccount articles,
              const LocationColumn* column);

  // The evidence of an article's title; null when it holds no concept.
  const TitleEvidence* of(const std::string& file) const;

  // The files of at most `count` articles whose titles hold the most of the
  // query by their subject_weight (ties by file); none with no subject.
  std::vector<std::string> subjects(size_t count) const;

 private:
  std::map<std::string, TitleEvidence> evidence_;  // file -> its title's evidence
};

}  // namespace fahras
