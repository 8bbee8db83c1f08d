// The matcher for the commonest query: a disjunction of weighted terms.
//
// Most queries are a few words, each with a few weighted expansions: an OR of
// single terms, each scaled by a factor. For that shape, walking each term's
// posting list once and adding its BM25 part into a per-document accumulator
// (term-at-a-time, as Lucene's BooleanScorer does) is faster than Xapian's
// document-at-a-time matcher, which merges the lists through a tree of virtual
// calls and keeps its candidate heap for every document; the decoded lists
// are kept for the next queries (postings_cache.h).
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
// with too many postings to decode: see Searcher::match.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "postings_cache.h"

namespace fahras {

// Above this many postings to decode, Xapian's matcher is faster: it skips
// documents that cannot reach the top, where the accumulator decodes every
// posting (on the 100k-passage bench: 4x faster under 5,000 postings, even at
// 25,000, 1.6x slower at 50,000). A cached posting counts as
// 1/kCachedPostingDiscount of one (it costs a tenth to read). A disjunction
// over the limit is left to Xapian the first time; when its terms come again,
// they are decoded once and cached: common words recur, and reading them from
// memory beats Xapian's skipping (admission on second use).
inline constexpr size_t kMaxAccumulatedPostings = 25000;
inline constexpr size_t kCachedPostingDiscount = 8;
inline constexpr size_t kMaxRememberedHeavyTerms = 1 << 16;
// The accumulators take 12 bytes per document id; above this many ids (48 MB
// per searcher) queries stay with Xapian's matcher.
inline constexpr Xapian::docid kMaxAccumulatedDocids = 4'000'000;

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
// independent, rounded.
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
  // Whether top() should rank the terms: their postings are few enough (or
  // cached) to beat Xapian's matcher, or every uncached one was asked for
  // before (see kMaxAccumulatedPostings); never for an index of more than
  // kMaxAccumulatedDocids document ids.
  bool suits(const Xapian::Database& db, const std::vector<WeightedTerm>& terms);

  // The best `depth` documents; `total` receives how many match any term.
  // Not thread-safe: one matcher per thread (it keeps its accumulators).
  // `location` is asked only for documents tied at the cut.
  // `weighed_alone` (phrases, NEAR groups, a conjunction of two terms, each
  // perhaps scaled) stand in the disjunction beside the terms: each adds the
  // weight Xapian's matcher gives it alone (with BM25's b = 0 and k2 = 0 a
  // subquery's weight does not depend on the rest of the query) to the
  // documents it matches.
  std::vector<WeightedDoc> top(const Xapian::Database& db, const std::vector<WeightedTerm>& terms,
                               size_t depth, size_t& total, const LocationOf& location,
                               const std::vector<Xapian::Query>& weighed_alone = {});

  // The weight the last top() gave document `docid` (0: it holds none of the
  // terms), until the next top().
  double last_weight(Xapian::docid docid) const {
    return docid < stamp_.size() && stamp_[docid] == call_ && call_ != 0 ? weight_of_[docid] : 0;
  }

  // The posting lists decoded so far.
  const PostingsCache& postings() const { return postings_; }

  // Drops the decoded posting lists: call whenever the database is reopened.
  void forget_postings() {
    postings_.clear();
    heavy_terms_seen_.clear();
  }
  // Drops the lists of `terms` only: after a commit that added documents
  // holding them and deleted none (index_delta.h).
  void forget_postings_of(const std::unordered_set<std::string>& terms) {
    for (const std::string& term : terms) postings_.erase(term);
  }

 private:
  // The group's postings, one per document, with the wdf of its terms summed.
  std::vector<Posting> synonym_postings(const Xapian::Database& db, const WeightedTerm& group);

  PostingsCache postings_;
  std::unordered_set<std::string> heavy_terms_seen_;  // uncached terms of queries left to Xapian
  std::vector<double> weight_of_;  // docid -> weight so far (valid where stamp_ matches)
  std::vector<uint32_t> stamp_;    // docid -> the call that last touched it
  std::vector<Xapian::docid> touched_;
  uint32_t call_ = 0;
};

}  // namespace fahras
