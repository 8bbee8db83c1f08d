// How a first build writes at Xapian's own speed, and still ends durable.
//
// A database the run creates holds nothing anyone could lose, so its writer
// skips fsync at every commit (Xapian::DB_NO_SYNC): a killed process still
// leaves its last commit (the files are in the page cache, written in
// Xapian's order), and the run makes every file durable once, at its end,
// before it reports success. An existing index keeps fsync at every commit.
// Xapian buffers postings until XAPIAN_FLUSH_THRESHOLD documents changed
// (default 10,000); kBulkFlushThreshold, measured on the Wikipedia
// collection, writes faster in a third less memory (25.9 s and 212 MB
// against 27.6 s and 325 MB). A user's own setting of the variable wins.
#pragma once

#include <filesystem>

namespace fahras {

inline constexpr const char* kBulkFlushThreshold = "2000";

// Sets XAPIAN_FLUSH_THRESHOLD to kBulkFlushThreshold unless it is set; call
// before opening writers (Xapian reads it then), with no other thread running.
void tune_flush_threshold();

// Xapian flags for a writer of `database`: DB_NO_SYNC when it does not exist yet.
int writer_flags(const std::filesystem::path& database);

// Creates an empty database at `database` when there is none, whole or not
// at all: Xapian creates a database's directory before its files, so a
// process killed meanwhile would leave a directory that no longer opens. It
// is built beside (DATABASE.creating, removed first if a crash left one),
// synced and renamed into place. Returns whether it created one: false too
// when nothing can be built beside it (a name too long to take the suffix),
// and the writer then creates it in place.
bool create_database_atomically(const std::filesystem::path& database);

// fsyncs every file of the database directory, then the directory itself.
// Throws std::runtime_error naming the file that could not be synced.
void sync_database_files(const std::filesystem::path& database);

}  // namespace fahras
