// What the searcher asks the index about terms, remembered until it reopens.
//
// Planning a query asks the index how many passages hold each candidate term
// and which terms start with a phonetic key; ranking asks again. Xapian
// answers every such question with a B-tree lookup that copies 8 KB blocks
// from the operating system, where Lucene keeps its terms index in memory.
// Most of planning's time went there; the answers are remembered here.
//
// Contract: the answers are those of the database's revision when they were
// asked, so the owner must forget() whenever it reopens the database, or
// forget_terms() what a commit that only added documents added. At most
// kMaxRememberedAnswers are kept; beyond that all are forgotten and asked
// again. Not thread-safe.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fahras {

inline constexpr size_t kMaxRememberedAnswers = 1 << 18;

class TermStatistics {
 public:
  explicit TermStatistics(const Xapian::Database& db) : db_(db) {}

  // How many documents hold the term (0 when none does).
  Xapian::doccount termfreq(const std::string& term);
  // Every term of the index that starts with `prefix`, in byte order.
  std::vector<std::string> terms_with_prefix(const std::string& prefix);

  void forget();
  // Forgets what `terms` change: their frequencies, and the listings of every
  // prefix of theirs (index_delta.h: the terms a commit added).
  void forget_terms(const std::unordered_set<std::string>& terms);

 private:
  void make_room();

  const Xapian::Database& db_;
  std::unordered_map<std::string, Xapian::doccount> termfreq_;
  std::unordered_map<std::string, std::vector<std::string>> with_prefix_;
};

}  // namespace fahras
