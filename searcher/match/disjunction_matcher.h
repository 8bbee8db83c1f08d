// The matcher for the commonest query: a disjunction of weighted terms.
//
// Most queries are a few words, each with a few weighted expansions: an OR of
// single terms, each scaled by a factor. For that shape the matcher walks the
// terms' decoded posting lists (postings_cache.h, shared by the process's
// searchers) document at a time with MaxScore dynamic pruning (Turtle and
// Flood 1995; Lucene's MaxScoreBulkScorer): each list's part of a document's
// BM25 weight is bounded by the part of its largest wdf; once the top `depth`
// are known to weigh at least T, the lists whose bounds together stay under
// T cannot bring a document in on their own ("non-essential"): only the
// other lists' documents are candidates, and the non-essential lists are
// searched (galloping) for those candidates only, until the candidate's
// bound falls under T. A query's cost then grows with its rarer words'
// lists, not with the common ones'.
//
// A long match (kMinPostingsToSplit postings or more) runs in two halves of
// the docids at once when the process's side thread is free
// (side_thread.h): each half keeps its own best, both prune with the larger
// of their cuts (at least `depth` documents weigh that much), and the best of
// the two halves' best are the best of all. Its total is then an estimate,
// split or not, so that no output depends on what else the process was doing.
//
// Contract: top() returns what Xapian::Enquire with passage_bm25() returns for
// OR(factor_i * term_i) with get_mset(0, depth), sorted by relevance then by
// the location value (schema::kSlotLocation): the same documents, by the same
// weights rounded as round_score() does (Xapian's and these may differ in the
// last bits, from the order of additions), documents of equal weight in
// ascending order of their location, so that which of them make the cut
// depends on the passages, not on their docids. A term may be an OP_SYNONYM
// group of single terms (WeightedTerm); phrases and other subqueries beside
// them are weighed by Xapian alone. Queries of any other shape (NOT, filters),
// collapsing and remote databases stay with Xapian's matcher, and so do disjunctions
// with too many postings not yet decoded: see Searcher::match.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "postings_cache.h"
#include "revision_state.h"

namespace fahras {

// Above this many postings to decode, Xapian's matcher is faster the first
// time: it skips documents that cannot reach the top without decoding them.
// A disjunction over the limit is left to Xapian the first time; when its
// terms come again (in any thread of the process), they are decoded once and
// kept: common words recur, and reading them from memory beats Xapian's
// skipping (admission on second use).
inline constexpr size_t kMaxAccumulatedPostings = 25000;
// When pruning skipped postings, the passages matching any term are still
// counted exactly if the lists hold at most this many postings together
// (a bit set per docid: a few microseconds); beyond, the count is an estimate, as
// Elasticsearch's and Lucene's are beyond their thresholds.
inline constexpr size_t kMaxCountedPostings = 20000;
// A disjunction of at least this many postings is matched in two halves of
// its docids at once when the process's side thread is free (side_thread.h),
// and its total is then an estimate whether it was split or not.
inline constexpr size_t kMinPostingsToSplit = 120000;

// A term of the disjunction, or an OP_SYNONYM group of terms, weighed as one
// term that each of them stands for (Xapian 1.4: the group's within-document
// frequency is the sum of its terms', its frequency the estimate of
// synonym_frequency()).
struct WeightedTerm {
  std::string term;                   // the term; "" for a synonym group
  double factor = 1.0;                // OP_SCALE_WEIGHT factor of the term
  Xapian::doccount frequency = 0;     // documents holding the term (group: the estimate)
  std::vector<std::string> synonyms;  // a synonym group's terms
  std::vector<Xapian::doccount> synonym_frequencies;  // documents holding each of them
  bool operator==(const WeightedTerm& other) const {
    return term == other.term && synonyms == other.synonyms;  // the same term or group
  }
};

// Xapian 1.4's estimate of how many of `documents` hold any of the terms of
// an OP_SYNONYM group, given how many hold each: their union, were they
// independent, estimated pair by pair from the two rarest up, each pair rounded.
Xapian::doccount synonym_frequency(const std::vector<Xapian::doccount>& frequencies,
                                   Xapian::doccount documents);

struct WeightedDoc {
  Xapian::docid docid = 0;
  double weight = 0;
};

// Where a passage is, ordered as its location value (schema::kSlotLocation:
// the line, then the file; a document without one has line 0 and no file).
struct PassageLocation {
  uint32_t line = 0;
  std::string_view file;  // valid while the caller's column or cache lives
  bool operator<(const PassageLocation& other) const {
    return line != other.line ? line < other.line : file < other.file;
  }
};
using LocationOf = std::function<PassageLocation(Xapian::docid)>;

class DisjunctionMatcher {
 public:
  // Whether top() should rank the terms: their postings not yet decoded are
  // few enough to beat Xapian's matcher, or every such term was asked for
  // before (see kMaxAccumulatedPostings).
  bool suits(const std::vector<WeightedTerm>& terms, RevisionState& state);

