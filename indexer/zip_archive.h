// Reading the parts of a ZIP container (DOCX, ODT, EPUB) with libzip, each
// part streamed and bounded: a part's uncompressed bytes, and all parts'
// together, are capped whatever the archive claims, so a zip bomb costs a
// bounded time and no memory beyond a buffer.
#pragma once

#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace fahras {

// What one document may inflate to, all parts together.
inline constexpr uint64_t kMaxInflatedBytes = 256ull << 20;

class ZipArchive {
 public:
  // Throws DocumentError when the file is not a ZIP archive or cannot be read.
  explicit ZipArchive(const std::filesystem::path& file);

  // Whether the archive holds a part of this name.
  bool has(std::string_view name) const;

  // Streams the part's bytes to `take` in pieces. Throws DocumentError when
  // the part is missing or damaged, or when the archive's inflated bytes
  // exceed kMaxInflatedBytes ("expands beyond ...: a zip bomb?").
  void read(std::string_view name, const std::function<void(std::string_view)>& take);

  // The whole part, which must be at most `max_bytes` (throws otherwise).
  std::string read_small(std::string_view name, size_t max_bytes);

 private:
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive_;
  uint64_t inflated_ = 0;
};

}  // namespace fahras
