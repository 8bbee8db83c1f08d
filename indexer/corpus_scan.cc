// Directory walk of the corpus (see corpus_scan.h).
#include "corpus_scan.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "file_state.h"
#include "document_formats.h"
#include "html_text.h"
#include "index_directory.h"
#include "markdown_text.h"

namespace fahras {
namespace fs = std::filesystem;
namespace {

struct Walker {
  CorpusScan& scan;
  const ScanOptions& options;
  const std::vector<fs::path>& real_roots;  // every root, links resolved
  fs::path root;
  uint64_t folder = 0;
  std::set<std::pair<dev_t, ino_t>> visited;
  std::set<std::string> ids;

  void skip(const fs::path& p, const std::string& reason) {
    scan.skipped.push_back({p.string(), reason});
  }
  std::string id_of(const fs::path& p) const { return p.lexically_relative(root).generic_string(); }
  // What exists at `p` but cannot be read keeps its stored articles.
  void unreadable(const fs::path& p, bool directory) {
    std::string id = p == root ? std::string() : id_of(p);
    scan.unreadable.push_back(directory && !id.empty() ? id + "/" : id);
  }

  // A link that leads outside every corpus root: skipped unless followed.
  bool leads_outside(const fs::path& p) {
    if (options.follow_links) return false;
    struct stat lst;
    if (::lstat(p.c_str(), &lst) != 0 || !S_ISLNK(lst.st_mode)) return false;
    std::error_code ec;
    fs::path target = fs::canonical(p, ec);
    if (ec) return false;  // broken: stat says so
    for (const fs::path& r : real_roots)
      if (path_within(target, r)) return false;
    skip(p, "symbolic link to " + target.string() +
                ", outside the corpus roots: not followed (--follow-links follows it)");
    return true;
  }

  void walk(const fs::path& dir) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) {
      unreadable(dir, true);
      return skip(dir, std::string("cannot stat directory: ") + std::strerror(errno));
    }
    if (!visited.insert({st.st_dev, st.st_ino}).second)
      return skip(dir, "directory already visited (symlink loop)");
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    std::vector<fs::path> entries;
    for (; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
    if (ec) {
      unreadable(dir, true);
      return skip(dir, "cannot read directory: " + ec.message() +
                           "; the articles indexed from it are kept");
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) visit(p);
  }

  void visit(const fs::path& p) {
    if (leads_outside(p)) return;
    struct stat st;
    if (::stat(p.c_str(), &st) != 0) {
      int error = errno;
      struct stat lst;
      bool link = ::lstat(p.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
      if (error == ELOOP) return skip(p, "symbolic link loop");
      if (link && error == ENOENT) return skip(p, "broken symbolic link");
      unreadable(p, false);
      return skip(p, std::string("cannot stat: ") + std::strerror(error));
    }
    if (S_ISDIR(st.st_mode)) return walk(p);
    if (!S_ISREG(st.st_mode) || !is_article_file_name(p.filename().string())) return;
    std::string id = id_of(p);
    if (!ids.insert(id).second) return skip(p, "same relative path as a file in another root");
    CorpusFile f;
    f.id = id;
    f.path = p;
    f.size = static_cast<uint64_t>(st.st_size);
    f.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    f.folder = folder;
    scan.files.push_back(std::move(f));
  }
};

}  // namespace

bool CorpusScan::may_hold(const std::string& id) const {
  for (const std::string& place : unreadable)
    if (place.empty() || id == place || (place.back() == '/' && id.rfind(place, 0) == 0))
      return true;
  return false;
}

CorpusScan scan_corpus(const std::vector<fs::path>& roots, const ScanOptions& options) {
  CorpusScan scan;
  std::vector<fs::path> real_roots;
  for (const fs::path& root : roots) {
    real_roots.push_back(resolved_path(root));
    scan.folders.push_back(real_roots.back().string());
    scan.folder_tags.push_back(folder_tag(scan.folders.back()));
  }
  std::set<std::string> ids;
  for (size_t k = 0; k < roots.size(); ++k) {
    const fs::path& root = roots[k];
    Walker w{scan, options, real_roots, root, scan.folder_tags[k], {}, std::move(ids)};
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
  return (name.size() > 4 && name.substr(name.size() - 4) == ".txt") ||
         is_markdown_file_name(name) || is_html_file_name(name) ||
         document_reader_for(name) != nullptr;
}

}  // namespace fahras
