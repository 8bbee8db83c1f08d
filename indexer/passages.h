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
// Every passage stores its article's title: a first line longer than this
// (a file that is one long paragraph) is cut at a word boundary and ends in
// "…", so that its thousands of windows do not each store all of it.
inline constexpr size_t kMaxTitleBytes = 1024;

struct Passage {
  uint32_t line = 0;    // 1-based physical line
  uint32_t window = 0;  // 0 unless a long line was split
  std::string text;     // original text of the passage (no line end)
  size_t offset = 0;    // byte offset of text in the article
  std::string heading;  // the nearest heading above, or ""
  bool is_heading = false;
};

struct Article {
  std::string title;  // text of the first passage line, at most kMaxTitleBytes (bounded_title)
  std::vector<Passage> passages;
};

Article split_article(std::string_view content);

// The line as a title: itself, or when longer than kMaxTitleBytes its first
// words (cut at the last space in its second half, else at a character
// boundary) followed by "…", kMaxTitleBytes in all at most.
std::string bounded_title(std::string_view line);

}  // namespace fahras
