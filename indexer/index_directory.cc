// Index directory ownership (see index_directory.h).
#include "index_directory.h"

#include <algorithm>
#include <regex>
#include <set>

#include "shards.h"

namespace fahras {
namespace fs = std::filesystem;
namespace {

// Subdirectories an index or its workspaces hold: shards and build parts.
bool is_index_subdirectory_name(const std::string& name) {
  static const std::regex pattern(R"(shard-[0-9]{2,}|part-[0-9]+)");
  return std::regex_match(name, pattern);
}

std::vector<fs::path> sorted_entries(const fs::path& directory) {
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(it->path());
  std::sort(entries.begin(), entries.end());
  return entries;
}

bool is_real_directory(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(fs::symlink_status(p, ec));
}

}  // namespace

fs::path resolved_path(const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? fs::absolute(p).lexically_normal() : r;
}

bool path_within(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

bool is_index_file_name(const std::string& name) {
  static const std::set<std::string> names = {
      "iamglass",       "flintlock",      "v.tmp",          "new_stub.tmp",
      "docdata.glass",  "postlist.glass", "position.glass", "termlist.glass",
      "spelling.glass", "synonym.glass",  kStubFileName,    std::string(kStubFileName) + ".new"};
  return names.count(name) > 0;
}

std::vector<fs::path> foreign_entries(const fs::path& database) {
  std::vector<fs::path> foreign;
  for (const fs::path& entry : sorted_entries(database)) {
    std::string name = entry.filename().string();
    if (is_real_directory(entry) && is_index_subdirectory_name(name)) {
      for (const fs::path& inner : foreign_entries(entry)) foreign.push_back(inner);
    } else if (is_real_directory(entry) || !is_index_file_name(name)) {
      foreign.push_back(entry);
    }
  }
  return foreign;
}

std::string name_some(const std::vector<fs::path>& paths) {
  constexpr size_t kShown = 3;
  std::string out;
  for (size_t i = 0; i < paths.size() && i < kShown; ++i)
    out += (i ? ", " : "") + paths[i].string();
  if (paths.size() > kShown) out += " and " + std::to_string(paths.size() - kShown) + " more";
  return out;
}

void check_index_path(const fs::path& database, const std::vector<fs::path>& corpus_roots) {
  fs::path db = resolved_path(database);
  for (const fs::path& root : corpus_roots) {
    fs::path r = resolved_path(root);
    const char* relation = db == r              ? "is"
                           : path_within(db, r) ? "lies inside"
                           : path_within(r, db) ? "contains"
                                                : nullptr;
    if (relation)
      throw IndexPathError(database.string() + " " + relation + " the corpus root " +
                           root.string() +
                           ": nothing was written; keep the index outside every corpus root");
  }
  std::error_code ec;
  fs::file_status status = fs::status(database, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status))
      throw IndexPathError(database.string() +
                           " is a file, not an index directory: nothing was written");
    bool is_index =
        fs::exists(database / "iamglass", ec) || fs::exists(database / kStubFileName, ec);
    std::vector<fs::path> entries = sorted_entries(database);
    if (!is_index && !entries.empty())
      throw IndexPathError(database.string() +
                           " is a directory that is not a Fahras index (it holds " +
                           name_some(entries) +
                           "): nothing was written; give --db a new or empty directory, or an "
                           "existing index");
  }
}

std::vector<fs::path> remove_index_files(const fs::path& directory) {
  std::vector<fs::path> left;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(directory, ec))) return left;
  if (!is_real_directory(directory)) return {directory};
  for (const fs::path& entry : sorted_entries(directory)) {
    std::string name = entry.filename().string();
    if (is_real_directory(entry) && is_index_subdirectory_name(name)) {
      for (fs::path& inner : remove_index_files(entry)) left.push_back(std::move(inner));
    } else if (!is_real_directory(entry) && is_index_file_name(name)) {
      std::error_code ignored;
      if (!fs::remove(entry, ignored)) left.push_back(entry);
    } else {
      left.push_back(entry);
    }
  }
  std::error_code ignored;
  if (left.empty() && !fs::remove(directory, ignored)) left.push_back(directory);
  return left;
}

}  // namespace fahras
