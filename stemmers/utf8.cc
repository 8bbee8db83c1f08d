// UTF-8 helpers built on ICU's utf8.h macros.
#include "utf8.h"

#include <unicode/utf8.h>

namespace fahras {

bool decode_utf8(std::string_view s, size_t& i, char32_t& c) {
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

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::u32string to_utf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  char32_t c;
  for (size_t i = 0; i < s.size();) {
    decode_utf8(s, i, c);
    out.push_back(c);
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

}  // namespace fahras
