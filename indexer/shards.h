// The layout of a sharded index.
//
// `fahras-index --shards N` writes a directory holding shard-00 ... shard-NN
// (each a Xapian database) and a Xapian stub file XAPIANDB listing them, so
// Xapian::Database(DIR) opens all shards as one, with global statistics.
// Each article (file or record id) lives in shard XXH3(id) mod N, with its
// state; the synonyms live in shard 0. A plain index is the case N == 1.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fahras {

inline constexpr const char* kStubFileName = "XAPIANDB";

// Shards of an existing index: 0 when there is none, 1 for a plain index.
size_t existing_shard_count(const std::filesystem::path& db);

// The databases to write for `count` shards (the index itself when count == 1).
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& db, size_t count);

// Writes the stub that makes the directory open as one database.
void write_shard_stub(const std::filesystem::path& db, size_t count);

size_t shard_of(const std::string& id, size_t count);

}  // namespace fahras
