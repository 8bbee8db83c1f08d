// Spelling tables shared by the suggesters of a process, read off their threads.
//
// Each of fahras-serve's request threads has a searcher of its own, and each
// searcher's suggester would read the index's every word into a table of its
// own (~0.2 s and ~30 MB on the Wikipedia collection): eight threads paid it
// eight times over, in the requests that happened to ask, while the others
// waited for a core. Here one table per database is read once, by a
// background thread with a handle of its own, and every suggester of that
// database takes it (spelling_suggester.h says when a table may be taken).
//
// Contract: find() never waits for a table to be read. The object lives for
// the process (shared_spelling_tables()); its destructor waits for the
// reading in progress.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "spelling_suggester.h"

namespace fahras {

struct SharedTable {
  std::shared_ptr<const SpellingTable> table;  // set: take it
  bool building = false;  // no table yet, one is being read: look words up meanwhile
  // Neither: no table can be shared for this database (it could not be read
  // as asked); the suggester reads its own.
};

class SharedSpellingTables {
 public:
  SharedSpellingTables();
  ~SharedSpellingTables();
  SharedSpellingTables(const SharedSpellingTables&) = delete;
  SharedSpellingTables& operator=(const SharedSpellingTables&) = delete;

  // A table of the database at `path` with this uuid, read at a revision
  // from `since` to `now`. When the last one read is older (or of another
  // uuid), a new one is read in the background.
  SharedTable find(const std::string& path, const std::string& uuid, Xapian::rev since,
                   Xapian::rev now);

 private:
  struct Database {
    std::thread reader;  // joinable while or after reading
    bool reading = false;
    // The table last read: held until a suggester takes it, then only
    // while suggesters hold it.
    std::shared_ptr<const SpellingTable> unclaimed;
    std::weak_ptr<const SpellingTable> claimed;
    std::string unreadable_uuid;  // a uuid the path no longer held, or could not be read
  };
  void start_reading(Database& database, const std::string& path, const std::string& uuid);

  std::mutex mutex_;
  std::map<std::string, Database> databases_;  // by path
};

SharedSpellingTables& shared_spelling_tables();

}  // namespace fahras
