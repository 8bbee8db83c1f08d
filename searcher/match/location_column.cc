// The shared in-memory location column (see location_column.h).
#include "location_column.h"

#include "fahras/schema.h"

namespace fahras {

const LocationColumn* LocationColumn::for_search(const Xapian::Database& db) {
  if (ready_.load(std::memory_order_acquire)) return this;
  if (searches_.fetch_add(1, std::memory_order_relaxed) < 1) return nullptr;
  std::unique_lock lock(reading_, std::try_to_lock);
  if (!lock.owns_lock()) return nullptr;  // another thread reads it
  if (!read_) {
    read_ = true;
    read_from(db, 1);
    if (!file_of_.empty()) ready_.store(true, std::memory_order_release);
  }
  return ready_.load(std::memory_order_relaxed) ? this : nullptr;
}

void LocationColumn::inherit(const LocationColumn& older, const Xapian::Database& db) {
  std::lock_guard lock(older.reading_);
  if (!older.ready_.load(std::memory_order_acquire)) return;  // read later, whole, if at all
  file_of_ = older.file_of_;
  line_of_ = older.line_of_;
  files_ = older.files_;
  file_index_ = older.file_index_;
  read_ = true;
  read_from(db, static_cast<Xapian::docid>(file_of_.size()));
  if (!file_of_.empty()) ready_.store(true, std::memory_order_release);
}

void LocationColumn::read_from(const Xapian::Database& db, Xapian::docid first) {
  Xapian::docid last = db.get_lastdocid();
  if (last > kMaxColumnPassages) {  // too large to hold: read from the index
    file_of_.clear();
    line_of_.clear();
    files_.clear();
    file_index_.clear();
    return;
  }
  if (last < first) return;
  file_of_.resize(last + 1, 0);
  line_of_.resize(last + 1, 0);
  std::string file;
  uint32_t line = 0;
  Xapian::ValueIterator v = db.valuestream_begin(schema::kSlotLocation);
  if (first > 1) v.skip_to(first);
  for (; v != db.valuestream_end(schema::kSlotLocation); ++v) {
    Xapian::docid docid = v.get_docid();
    if (docid > last || !schema::parse_location_value(*v, file, line)) continue;
    auto [at, added] = file_index_.emplace(file, static_cast<uint32_t>(files_.size()));
    if (added) files_.push_back(file);
    file_of_[docid] = at->second + 1;
    line_of_[docid] = line;
  }
}

bool LocationColumn::find(Xapian::docid docid, std::string_view& file, uint32_t& line) const {
  if (docid >= file_of_.size() || file_of_[docid] == 0) return false;
  file = files_[file_of_[docid] - 1];
  line = line_of_[docid];
  return true;
}

}  // namespace fahras
