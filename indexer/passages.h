// Splits an article into passages (design.md §3).
//
// A passage is a paragraph: one physical line with at least one word
// character. The first such line is the article's title; a short line that
// does not end like a sentence is a heading, and the passages below it know
// it. A paragraph longer than kMaxPassageWords becomes consecutive windows.
// Line numbers are 1-based physical lines; CRLF and a UTF-8 BOM are accepted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fahras {

inline constexpr size_t kMaxPassageWords = 160;

struct Passage {
  uint32_t line = 0;    // 1-based physical line
  uint32_t window = 0;  // 0 unless a long line was split
  std::string text;     // original text of the passage (no line end)
  size_t offset = 0;    // byte offset of text in the article
  std::string heading;  // the nearest heading above, or ""
  bool is_heading = false;
};

struct Article {
  std::string title;  // text of the first passage line
  std::vector<Passage> passages;
};

Article split_article(std::string_view content);

}  // namespace fahras
