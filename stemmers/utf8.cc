// Whole-string UTF-8 conversions (see utf8.h).
#include "utf8.h"

namespace fahras {

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
