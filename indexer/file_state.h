// What the index remembers about each file it indexed.
//
// Stored as metadata under schema::file_state_key(file) and committed with the
// file's passages, so the index and its state can never disagree.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace fahras {

struct FileState {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t content_hash = 0;  // XXH3-64 of the file's bytes
  uint32_t passages = 0;
  // folder_tag() of the corpus folder the file was indexed from; 0 for a
  // posted record, or a state written before folders were recorded.
  uint64_t folder = 0;

  std::string encode() const;
  static std::optional<FileState> decode(std::string_view encoded);
};

uint64_t content_hash(std::string_view bytes);

// A corpus folder's tag: XXH3-64 of its path with links resolved, never 0.
uint64_t folder_tag(std::string_view canonical_path);

// The folders an index records (schema::kMetaFolders), tag -> path, and
// back: a line each, the tag in hex, a space, the path.
std::map<uint64_t, std::string> parse_folders(const std::string& text);
std::string format_folders(const std::map<uint64_t, std::string>& folders);

}  // namespace fahras
