// Directory walk of the corpus (see corpus_scan.h).
#include "corpus_scan.h"

#include <sys/stat.h>

#include <algorithm>
#include <set>

namespace fahras {
namespace fs = std::filesystem;
namespace {

struct Walker {
  CorpusScan& scan;
  fs::path root;
  std::set<std::pair<dev_t, ino_t>> visited;
  std::set<std::string> ids;

  void skip(const fs::path& p, const std::string& reason) {
    scan.skipped.push_back({p.string(), reason});
  }

  void walk(const fs::path& dir) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) return skip(dir, "cannot stat directory");
    if (!visited.insert({st.st_dev, st.st_ino}).second)
      return skip(dir, "directory already visited (symlink loop)");
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) return skip(dir, "cannot read directory: " + ec.message());
    std::vector<fs::path> entries;
    for (; it != end; it.increment(ec)) {
      if (ec) return skip(dir, "cannot read directory: " + ec.message());
      entries.push_back(it->path());
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) visit(p);
  }

  void visit(const fs::path& p) {
    struct stat st;
    if (::stat(p.c_str(), &st) != 0) {
      struct stat lst;
      if (::lstat(p.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
        return skip(p, "broken symbolic link");
      return skip(p, "cannot stat");
    }
    if (S_ISDIR(st.st_mode)) return walk(p);
    if (!S_ISREG(st.st_mode) || !is_article_file_name(p.filename().string())) return;
    std::string id = p.lexically_relative(root).generic_string();
    if (!ids.insert(id).second) return skip(p, "same relative path as a file in another root");
    CorpusFile f;
    f.id = id;
    f.path = p;
    f.size = static_cast<uint64_t>(st.st_size);
    f.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    scan.files.push_back(std::move(f));
  }
};

}  // namespace

CorpusScan scan_corpus(const std::vector<fs::path>& roots) {
  CorpusScan scan;
  std::set<std::string> ids;
  for (const fs::path& root : roots) {
    Walker w{scan, root, {}, std::move(ids)};
    struct stat st;
    if (::stat(root.c_str(), &st) != 0) {
      w.skip(root, "corpus root does not exist");
    } else if (S_ISDIR(st.st_mode)) {
      w.walk(root);
    } else {
      w.root = root.parent_path();
      w.visit(root);
    }
    ids = std::move(w.ids);
  }
  std::sort(scan.files.begin(), scan.files.end(),
            [](const CorpusFile& a, const CorpusFile& b) { return a.id < b.id; });
  return scan;
}

bool is_article_file_name(std::string_view name) {
  return name.size() > 4 && name.substr(name.size() - 4) == ".txt";
}

}  // namespace fahras
