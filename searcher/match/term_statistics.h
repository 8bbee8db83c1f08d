// What the searcher asks the index about terms, remembered until it reopens.
//
// Planning a query asks the index how many passages hold each candidate term
// and which stems it holds under a phonetic key (indexer/key_vocabulary.h); ranking asks again.
// Xapian answers every such question with a B-tree lookup that copies 8 KB blocks from the
// operating system, where Lucene keeps its terms index in memory. Most of planning's time went
// there; the answers are remembered here.
//
// Contract: the answers are those of the database's revision when they were
// asked, so the owner must forget() whenever it reopens the database, or
// forget_terms() what a commit that only added documents added (which forgets
// every key's stems: a commit's new entries are not listed); or, instead,
// have it remember into the TermAnswers of the revision it reads
// (share(); revision_state.h keeps one per revision for all the process's
// searchers). At most kMaxRememberedAnswers are kept; beyond that all are
// forgotten and asked again. A TermStatistics is one thread's; TermAnswers
// are thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fahras {

inline constexpr size_t kMaxRememberedAnswers = 1 << 18;

using StemCounts = std::vector<std::pair<std::string, uint64_t>>;

// The answers remembered, of one revision.
class TermAnswers {
 public:
  bool termfreq(const std::string& term, Xapian::doccount& frequency) const;
  void remember_termfreq(const std::string& term, Xapian::doccount frequency);
  bool stem_counts(const std::string& key, StemCounts& counts) const;
  void remember_stem_counts(const std::string& key, const StemCounts& counts);
  // Takes `older`'s frequencies of the terms not among `changed` (those a
  // commit added or deleted passages of), and none of its keys' stems.
  void inherit(const TermAnswers& older, const std::unordered_set<std::string>& changed);
  void forget();
  void forget_keys();
  void forget_terms(const std::unordered_set<std::string>& terms);

 private:
  void make_room();  // mutex_ held

  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Xapian::doccount> termfreq_;
  std::unordered_map<std::string, StemCounts> with_key_;
};

class TermStatistics {
 public:
  explicit TermStatistics(const Xapian::Database& db) : db_(db) {}
  // Remembers into `answers` (those of the database's revision, kept by the
  // caller) rather than its own; null: its own again.
  void share(TermAnswers* answers) { answers_ = answers ? answers : &own_; }

  // How many documents hold the term (0 when none does).
  Xapian::doccount termfreq(const std::string& term);
  // The stems the index holds under a phonetic key, in byte order.
  std::vector<std::string> stems_with_key(const std::string& key);
  // The same with the passages holding a word of each under the key (the key
  // vocabulary's counts; a shard's own where shards list one stem).
  StemCounts stem_counts_with_key(const std::string& key);

  // The databases whose key vocabularies stems_with_key() unites: each shard
  // of the database (Xapian reads metadata from the first shard only).
  // Default: the database itself, right for an unsharded index.
  void set_shards(std::vector<Xapian::Database> shards) { shards_ = std::move(shards); }
  const std::vector<Xapian::Database>& shards() const { return shards_; }
  // Follows the shards to their latest commit (with the database, after a
  // commit), forgetting every key's stems; nothing for an unsharded index,
  // whose owner takes the new revision's answers (share()) or forgets.
  // Throws Xapian::DatabaseError when a shard's directory now holds another
  // database (a compacted copy swapped in): the shards must be opened anew.
  void reopen_shards();

  void forget();
  // Forgets what `terms` change: their frequencies, and every key's stems
  // (index_delta.h: the terms a commit added).
  void forget_terms(const std::unordered_set<std::string>& terms);

 private:
  const Xapian::Database& db_;
  std::vector<Xapian::Database> shards_;
  TermAnswers own_;
  TermAnswers* answers_ = &own_;
};

}  // namespace fahras
