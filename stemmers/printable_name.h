// File names and ids made safe to print, and recoverable from what is printed.
//
// A name may hold any byte but '/' and NUL: an escape sequence that would
// recolour or move a terminal's cursor, a newline that forges a FILE:LINE
// line, bytes that are not UTF-8. printable_name() shows a name as text that
// names it exactly: control characters (C0, DEL, C1), invalid UTF-8 bytes
// and the backslash are written \xNN (\\ for the backslash); every other
// character is itself. An ordinary name is unchanged. Header-only: the
// command-line formatters and the indexer's report both use it.
#pragma once

#include <string>
#include <string_view>

#include "utf8.h"

namespace fahras {
namespace printable_name_detail {

inline bool escaped(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\\';
}

inline void append_hex(std::string& out, unsigned char byte) {
  static const char* digits = "0123456789abcdef";
  out += "\\x";
  out += digits[byte >> 4];
  out += digits[byte & 0xF];
}

}  // namespace printable_name_detail

inline std::string printable_name(std::string_view name) {
  using namespace printable_name_detail;
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    size_t start = i;
    char32_t c;
    bool valid = decode_utf8(name, i, c);
    if (valid && c == '\\') {
      out += "\\\\";
    } else if (!valid || escaped(c)) {
      for (size_t b = start; b < i; ++b) append_hex(out, static_cast<unsigned char>(name[b]));
    } else {
      out.append(name.substr(start, i - start));
    }
  }
  return out;
}

inline bool is_plain_name(std::string_view name) {
  using printable_name_detail::escaped;
  for (size_t i = 0; i < name.size();) {
    char32_t c;
    if (!decode_utf8(name, i, c) || escaped(c)) return false;
  }
  return true;
}

}  // namespace fahras
