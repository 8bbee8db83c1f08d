// The streaming pass over a file's bytes (see content_check.h).
#include "content_check.h"

#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <string_view>
#include <vector>

#include "utf8.h"

namespace fahras {
namespace {

constexpr size_t kBlockBytes = 64 * 1024;

// Bytes at the end of `s` that begin a UTF-8 sequence the next block ends.
size_t incomplete_tail(std::string_view s) {
  for (size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    unsigned char c = static_cast<unsigned char>(s[s.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

}  // namespace

std::optional<ContentCheck> check_content(const std::filesystem::path& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open: " + std::string(std::strerror(errno));
    return std::nullopt;
  }
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                 &XXH3_freeState);
  XXH3_64bits_reset(state.get());
  ContentCheck check;
  std::vector<char> block(kBlockBytes + 3);
  size_t carried = 0;  // bytes of an unfinished sequence at block's start
  for (;;) {
    in.read(block.data() + carried, static_cast<std::streamsize>(kBlockBytes));
    size_t got = static_cast<size_t>(in.gcount());
    if (in.bad()) {
      error = "read error";
      return std::nullopt;
    }
    XXH3_64bits_update(state.get(), block.data() + carried, got);
    if (std::memchr(block.data() + carried, '\0', got)) check.has_nul = true;
    bool last = got < kBlockBytes;
    std::string_view text(block.data(), carried + got);
    size_t keep = last ? 0 : incomplete_tail(text);
    std::string_view whole = text.substr(0, text.size() - keep);
    uint64_t start = check.bytes - carried;  // offset of text[0] in the file
    char32_t c;
    for (size_t i = 0; i < whole.size();) {
      size_t here = i;
      if (!decode_utf8(whole, i, c) && check.invalid_count++ == 0)
        check.first_invalid = start + here;
    }
    check.bytes += got;
    std::memmove(block.data(), block.data() + whole.size(), keep);
    carried = keep;
    if (last) break;
  }
  check.hash = XXH3_64bits_digest(state.get());
  return check;
}

}  // namespace fahras
