// Minimal UTF-8 helpers shared by the analysis chain.
//
// decode_utf8 never throws and never reads past the end: an invalid or
// truncated sequence consumes at least one byte and reports false, so callers
// that loop on it always make progress.
#pragma once

#include <string>
#include <string_view>

namespace fahras {

// Decodes the code point at s[i], advancing i past it. Returns false (and
// sets c to U+FFFD) for an invalid sequence, after consuming its bytes.
bool decode_utf8(std::string_view s, size_t& i, char32_t& c);

void append_utf8(std::string& out, char32_t c);

std::u32string to_utf32(std::string_view s);
std::string to_utf8(std::u32string_view s);

}  // namespace fahras
