// Minimal UTF-8 helpers shared by the analysis chain.
//
// decode_utf8 never throws and never reads past the end: an invalid or
// truncated sequence consumes at least one byte and reports false, so callers
// that loop on it always make progress. Both per-character helpers are inline:
// the analysis chain calls them once per character of every passage.
#pragma once

#include <unicode/utf8.h>

#include <string>
#include <string_view>

namespace fahras {

// Decodes the code point at s[i], advancing i past it. Returns false (and
// sets c to U+FFFD) for an invalid sequence, after consuming its bytes.
inline bool decode_utf8(std::string_view s, size_t& i, char32_t& c) {
  unsigned char first = static_cast<unsigned char>(s[i]);
  if (first < 0x80) {
    ++i;
    c = first;
    return true;
  }
  int32_t index = static_cast<int32_t>(i);
  int32_t length = static_cast<int32_t>(s.size());
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), index, length, cp);
  i = static_cast<size_t>(index);
  if (cp < 0) {
    c = 0xFFFD;
    return false;
  }
  c = static_cast<char32_t>(cp);
  return true;
}

// The code point at s[i] when it is a two-byte character of U+0600..U+067F
// (lead byte D8 or D9, a continuation byte after it: the Arabic letters and
// harakat); 0 otherwise. The fast paths over Arabic text test this first.
inline char32_t arabic_two_byte_at(std::string_view s, size_t i) {
  unsigned char lead = static_cast<unsigned char>(s[i]);
  if ((lead != 0xD8 && lead != 0xD9) || i + 1 >= s.size()) return 0;
  unsigned char trail = static_cast<unsigned char>(s[i + 1]);
  if ((trail & 0xC0) != 0x80) return 0;
  return (static_cast<char32_t>(lead & 0x1F) << 6) | (trail & 0x3F);
}

inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    const char bytes[2] = {static_cast<char>(0xC0 | (c >> 6)),
                           static_cast<char>(0x80 | (c & 0x3F))};
    out.append(bytes, 2);
  } else if (c < 0x10000) {
    const char bytes[3] = {static_cast<char>(0xE0 | (c >> 12)),
                           static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (c & 0x3F))};
    out.append(bytes, 3);
  } else {
    const char bytes[4] = {
        static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
        static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    out.append(bytes, 4);
  }
}

// Whether every byte is ASCII: a word in Latin script (or digits) only.
inline bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// The longest prefix of at most max_bytes that ends at a character boundary.
inline std::string truncate_utf8(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

std::u32string to_utf32(std::string_view s);
// to_utf32(s) into `out`, replacing what it held (its capacity reused).
void to_utf32_into(std::string_view s, std::u32string& out);
std::string to_utf8(std::u32string_view s);

}  // namespace fahras
