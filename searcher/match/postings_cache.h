// Decoded posting lists of the terms searched lately, kept in memory and
// shared by every searcher of one index revision in the process.
//
// Decoding a posting list through Xapian's PostingIterator costs about 10 ns
// a posting; reading an array of decoded postings costs a tenth of that. A
// query's words recur across queries (Zipf), so the lists decoded are kept,
// least recently used first out, up to a byte budget, once per process: the
// service's threads share them (revision_state.h) rather than each decoding
// and holding its own.
//
// Contract: the lists are those of the database revision they were decoded
// from; the owner keeps one cache per revision (revision_state.h derives a
// new revision's from the last one's, without the lists a commit changed).
// Thread-safe: a list handed out stays valid for as long as its holder keeps
// it, whatever the cache drops meanwhile.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fahras {

// Enough for the lists the ARCD questions touch on a million passages.
inline constexpr size_t kPostingsCacheBytes = 256u << 20;
// Longer lists need more: 256 bytes a passage past a million passages, up
// to kMaxPostingsCacheBytes. At 3 million passages 256 MB held too few of
// the ARCD questions' lists, which were decoded again and again (a quarter
// of fahras-serve's time); 768 MB took bench_search's p50 3.41 -> 2.80 ms
// and p99 15.1 -> 9.7 ms.
inline constexpr size_t kPostingsCacheBytesPerPassage = 256;
inline constexpr size_t kMaxPostingsCacheBytes = size_t{1} << 30;
// The cache's budget for an index of `passages`.
inline size_t postings_cache_budget(Xapian::doccount passages) {
  return std::clamp(kPostingsCacheBytesPerPassage * passages, kPostingsCacheBytes,
                    kMaxPostingsCacheBytes);
}

struct Posting {
  Xapian::docid docid;
  Xapian::termcount wdf;
};

// The postings a block bound covers (disjunction_matcher.h reads the bounds
// of the blocks a window of docids overlaps).
inline constexpr size_t kPostingsPerBlock = 64;

// One term's postings in docid order, with the largest wdf among them and in
// each block of kPostingsPerBlock (the bounds a dynamic-pruning matcher
// needs: disjunction_matcher.h).
struct DecodedPostings {
  std::vector<Posting> list;
  Xapian::termcount max_wdf = 0;
  std::vector<Xapian::termcount> block_max_wdf;  // list[64 b .. 64 b + 63] -> their largest wdf
  // Sets max_wdf and block_max_wdf from list.
  void set_bounds();
};
using PostingsPtr = std::shared_ptr<const DecodedPostings>;

// Keys of lists that are no term's but made of several (a synonym group's
// merged postings: disjunction_matcher.h) begin with this byte, which no
// term holds.
inline constexpr char kGroupKeyMark = '\x01';

// Decodes one term's posting list from `db`.
PostingsPtr decode_postings(const Xapian::Database& db, const std::string& term);

class PostingsCache {
 public:
  explicit PostingsCache(size_t max_bytes = kPostingsCacheBytes) : max_bytes_(max_bytes) {}
  PostingsCache(const PostingsCache&) = delete;
  PostingsCache& operator=(const PostingsCache&) = delete;

  // The term's postings, decoded from `db` unless held (then kept, unless
  // larger than the whole budget). `db` must be at the cache's revision.
  PostingsPtr postings(const Xapian::Database& db, const std::string& term);
  // The list under `key` (kGroupKeyMark first), made by make() unless held.
  PostingsPtr made(const std::string& key, const std::function<PostingsPtr()>& make);

  bool contains(const std::string& term) const;
  // The term's cached postings, or null; does not count as a use.
  PostingsPtr find(const std::string& term) const;
  void clear();
  // Drops one term's list.
  void erase(const std::string& term);
  // Takes every list of `older` but those of `changed` (the terms a commit
  // added or deleted postings of: index_delta.h), most recent first.
  void inherit(const PostingsCache& older, const std::unordered_set<std::string>& changed);
  size_t bytes() const;

 private:
  struct Entry {
    PostingsPtr postings;
    std::list<std::string>::iterator recency;  // position in recent_
  };
  // Keeps `postings` as the most recent list; mutex_ held.
  void insert_locked(const std::string& term, PostingsPtr postings);
  void erase_locked(const std::string& term);

  size_t max_bytes_;
  mutable std::mutex mutex_;
  size_t bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> recent_;  // most recently used first
};

}  // namespace fahras