  // The best `depth` documents, their lists read from `state` (of `db`'s
  // revision). `total` receives how many match any term: exact when
  // `total_exact` is set, else an estimate (pruning skipped postings, or the
  // lists hold kMinPostingsToSplit postings or more).
  // One matcher per thread: it keeps the last query's lists and weights. A
  // long match may run half on the process's side thread (side_thread.h),
  // which then calls `location` too, never at once with this thread.
  // `location` is asked only for documents tied at the cut.
  // `weighed_alone` (phrases, NEAR groups, a conjunction of two terms, each
  // perhaps scaled) stand in the disjunction beside the terms: each adds the
  // weight Xapian's matcher gives it alone (with BM25's b = 0 and k2 = 0 a
  // subquery's weight does not depend on the rest of the query) to the
  // documents it matches.
  std::vector<WeightedDoc> top(const Xapian::Database& db, const std::vector<WeightedTerm>& terms,
                               size_t depth, size_t& total, bool& total_exact,
                               const LocationOf& location, RevisionState& state,
                               const std::vector<Xapian::Query>& weighed_alone = {});

  // The weight the last top()'s query gives document `docid` (0: it holds
  // none of the terms), pruned or not, until the next top().
  double weight_of(Xapian::docid docid) const;
  // How many documents the last top() weighed in whole (the rest it pruned
  // or never met).
  size_t last_weighed() const { return weighed_; }
  // Whether the last top() matched in two halves at once.
  bool last_split() const { return split_; }
  // Disjunctions of at least `postings` are split when they can be
  // (default kMinPostingsToSplit; tests split smaller ones).
  void split_from(size_t postings) { split_from_ = postings; }

 private:
  // A list of the query: a term's or a group's postings, or the weights of
  // the subqueries weighed alone (then a posting's wdf indexes alone_weights_).
  struct List {
    PostingsPtr postings;
    double term_weight = 0;  // BM25 weight for wdf -> infinity, factor included
    double bound = 0;        // the most its part of a document's weight can be
    bool alone = false;
    // part() of each wdf up to the list's largest (at most kTabledWdf), as
    // part() computes it: the same bits, without a division per posting.
    // Empty for a list with fewer postings than that.
    std::vector<double> part_of_wdf;
  };
  static constexpr Xapian::termcount kTabledWdf = 1024;
  double part(const List& list, const Posting& p) const;
  // The most the list's part of a document's weight can be among documents
  // from `at` (its cursor) to before `limit`: from its blocks' bounds.
  double window_bound(const List& list, const Posting* at, uint64_t limit) const;
  // weight_of(docid) for the document the matcher is at: each list's
  // posting of it is looked for only in [from[i], to[i]).
  double weight_between(Xapian::docid docid, const std::vector<const Posting*>& from,
                        const std::vector<const Posting*>& to) const;
  // What scan() finds in its docids.
  struct Scan {
    std::vector<WeightedDoc> best;  // at most depth, a heap (Better: the worst on top)
    size_t candidates = 0;          // documents of the essential lists
    size_t weighed = 0;             // documents weighed in whole
    bool skipped = false;           // some window had non-essential lists
  };
  // The best `depth` documents among docids [first_docid, end_docid) (0: no
  // end), with MaxScore pruning. Reads only lists_ and alone_weights_: two
  // scans of one matcher may run at once, on other threads, sharing in
  // `shared_cut` (null: none) the larger of their cuts, under which no
  // document can make the cut of both together.
  void scan(Xapian::docid first_docid, Xapian::docid end_docid, size_t depth,
            const LocationOf& location, Scan& out, std::atomic<double>* shared_cut) const;
  // Whether a document ranks above another: by weight, ties by location,
  // then docid.
  struct Better {
    const LocationOf& location;
    bool operator()(const WeightedDoc& a, const WeightedDoc& b) const;
  };
  // How many documents the lists hold together.
  size_t count_union();
  // The group's postings, one per document, with the wdf of its terms summed.
  static PostingsPtr synonym_postings(const Xapian::Database& db, const WeightedTerm& group,
                                      PostingsCache& cache);

  std::vector<List> lists_;  // in the query's order: the order weights are summed in
  std::vector<double> alone_weights_;
  size_t weighed_ = 0;
  bool split_ = false;
  size_t split_from_ = kMinPostingsToSplit;
  std::vector<uint64_t> union_bits_;  // count_union()'s
};

}  // namespace fahras
