// Shared LRU cache of decoded posting lists (see postings_cache.h).
#include "postings_cache.h"

#include <algorithm>

namespace fahras {

namespace {
size_t bytes_of(const DecodedPostings& p) {
  return p.list.size() * sizeof(Posting) + p.block_max_wdf.size() * sizeof(Xapian::termcount);
}
}  // namespace

void DecodedPostings::set_bounds() {
  max_wdf = 0;
  block_max_wdf.assign((list.size() + kPostingsPerBlock - 1) / kPostingsPerBlock, 0);
  for (size_t i = 0; i < list.size(); ++i) {
    Xapian::termcount& block = block_max_wdf[i / kPostingsPerBlock];
    block = std::max(block, list[i].wdf);
    max_wdf = std::max(max_wdf, list[i].wdf);
  }
}

PostingsPtr decode_postings(const Xapian::Database& db, const std::string& term) {
  auto decoded = std::make_shared<DecodedPostings>();
  decoded->list.reserve(db.get_termfreq(term));
  for (auto p = db.postlist_begin(term), end = db.postlist_end(term); p != end; ++p)
    decoded->list.push_back({*p, p.get_wdf()});
  decoded->set_bounds();
  return decoded;
}

PostingsPtr PostingsCache::postings(const Xapian::Database& db, const std::string& term) {
  return made(term, [&] { return decode_postings(db, term); });
}

PostingsPtr PostingsCache::made(const std::string& term, const std::function<PostingsPtr()>& make) {
  {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(term);
    if (found != entries_.end()) {
      recent_.splice(recent_.begin(), recent_, found->second.recency);
      return found->second.postings;
    }
  }
  // Decoded without the lock: another thread may decode the same list
  // meanwhile; the first kept is kept.
  PostingsPtr decoded = make();
  if (bytes_of(*decoded) > max_bytes_) return decoded;
  std::lock_guard lock(mutex_);
  auto found = entries_.find(term);
  if (found != entries_.end()) return found->second.postings;
  insert_locked(term, decoded);
  return decoded;
}

void PostingsCache::insert_locked(const std::string& term, PostingsPtr postings) {
  size_t size = bytes_of(*postings);
  while (bytes_ + size > max_bytes_ && !recent_.empty()) erase_locked(recent_.back());
  recent_.push_front(term);
  bytes_ += size;
  entries_[term] = Entry{std::move(postings), recent_.begin()};
}

bool PostingsCache::contains(const std::string& term) const {
  std::lock_guard lock(mutex_);
  return entries_.count(term) > 0;
}

PostingsPtr PostingsCache::find(const std::string& term) const {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(term);
  return found == entries_.end() ? nullptr : found->second.postings;
}

void PostingsCache::erase(const std::string& term) {
  std::lock_guard lock(mutex_);
  erase_locked(term);
}

void PostingsCache::erase_locked(const std::string& term) {
  auto found = entries_.find(term);
  if (found == entries_.end()) return;
  bytes_ -= bytes_of(*found->second.postings);
  recent_.erase(found->second.recency);
  entries_.erase(found);
}

void PostingsCache::inherit(const PostingsCache& older,
                            const std::unordered_set<std::string>& changed) {
  std::scoped_lock lock(mutex_, older.mutex_);
  // Oldest first, so that each insert makes its list the most recent.
  // A list made of others (a synonym group's, kGroupKeyMark) is dropped: the
  // changed terms do not name it.
  for (auto term = older.recent_.rbegin(); term != older.recent_.rend(); ++term)
    if (!changed.count(*term) && !entries_.count(*term) &&
        (term->empty() || term->front() != kGroupKeyMark))
      insert_locked(*term, older.entries_.at(*term).postings);
}

void PostingsCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  recent_.clear();
  bytes_ = 0;
}

size_t PostingsCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace fahras
