// One handle per shard (see shard_handles.h).
#include "shard_handles.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "searcher.h"
#include "shards.h"

namespace fahras {
namespace fs = std::filesystem;

namespace {

// The databases the lines of a Xapian stub database file name (one handle
// each), or none when a line is of a kind not read here: the caller then
// opens the file as Xapian does, as one database.
std::vector<Xapian::Database> open_stub_lines(const fs::path& stub) {
  std::vector<Xapian::Database> shards;
  std::ifstream in(stub);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string kind, first, second;
    words >> kind >> first >> second;
    if (kind.empty() || kind[0] == '#') continue;
    if (kind == "auto" || kind == "glass" || kind == "chert") {
      fs::path path = fs::path(first).is_absolute() ? fs::path(first) : stub.parent_path() / first;
      shards.push_back(Xapian::Database(path.string()));
    } else if (kind == "remote" && second.empty() && first.find(':') != std::string::npos) {
      shards.push_back(open_database(first.front() == ':' ? "localhost" + first : first));
    } else {
      return {};
    }
  }
  return shards;
}

}  // namespace

std::vector<Xapian::Database> open_each_shard(const std::string& spec) {
  fs::path path(spec);
  fs::path stub = fs::is_directory(path) ? path / kStubFileName : path;
  if (fs::is_regular_file(stub))
    if (std::vector<Xapian::Database> shards = open_stub_lines(stub); !shards.empty())
      return shards;
  return {open_database(spec)};
}

}  // namespace fahras
