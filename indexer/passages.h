// Splits an article into passages (design.md §3).
//
// A passage is a paragraph: one physical line with at least one word
// character. The first such line is the article's title; a short line that
// does not end like a sentence is a heading, and the passages below it know
// it. A paragraph longer than kMaxPassageWords becomes consecutive windows.
// Line numbers are 1-based physical lines; CRLF and a UTF-8 BOM are accepted.
// Articles are read as streams (PassageReader): a file of any size, or a line
// of any length, costs memory bounded by a constant.
#pragma once

#include <cstdint>
#include <deque>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document_text.h"

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
  uint32_t title_line = 0;  // that line's number (0: no passage yet)
  // Where the document's pages or chapters start, for a document read from
  // a paged or chaptered format (document_text.h); null for text.
  const std::vector<TextSection>* sections = nullptr;
  bool reversed_lam_alef = false;  // DocumentText::reversed_lam_alef
  std::vector<Passage> passages;
};

// Reads an article's passages from a stream, a bounded piece at a time: its
// memory is bounded by kMaxLinePieceBytes and the passages asked for, never
// by the size of the article or of one of its lines. A line longer than
// kMaxLinePieceBytes is read in pieces cut at spaces, and its windows are
// those split_article makes of the whole line; a run of more than twice that
// without kMaxPassageWords words (one giant word) becomes a window as it is.
class PassageReader {
 public:
  explicit PassageReader(std::unique_ptr<std::istream> in);
  ~PassageReader();
  PassageReader(const PassageReader&) = delete;
  PassageReader& operator=(const PassageReader&) = delete;

  // Appends up to `count` further passages to `out`, fewer once their text
  // reaches max_bytes (at least one); false once none remain. Throws
  // std::runtime_error when the stream cannot be read.
  bool read(size_t count, std::vector<Passage>& out, size_t max_bytes = SIZE_MAX);
  bool finished() const { return finished_ && ready_.empty(); }
  // The article's title: set by the first passage read.
  const std::string& title() const { return title_; }
  uint32_t title_line() const { return title_line_; }

 private:
  // Reads the next piece of a line; false at the end of the stream.
  bool next_piece(std::string& piece, bool& ends_line);
  // Splits what is pending of the current line into windows, all of it when
  // the line has ended, else those it can be sure of.
  void split_pending(bool line_ended);
  // Makes pending_[begin, stop) the current line's next window.
  void emit(size_t begin, size_t stop);

  std::unique_ptr<std::istream> in_;
  std::string buffer_;  // read from in_, not yet taken
  size_t taken_ = 0;    // of buffer_
  bool eof_ = false;
  bool finished_ = false;
  std::deque<Passage> ready_;
  std::string title_, heading_;
  uint32_t title_line_ = 0;
  uint32_t line_number_ = 0;
  uint64_t position_ = 0;  // bytes of the article before the next piece
  // The current line from its first window not yet made.
  std::string pending_;
  uint64_t pending_offset_ = 0;
  uint32_t window_ = 0;  // windows made of the current line
  bool line_started_ = false;
};

inline constexpr size_t kMaxLinePieceBytes = 64 * 1024;

// The whole article at once (PassageReader over `content`).
Article split_article(std::string_view content);

// The line as a title: itself, or when longer than kMaxTitleBytes its first
// words (cut at the last space in its second half, else at a character
// boundary) followed by "…", kMaxTitleBytes in all at most.
std::string bounded_title(std::string_view line);

}  // namespace fahras
