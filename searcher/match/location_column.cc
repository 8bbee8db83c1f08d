// The in-memory location column (see location_column.h).
#include "location_column.h"

#include "fahras/schema.h"

namespace fahras {

const LocationColumn* LocationColumn::for_search(const Xapian::Database& db) {
  if (searches_ < 2) ++searches_;
  if (searches_ < 2) return nullptr;
  load(db);
  return file_of_.empty() ? nullptr : this;
}

void LocationColumn::load(const Xapian::Database& db) {
  if (loaded_) return;
  loaded_ = true;
  read_from(db, 1);
}

void LocationColumn::extend(const Xapian::Database& db) {
  if (!loaded_ || file_of_.empty()) return;  // read later, whole, if at all
  read_from(db, static_cast<Xapian::docid>(file_of_.size()));
}

void LocationColumn::read_from(const Xapian::Database& db, Xapian::docid first) {
  Xapian::docid last = db.get_lastdocid();
  if (last > kMaxColumnPassages) {
    forget();
    loaded_ = true;  // too large to hold: read from the index
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

void LocationColumn::forget() {
  searches_ = 0;
  loaded_ = false;
  file_of_.clear();
  file_of_.shrink_to_fit();
  line_of_.clear();
  line_of_.shrink_to_fit();
  files_.clear();
  file_index_.clear();
}

}  // namespace fahras
