// Decoded posting lists of the terms searched lately, kept in memory.
//
// Decoding a posting list through Xapian's PostingIterator costs about 10 ns
// a posting; reading an array of decoded postings costs a tenth of that. A
// query's words recur across queries (Zipf), so the disjunction matcher keeps
// the lists it decoded, least recently used first out, up to a byte budget.
//
// Contract: the lists are those of the database as it was when they were
// decoded. A Xapian::Database reads one revision until reopen(), so the owner
// must clear() the cache whenever it reopens the database, or erase() the
// terms of the documents a commit that deleted nothing added (index_delta.h).
// Not thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <vector>

namespace fahras {

// Enough for every list the 1,000 bench queries touch on 100k passages (12 MB).
inline constexpr size_t kPostingsCacheBytes = 32u << 20;

struct Posting {
  Xapian::docid docid;
  Xapian::termcount wdf;
};

class PostingsCache {
 public:
  explicit PostingsCache(size_t max_bytes = kPostingsCacheBytes) : max_bytes_(max_bytes) {}

  // The term's postings in docid order; valid until the next call.
  const std::vector<Posting>& postings(const Xapian::Database& db, const std::string& term);

  bool contains(const std::string& term) const { return entries_.count(term) > 0; }
  // The term's cached postings, or nullptr; does not count as a use.
  const std::vector<Posting>* find(const std::string& term) const {
    auto found = entries_.find(term);
    return found == entries_.end() ? nullptr : &found->second.postings;
  }
  void clear();
  // Drops one term's list (a commit added documents holding it).
  void erase(const std::string& term);
  size_t bytes() const { return bytes_; }

 private:
  struct Entry {
    std::vector<Posting> postings;
    std::list<std::string>::iterator recency;  // position in recent_
  };
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> recent_;  // most recently used first
  std::vector<Posting> uncached_;  // a list larger than the whole budget
};

}  // namespace fahras
