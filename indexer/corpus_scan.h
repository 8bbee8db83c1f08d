// Finds the article files under the corpus roots.
//
// Walks each root recursively, following symbolic links but never entering a
// directory twice (so link loops end), and lists regular *.txt files with
// their size and mtime. A file's id is its path relative to its root. What
// cannot be read is reported with a reason, never thrown.
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
};

struct SkippedFile {
  std::string path;
  std::string reason;
};

struct CorpusScan {
  std::vector<CorpusFile> files;  // sorted by id
  std::vector<SkippedFile> skipped;
};

CorpusScan scan_corpus(const std::vector<std::filesystem::path>& roots);

// Whether a file of this name is an article the scan lists: NAME.txt.
bool is_article_file_name(std::string_view name);

}  // namespace fahras
