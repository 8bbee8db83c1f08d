// LRU cache of decoded posting lists (see postings_cache.h).
#include "postings_cache.h"

namespace fahras {

const std::vector<Posting>& PostingsCache::postings(const Xapian::Database& db,
                                                    const std::string& term) {
  auto found = entries_.find(term);
  if (found != entries_.end()) {
    recent_.splice(recent_.begin(), recent_, found->second.recency);
    return found->second.postings;
  }
  std::vector<Posting> decoded;
  decoded.reserve(db.get_termfreq(term));
  for (auto p = db.postlist_begin(term), end = db.postlist_end(term); p != end; ++p)
    decoded.push_back({*p, p.get_wdf()});
  size_t size = decoded.size() * sizeof(Posting);
  if (size > max_bytes_) {
    uncached_ = std::move(decoded);
    return uncached_;
  }
  while (bytes_ + size > max_bytes_ && !recent_.empty()) {
    auto oldest = entries_.find(recent_.back());
    bytes_ -= oldest->second.postings.size() * sizeof(Posting);
    entries_.erase(oldest);
    recent_.pop_back();
  }
  recent_.push_front(term);
  bytes_ += size;
  Entry& entry = entries_[term];
  entry.postings = std::move(decoded);
  entry.recency = recent_.begin();
  return entry.postings;
}

void PostingsCache::erase(const std::string& term) {
  auto found = entries_.find(term);
  if (found == entries_.end()) return;
  bytes_ -= found->second.postings.size() * sizeof(Posting);
  recent_.erase(found->second.recency);
  entries_.erase(found);
}

void PostingsCache::clear() {
  entries_.clear();
  recent_.clear();
  uncached_.clear();
  bytes_ = 0;
}

}  // namespace fahras
