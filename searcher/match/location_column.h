// Every passage's file and line, held in memory once per index revision and
// shared by the searchers of the process.
//
// The ranker needs the file and line of each of its ~30 candidates (to give a
// passage its neighbours' context), and the matcher those of passages tied at
// its cut; reading them from the location slot costs a B-tree lookup each.
// Like Lucene's field cache, the column is read once, sequentially, on the
// second search of an index revision in the process (a process that searches
// once would gain nothing): 8 bytes a passage plus each file's name once
// (0.8 MB and 8.5 ms for 100,000 passages).
//
// Contract: the column holds the documents of the revision it was read from.
// Fahras never changes a document in place, so a later revision's column is
// the earlier one's with the added passages read (inherit(); deleted
// passages' entries stay, and are never asked for). An index of more than
// kMaxColumnPassages passages is not held; documents indexed before the
// location slot existed are not in the column. Callers read either from the
// index (read_candidates does). Thread-safe: for_search() reads the column
// on one thread while the others go on without it; once returned, the column
// is read-only.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fahras {

// 512 MB at most, once per process.
inline constexpr Xapian::docid kMaxColumnPassages = 64'000'000;

class LocationColumn {
 public:
  // Called once per search with a handle at the column's revision: the
  // column, read on the second call since it was made; nullptr before that,
  // while another thread reads it, or when the index is too large.
  const LocationColumn* for_search(const Xapian::Database& db);
  // The passage's file and line; false if the column does not hold it.
  bool find(Xapian::docid docid, std::string_view& file, uint32_t& line) const;
  // The passage's file as a number (the same for every passage of a file),
  // 0 if the column does not hold it; file_name() gives it back.
  uint32_t file_id(Xapian::docid docid) const {
    return docid < file_of_.size() ? file_of_[docid] : 0;
  }
  std::string_view file_name(uint32_t file_id) const { return files_[file_id - 1]; }
  // The number of the file named `file`, 0 if the column holds none of its passages.
  uint32_t file_id_of(const std::string& file) const {
    auto found = file_index_.find(file);
    return found == file_index_.end() ? 0 : found->second + 1;
  }
  // Before the column is shared: takes `older`'s entries if it was read, and
  // reads those of the documents `db` added since, so that it holds `db`'s
  // revision. Otherwise it is read whole when needed.
  void inherit(const LocationColumn& older, const Xapian::Database& db);

 private:
  // Reads the locations of documents from `first` to the database's last.
  void read_from(const Xapian::Database& db, Xapian::docid first);

  std::atomic<unsigned> searches_{0};
  std::atomic<bool> ready_{false};  // read and not empty: read-only from now
  mutable std::mutex reading_;      // held while it is read
  bool read_ = false;               // tried (reading_ held)
  std::vector<uint32_t> file_of_;  // docid -> 1 + index in files_, 0 when absent
  std::vector<uint32_t> line_of_;  // docid -> line
  std::vector<std::string> files_;
  std::unordered_map<std::string, uint32_t> file_index_;  // file -> index in files_
};

}  // namespace fahras
