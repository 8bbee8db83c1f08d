// One streaming pass over a file's bytes, in constant memory: its content
// hash (the value content_hash() gives the whole, file_state.h), its size,
// whether it holds a NUL byte, and its invalid UTF-8 sequences. The indexer
// decides from it whether a file changed and whether it is text, before
// reading it again passage by passage (passages.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace fahras {

struct ContentCheck {
  uint64_t hash = 0;
  uint64_t bytes = 0;
  bool has_nul = false;
  uint64_t first_invalid = 0;  // offset of the first invalid UTF-8 sequence
  uint64_t invalid_count = 0;  // how many there are
};

// Nullopt, with the reason in `error`, when the file cannot be read.
std::optional<ContentCheck> check_content(const std::filesystem::path& path, std::string& error);

}  // namespace fahras
