// Ranked passage search over one or more Fahras indexes.
//
// A Searcher opens its databases (index directories, Xapian stub files, or
// HOST:PORT of a xapian-tcpsrv) as one Xapian::Database, so statistics are
// global across shards. search() plans the query (query_plan.h), ranks with
// BM25 tuned for passages, re-ranks the top kRerankDepth (rerank.h: how much
// of the query each passage matches, adjacent query words together) with
// their neighbouring paragraphs (passage_context.h), and returns hits with
// their original text and highlight ranges. A reader never fails because an indexer
// committed or compacted meanwhile: it reopens and retries.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "disjunction_matcher.h"
#include "highlighter.h"
#include "index_delta.h"
#include "keyword_titles.h"
#include "location_column.h"
#include "passage_document.h"
#include "query_plan.h"
#include "ranking_weights.h"
#include "revision_state.h"
#include "search_budget.h"
#include "spelling_suggester.h"
#include "synonyms.h"
#include "term_statistics.h"
#include "title_evidence.h"

namespace fahras {

inline constexpr size_t kRerankDepth = 30;
// The best passages of each of the articles a query's words name by their
// titles join the re-ranked candidates (Searcher::match_subject_articles):
// arcd-dev Recall@10 0.851 -> 0.862 (4 passages of 2 articles); 0.875 ->
// 0.877 with 2 of each (1 x 4: 0.874, 3 x 2: 0.877, 2 x 3 and 3 x 3: 0.875).
// (RankingWeights::subject_articles is the number of articles.)
inline constexpr size_t kSubjectPassagesPerArticle = 2;
// With at most N passages an article (SearchOptions::per_article), this many
// times N of each article's best by BM25 are re-ranked for the N kept.
inline constexpr unsigned kPerArticleCandidates = 4;
// Xapian's matcher is asked for this many passages beyond the cut, which its
// weights rounded decide (Searcher::match).
inline constexpr size_t kTieMargin = 8;

struct SearchOptions {
  size_t limit = 10;
  size_t offset = 0;
  unsigned per_article = 0;  // at most this many passages per article (0: no limit)
  // How many of the matcher's best passages are scored again (the re-ranking
  // window): fewer is faster and ranks less well (docs/benchmarks.md). Hits past
  // the window follow it, scored again among themselves.
  size_t rerank_depth = kRerankDepth;
  // The search ends within about this many milliseconds (<= 0: no limit),
  // with what it found by then and a notice (search_budget.h).
  double time_budget_ms = kDefaultTimeBudgetMs;
  // Asked between stages and inside the matcher: true ends the search as a
  // spent budget does (an HTTP client that hung up). May be empty.
  std::function<bool()> abandoned;
  RankingWeights weights;
};

// A ranked passage: its stored data (file, line, title, text, ...) plus
// rank, score and the byte ranges of text to highlight.
struct Hit : PassageData {
  size_t rank = 0;
  double score = 0;
  std::vector<ByteRange> highlights;
};

// Where one search spent its time, in milliseconds, stage by stage.
struct SearchTimings {
  double plan = 0;          // query analysis and expansion
  double match = 0;         // Xapian's matcher: the re-ranking candidates
  double term_matches = 0;  // which query terms each candidate holds
  double locations = 0;     // each candidate's file and line
  double rerank = 0;        // coverage, proximity, neighbour context
  double fetch = 0;         // stored passage data of the hits shown
  double highlight = 0;     // highlight ranges of the hits shown
  double suggest = 0;       // "did you mean"
};

struct SearchResult {
  std::string query;
  size_t total = 0;  // matching passages: exact for plain-word queries, else Xapian's estimate
  bool total_exact = true;  // false when `total` is an estimate
  double took_ms = 0;
  SearchTimings timings;
  std::optional<std::string> suggestion;
  std::vector<Hit> hits;
  std::vector<std::string> notices;
};

class Searcher {
 public:
  // `spelling`: local indexes to take "did you mean" from, for when the
  // databases are remote shards (Xapian's remote protocol has no spelling).
  explicit Searcher(std::vector<std::string> databases, std::vector<std::string> spelling = {});
  // Its planner and caches refer to its own database handle: not copied or moved.
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  SearchResult search(const std::string& query, const SearchOptions& options = {});

  // The ranges of each of `texts` that `query` matches, as a hit's highlights.
  std::vector<std::vector<ByteRange>> highlights_in(const std::string& query,
                                                    const std::vector<std::string>& texts);

  // The Xapian query a user query becomes (for --show-query).
  std::string describe_query(const std::string& query);

  // A corrected query when some of its words are unknown to the index.
  std::optional<std::string> suggestion_for(const std::string& query);

  // Sees the latest commit of the index (and its synonyms).
  void refresh();

  Xapian::Database& database() { return db_; }

