// Encoding of FileState: "v1 SIZE MTIME_NS HASH_HEX PASSAGES".
#include "file_state.h"

#include <xxhash.h>

#include <cinttypes>
#include <cstdio>

namespace fahras {

std::string FileState::encode() const {
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "v1 %" PRIu64 " %" PRId64 " %016" PRIx64 " %" PRIu32, size,
                mtime_ns, content_hash, passages);
  return buffer;
}

std::optional<FileState> FileState::decode(std::string_view encoded) {
  FileState s;
  std::string text(encoded);
  if (std::sscanf(text.c_str(), "v1 %" SCNu64 " %" SCNd64 " %" SCNx64 " %" SCNu32, &s.size,
                  &s.mtime_ns, &s.content_hash, &s.passages) != 4)
    return std::nullopt;
  return s;
}

uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

}  // namespace fahras
