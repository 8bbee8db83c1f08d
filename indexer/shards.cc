// Sharded index layout (see shards.h).
#include "shards.h"

#include <xxhash.h>

#include <cstdio>
#include <fstream>

namespace fahras {
namespace fs = std::filesystem;

namespace {
std::string shard_name(size_t i) {
  char name[32];
  std::snprintf(name, sizeof name, "shard-%02zu", i);
  return name;
}
}  // namespace

size_t existing_shard_count(const fs::path& db) {
  if (!fs::exists(db)) return 0;
  std::ifstream stub(db / kStubFileName);
  if (!stub) return 1;
  size_t count = 0;
  for (std::string line; std::getline(stub, line);)
    if (line.rfind("auto shard-", 0) == 0) ++count;
  return count;
}

std::vector<fs::path> shard_paths(const fs::path& db, size_t count) {
  if (count <= 1) return {db};
  std::vector<fs::path> paths;
  for (size_t i = 0; i < count; ++i) paths.push_back(db / shard_name(i));
  return paths;
}

void write_shard_stub(const fs::path& db, size_t count) {
  fs::create_directories(db);
  fs::path temporary = db / (std::string(kStubFileName) + ".new");
  {
    std::ofstream out(temporary);
    for (size_t i = 0; i < count; ++i) out << "auto " << shard_name(i) << "\n";
    if (!out) throw std::runtime_error(temporary.string() + ": cannot write");
  }
  fs::rename(temporary, db / kStubFileName);  // atomic: readers see the old or the new stub
}

size_t shard_of(const std::string& id, size_t count) {
  return count <= 1 ? 0 : static_cast<size_t>(XXH3_64bits(id.data(), id.size()) % count);
}

}  // namespace fahras