  // The title of the article `file`, which holds passage `docid` (a docid of
  // database()): the passage's own data has it when written before titles
  // were stored once per article; otherwise the metadata of the shard
  // holding the passage does.
  std::string article_title(Xapian::docid docid, const std::string& file);

 private:
  void open();
  // Follows the index (and a separate spelling index) to its latest commit;
  // false if there was none. A compacted index (indexer/compaction.h) is
  // opened anew.
  bool reopen();
  // Notes an index whose terms another analysis version made.
  void check_analysis_version();
  // Loads the passage data dictionary of each shard (passage_dictionary.h).
  void load_passage_dictionaries();
  SearchResult search_once(const std::string& query, const SearchOptions& options);
  // The re-ranking candidates with their BM25 weights, best first; `total`
  // receives how many passages match (Xapian's estimate on its path).
  // Sets accumulated_ to whether the DisjunctionMatcher ranked them.
  std::vector<WeightedDoc> match(const QueryPlan& plan, const SearchOptions& options, size_t depth,
                                 const LocationColumn* column, size_t& total, bool& total_exact);
  // Xapian's matcher: the `count` passages of most weight for `query`
  // (passage_bm25), at most `per_article` an article (0: any), ties by
  // location; `total` receives Xapian's estimate of the matches.
  std::vector<WeightedDoc> top_by_weight(const Xapian::Query& query, size_t count,
                                         unsigned per_article, size_t& total,
                                         bool* total_exact = nullptr);
  // The `count` passages of most weight for `query` (top_by_weight) that
  // `matched` lacks.
  std::vector<WeightedDoc> top_unmatched(const Xapian::Query& query,
                                         const std::vector<WeightedDoc>& matched, size_t count);
  // Up to kPhraseCandidates passages holding plan.phrase that `matched`
  // lacks, with their BM25 weights for the plan's query.
  std::vector<WeightedDoc> match_phrase(const QueryPlan& plan,
                                        const std::vector<WeightedDoc>& matched);
  // Of each of the `articles` articles whose titles the plan's words
  // name most (QueryTitles::subjects()), up to kSubjectPassagesPerArticle
  // passages that `matched` lacks, by their BM25 weights for the plan's
  // query, ties by line.
  std::vector<WeightedDoc> match_subject_articles(const QueryPlan& plan, size_t articles,
                                                  const QueryTitles& titles,
                                                  const std::vector<WeightedDoc>& matched,
                                                  const LocationColumn* column);
  void forget_index_answers();
  // Takes the state of db_'s revision (state_, and the term statistics it
  // holds), from `older`'s as far as `changed` (the terms of the passages a
  // commit added or deleted; null: unknown) allows.
  void take_revision_state(const std::shared_ptr<RevisionState>& older,
                           const std::unordered_set<std::string>* changed);
  // After a commit: forgets what `delta` says it may have changed
  // (index_delta.h), everything when it cannot say.
  void follow_commit(const IndexDelta& delta);
  // "Did you mean": the query with each word the index does not know
  // replaced by its spelling suggestion, and each rare word by the word it
  // was read as (QueryPlan::rare_words_read_as); none when nothing changed.
  std::optional<std::string> suggest(const std::string& query, const QueryPlan& plan);

  std::vector<std::string> specs_;
  std::vector<std::string> spelling_specs_;
  Xapian::Database db_;
  // For a single local index: a second handle, at db_'s revision or the
  // next, so that a commit can be compared with the revision before it.
  bool following_ = false;
  Xapian::Database next_;
  Xapian::Database spelling_db_;
  std::unique_ptr<QueryPlanner> planner_;  // refers to db_ and synonyms_
  Synonyms synonyms_;
  std::string stale_analysis_notice_;  // "" unless the index's terms need re-indexing
  bool remote_ = false;                // some database is served over the network
  // These remember what they read of db_'s current revision: forgotten
  // whenever db_ is opened anew (forget_index_answers()), and after a commit
  // as far as it changed them (follow_commit()).
  TermStatistics statistics_{db_};
  DisjunctionMatcher disjunction_matcher_;
  bool accumulated_ = false;  // the last match() was the disjunction matcher's
  TitleWordCounts title_word_counts_;
  KeywordTitles keyword_titles_;
  // What is read once per revision of the index: decoded posting lists and
  // the location column, shared with the process's other searchers of a
  // single local index (revision_state.h).
  std::shared_ptr<RevisionState> state_;
  SpellingSuggester suggester_;
  Xapian::doccount articles_ = 0;  // count_articles(db_), 0 until asked
  SearchBudget budget_;            // the current search's
};

// Opens one database spec: a directory or stub file, or HOST:PORT of a
// xapian-tcpsrv.
Xapian::Database open_database(const std::string& spec);

}  // namespace fahras
