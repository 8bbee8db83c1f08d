// Encoding of FileState: "v1 SIZE MTIME_NS HASH_HEX PASSAGES[ FOLDER_HEX]"
// (states written before folders were recorded have no folder).
#include "file_state.h"

#include <xxhash.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

namespace fahras {

std::string FileState::encode() const {
  char buffer[128];
  int n = std::snprintf(buffer, sizeof buffer, "v1 %" PRIu64 " %" PRId64 " %016" PRIx64 " %" PRIu32,
                        size, mtime_ns, content_hash, passages);
  if (folder != 0)
    std::snprintf(buffer + n, sizeof buffer - static_cast<size_t>(n), " %016" PRIx64, folder);
  return buffer;
}

std::optional<FileState> FileState::decode(std::string_view encoded) {
  FileState s;
  std::string text(encoded);
  int fields = std::sscanf(text.c_str(), "v1 %" SCNu64 " %" SCNd64 " %" SCNx64 " %" SCNu32 " %" SCNx64,
                           &s.size, &s.mtime_ns, &s.content_hash, &s.passages, &s.folder);
  if (fields < 4) return std::nullopt;
  if (fields == 4) s.folder = 0;
  return s;
}

uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

uint64_t folder_tag(std::string_view canonical_path) {
  uint64_t tag = XXH3_64bits(canonical_path.data(), canonical_path.size());
  return tag == 0 ? 1 : tag;
}

std::map<uint64_t, std::string> parse_folders(const std::string& text) {
  std::map<uint64_t, std::string> folders;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    uint64_t tag = std::strtoull(line.substr(0, space).c_str(), nullptr, 16);
    if (tag != 0) folders[tag] = line.substr(space + 1);
  }
  return folders;
}

std::string format_folders(const std::map<uint64_t, std::string>& folders) {
  std::string text;
  char tag[32];
  for (const auto& [t, path] : folders) {
    std::snprintf(tag, sizeof tag, "%016" PRIx64, t);
    text += std::string(tag) + " " + path + "\n";
  }
  return text;
}

}  // namespace fahras
