// What an index directory may hold, and the rule that a Fahras program
// touches nothing else.
//
// An index is one directory: Xapian's own files (a glass database), or for a
// sharded index the file XAPIANDB listing its shard-NN databases (what
// Xapian calls a stub database file; shards.h) and those databases. A `--db` that
// names an existing directory holding anything else is not an index: it is
// refused before anything is written (IndexPathError). So is a `--db` that
// is, contains or lies inside a corpus root. Workspaces built beside an index
// (DB.creating, DB.compacting, DB.parts) are removed file by file, only
// Xapian's files, never as a whole tree; a foreign file found in one, or in
// the index itself, stays where it is and is reported.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace fahras {

// A database path a Fahras program must not write: the message names the
// path and why. Callers exit 2 (fahras-index) or refuse to start.
struct IndexPathError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Whether a directory entry of this name is one Xapian (or the shard layout)
// writes inside a database directory.
bool is_index_file_name(const std::string& name);

// The entries of an existing database directory that are not the index's
// (empty for a missing or empty directory, or an index holding only its own
// files); shard-NN databases are looked into, one level deep.
std::vector<std::filesystem::path> foreign_entries(const std::filesystem::path& database);

// Throws IndexPathError unless `database` may be written as an index: it
// does not exist, or is an empty directory, or is a Xapian database or a
// sharded index; and it neither is, contains nor lies inside any of
// `corpus_roots`. Changes nothing. Exported from libfahras: fahras-serve
// calls it there.
[[gnu::visibility("default")]] void check_index_path(
    const std::filesystem::path& database,
    const std::vector<std::filesystem::path>& corpus_roots = {});

// Removes a workspace directory the way it was made: Xapian's files in it
// (and in its part-N / shard-NN subdirectories), then the emptied
// directories. Anything else stays; returns what stayed (empty when the
// directory is gone). Never throws.
std::vector<std::filesystem::path> remove_index_files(const std::filesystem::path& directory);

// The path made absolute, with symbolic links resolved as far as it exists.
std::filesystem::path resolved_path(const std::filesystem::path& path);
// Whether `inner` is `outer` or lies under it (both resolved_path()s).
bool path_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

// "a, b and 3 more": a short list of paths for a message.
std::string name_some(const std::vector<std::filesystem::path>& paths);

}  // namespace fahras
