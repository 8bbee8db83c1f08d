// Every passage's file and line, held in memory per index revision.
//
// The ranker needs the file and line of each of its ~30 candidates (to give a
// passage its neighbours' context); reading them from the location slot costs
// a B-tree lookup per candidate, a third of the time of a typical search. Like
// Lucene's field cache, the column is read once, sequentially, on the second
// search of an index revision (a process that searches once would gain
// nothing): 8 bytes a passage plus each file's name once (0.8 MB and 8.5 ms
// for 100,000 passages).
//
// Contract: the column holds the documents of the revision it was read from.
// Fahras never changes a document in place, so after a commit to the same
// database extend() makes it hold the new revision's (deleted documents'
// entries stay, and are never asked for); the owner must forget() it when it
// opens another database (a compacted copy). An index of more than
// kMaxColumnPassages passages is not held; documents indexed before the
// location slot existed are not in the column. Callers read either from the
// index (read_candidates does). Not thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fahras {

// 32 MB per searcher at most (one searcher per HTTP worker thread).
inline constexpr Xapian::docid kMaxColumnPassages = 4'000'000;

class LocationColumn {
 public:
  // Called once per search: the column, read on the second call since the
  // last forget(); nullptr before that or when the index is too large.
  const LocationColumn* for_search(const Xapian::Database& db);
  // The passage's file and line; false if the column does not hold it.
  bool find(Xapian::docid docid, std::string_view& file, uint32_t& line) const;
  void forget();
  // Reads the locations of the documents added since the column was read,
  // so that it holds those of the database's current revision.
  void extend(const Xapian::Database& db);

 private:
  void load(const Xapian::Database& db);
  // Reads the locations of documents from `first` to the database's last.
  void read_from(const Xapian::Database& db, Xapian::docid first);

  unsigned searches_ = 0;  // since the last forget()
  bool loaded_ = false;
  std::vector<uint32_t> file_of_;  // docid -> 1 + index in files_, 0 when absent
  std::vector<uint32_t> line_of_;  // docid -> line
  std::vector<std::string> files_;
  std::unordered_map<std::string, uint32_t> file_index_;  // file -> index in files_
};

}  // namespace fahras
