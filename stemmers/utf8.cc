// Whole-string UTF-8 conversions (see utf8.h).
#include "utf8.h"

namespace fahras {

std::u32string to_utf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  to_utf32_into(s, out);
  return out;
}

void to_utf32_into(std::string_view s, std::u32string& out) {
  out.clear();
  char32_t c;
  for (size_t i = 0; i < s.size();) {
    decode_utf8(s, i, c);
    out.push_back(c);
  }
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

}  // namespace fahras
