// What the searchers of a process have read of one revision of an index,
// read once and shared.
//
// fahras-serve searches on several threads, each with a searcher of its own
// (its own Xapian handles). The decoded posting lists and the location
// column are the large part of what a searcher reads of an index, and they
// depend on the revision only, so every searcher at a revision of a local
// index shares one RevisionState: memory per thread stays small and fixed
// whatever the index's size, and what one thread decoded the others read.
//
// Contract: a state holds what was read of exactly one revision (uuid and
// revision number) of one database. shared_revision_state() returns the
// process's state for a revision, making it when no searcher holds one;
// made from an older revision's state of the same database, it starts with
// all of that state that a commit cannot have changed. Thread-safe.
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

#include "location_column.h"
#include "postings_cache.h"
#include "term_statistics.h"

namespace fahras {

// Terms of disjunctions left to Xapian's matcher because their postings were
// not decoded yet (disjunction_matcher.h: admission on second use).
class HeavyTerms {
 public:
  // Whether every one of `terms` was noted before; notes them all.
  bool seen_all_then_note(const std::vector<const std::string*>& terms);

 private:
  std::mutex mutex_;
  std::unordered_set<std::string> seen_;
};

struct RevisionState {
  // `postings_bytes`: the decoded lists' budget (postings_cache_budget()).
  explicit RevisionState(size_t postings_bytes = kPostingsCacheBytes) : postings(postings_bytes) {}
  PostingsCache postings;
  LocationColumn locations;
  TermAnswers answers;  // term frequencies and keys' stems (term_statistics.h)
  HeavyTerms heavy_terms;
};

// Fills a new state from an older revision's: the column, and the lists and
// frequencies of the terms not among `changed` (null: unknown, none).
void inherit_revision_state(RevisionState& state, const RevisionState& older,
                            const Xapian::Database& db,
                            const std::unordered_set<std::string>* changed);

// A state of `db`'s revision of its own, its decoded lists' budget sized to
// the index (postings_cache_budget()), inheriting from `older` when given.
std::shared_ptr<RevisionState> new_revision_state(
    const Xapian::Database& db, const std::shared_ptr<RevisionState>& older = nullptr,
    const std::unordered_set<std::string>* changed = nullptr);

// The process's state of `db`'s revision, `db` being the single local
// database at `path` (any spelling of it). `older`, when given, is the
// caller's state of an earlier revision of the same database, and `changed`
// the terms of every passage added or deleted since (index_delta.h; null:
// unknown): a new state inherits from it (inherit_revision_state()).
std::shared_ptr<RevisionState> shared_revision_state(
    const std::string& path, const Xapian::Database& db,
    const std::shared_ptr<RevisionState>& older = nullptr,
    const std::unordered_set<std::string>* changed = nullptr);

}  // namespace fahras
