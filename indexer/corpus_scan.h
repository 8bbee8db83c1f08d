// Finds the article files under the corpus roots.
//
// Walks each root recursively, never entering a directory twice (so link
// loops end), and lists regular text, Markdown and HTML files with their
// size and mtime. A
// file's id is its path relative to its root. Symbolic links are followed
// while they stay inside some corpus root; one that leads outside every root
// is skipped and named, unless follow_links says otherwise. What cannot be
// read is reported with a reason, never thrown, and its place is remembered
// (unreadable): the articles indexed from there are kept, not removed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fahras {

struct CorpusFile {
  std::string id;              // path relative to its corpus root
  std::filesystem::path path;  // path to open
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t folder = 0;  // folder_tag() of its corpus root (file_state.h)
};

struct SkippedFile {
  std::string path;
  std::string reason;
};

struct CorpusScan {
  std::vector<CorpusFile> files;  // sorted by id
  // The roots' paths with links resolved, in the order given, and their tags.
  std::vector<std::string> folders;
  std::vector<uint64_t> folder_tags;
  std::vector<SkippedFile> skipped;
  // Ids (a file's) and id prefixes ending in '/' (a directory's; "" for a
  // whole root) of what exists but could not be read now: stored articles
  // there are not known to be gone.
  std::vector<std::string> unreadable;

  // Whether an article of this id may still exist where the scan could not look.
  bool may_hold(const std::string& id) const;
};

struct ScanOptions {
  bool follow_links = false;  // follow links that lead outside every root too
};

CorpusScan scan_corpus(const std::vector<std::filesystem::path>& roots,
                       const ScanOptions& options = {});

// Whether a file of this name is an article the scan lists: NAME.txt,
// Markdown (NAME.md, NAME.markdown), HTML (NAME.html, NAME.htm, NAME.xhtml),
// or a document (NAME.pdf, NAME.docx, NAME.odt, NAME.epub: document_formats.h).
bool is_article_file_name(std::string_view name);

}  // namespace fahras
