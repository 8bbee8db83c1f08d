// The space-separated tokens of a normalized query text, as the readings
// that rewrite it before parsing see them (query_readings.h,
// quantity_readings.h): words with any brackets, quotes or signs attached.
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fahras {

inline std::vector<std::string> query_tokens(const std::string& text) {
  std::vector<std::string> tokens;
  std::istringstream in(text);
  for (std::string token; in >> token;) tokens.push_back(std::move(token));
  return tokens;
}

inline bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace fahras
