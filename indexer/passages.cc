// Paragraph, heading and window detection (see passages.h).
#include "passages.h"

#include <sstream>
#include <stdexcept>

#include "normalizer.h"
#include "tokenizer.h"
#include "utf8.h"

namespace fahras {
namespace {

constexpr size_t kMaxHeadingWords = 12;

bool has_word_char(std::string_view line) {
  char32_t c;
  for (size_t i = 0; i < line.size();) {
    if (decode_utf8(line, i, c) && is_word_char(c)) return true;
  }
  return false;
}

// A heading is short and does not end like a sentence.
bool looks_like_heading(std::string_view line, size_t words) {
  if (words == 0 || words > kMaxHeadingWords) return false;
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  for (std::string_view end : {".", ":", "!", "?", "؟", "،", "…", "\"", "»"})
    if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return false;
  return true;
}

}  // namespace

std::string bounded_title(std::string_view line) {
  if (line.size() <= kMaxTitleBytes) return std::string(line);
  static const std::string kEllipsis = "…";
  std::string cut = truncate_utf8(std::string(line.substr(0, kMaxTitleBytes + 4)),
                                  kMaxTitleBytes - kEllipsis.size());
  size_t space = cut.rfind(' ');
  if (space != std::string::npos && space >= cut.size() / 2) cut.resize(space);
  return cut + kEllipsis;
}

PassageReader::PassageReader(std::unique_ptr<std::istream> in) : in_(std::move(in)) {}

PassageReader::~PassageReader() = default;

bool PassageReader::next_piece(std::string& piece, bool& ends_line) {
  for (;;) {
    size_t available = buffer_.size() - taken_;
    size_t newline = buffer_.find('\n', taken_);
    size_t length = 0;
    if (newline != std::string::npos && newline - taken_ < kMaxLinePieceBytes) {
      length = newline - taken_;
      ends_line = true;
    } else if (available >= kMaxLinePieceBytes) {
      // A long line: cut after its last space or tab in reach, else at a
      // character boundary (a giant word).
      std::string_view reach(buffer_.data() + taken_, kMaxLinePieceBytes);
      size_t space = reach.find_last_of(" \t");
      if (space != std::string_view::npos && space > 0) {
        length = space + 1;
      } else {
        length = kMaxLinePieceBytes;
        while (length > 1 && (static_cast<unsigned char>(buffer_[taken_ + length]) & 0xC0) == 0x80)
          --length;
      }
      ends_line = false;
    } else if (eof_) {
      if (available == 0) return false;
      length = available;
      ends_line = true;
    } else {
      buffer_.erase(0, taken_);
      taken_ = 0;
      size_t held = buffer_.size();
      buffer_.resize(held + kMaxLinePieceBytes);
      in_->read(buffer_.data() + held, static_cast<std::streamsize>(kMaxLinePieceBytes));
      buffer_.resize(held + static_cast<size_t>(in_->gcount()));
      if (in_->bad()) throw std::runtime_error("read error");
      if (!*in_) eof_ = true;
      continue;
    }
    piece.assign(buffer_, taken_, length);
    bool newline_taken = ends_line && taken_ + length < buffer_.size();
    taken_ += length + (newline_taken ? 1 : 0);
    return true;
  }
}

void PassageReader::emit(size_t begin, size_t stop) {
  ready_.push_back({line_number_, window_++, pending_.substr(begin, stop - begin),
                    pending_offset_ + begin, heading_, false});
}

void PassageReader::split_pending(bool line_ended) {
  const bool whole_line = line_ended && window_ == 0;
  if (whole_line && !has_word_char(pending_)) return;
  std::vector<Token> tokens = tokenize(normalize_with_offsets(pending_));
  if (whole_line) {  // the whole line is here: the rules of design.md §3
    std::string_view line = pending_;
    bool is_title = title_.empty();
    bool is_heading = !is_title && looks_like_heading(line, tokens.size());
    if (is_title) {
      title_ = bounded_title(line);
      title_line_ = line_number_;
    }
    if (is_heading) heading_ = std::string(line);
    if (tokens.size() <= kMaxPassageWords) {
      ready_.push_back({line_number_, 0, pending_, pending_offset_, is_heading ? "" : heading_,
                        is_heading});
      return;
    }
  } else if (window_ == 0 && title_.empty() && !tokens.empty()) {
    title_ = bounded_title(pending_);  // a first line longer than a piece
    title_line_ = line_number_;
  }
  size_t first = 0;
  if (line_ended) {
    for (; first < tokens.size(); first += kMaxPassageWords) {
      size_t last = std::min(first + kMaxPassageWords, tokens.size()) - 1;
      size_t begin = window_ == 0 ? 0 : tokens[first].original_begin;
      size_t stop = last + 1 == tokens.size() ? pending_.size() : tokens[last + 1].original_begin;
      emit(begin, stop);
    }
    return;
  }
  // The line goes on: only windows whose end the next word already shows.
  for (; tokens.size() - first > kMaxPassageWords; first += kMaxPassageWords)
    emit(window_ == 0 ? 0 : tokens[first].original_begin,
         tokens[first + kMaxPassageWords].original_begin);
  if (first > 0) {
    size_t from = tokens[first].original_begin;
    pending_.erase(0, from);
    pending_offset_ += from;
  } else if (pending_.size() > 2 * kMaxLinePieceBytes) {
    // Fewer than kMaxPassageWords words in all this (a giant word): one window.
    if (!tokens.empty()) emit(0, pending_.size());
    pending_offset_ += pending_.size();
    pending_.clear();
  }
}

bool PassageReader::read(size_t count, std::vector<Passage>& out, size_t max_bytes) {
  // One passage more than asked, when there is one: finished() is then true
  // as soon as the last passage has been handed out.
  while (ready_.size() <= count && !finished_) {
    uint64_t piece_offset = position_;
    std::string piece;
    bool ends_line = false;
    if (!next_piece(piece, ends_line)) {
      finished_ = true;
      break;
    }
    position_ += piece.size() + (ends_line ? 1 : 0);
    if (!line_started_) {
      ++line_number_;
      line_started_ = true;
      pending_.clear();
      pending_offset_ = piece_offset;
      window_ = 0;
      if (line_number_ == 1 && piece.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        piece.erase(0, 3);
        pending_offset_ += 3;
      }
    }
    if (ends_line && !piece.empty() && piece.back() == '\r') piece.pop_back();
    pending_ += piece;
    if (ends_line) {
      split_pending(true);
      pending_.clear();
      line_started_ = false;
    } else if (pending_.size() >= kMaxLinePieceBytes) {
      split_pending(false);
    }
  }
  size_t n = 0, bytes = 0;
  for (; n < count && !ready_.empty() && bytes < max_bytes; ++n) {
    bytes += ready_.front().text.size();
    out.push_back(std::move(ready_.front()));
    ready_.pop_front();
  }
  return n > 0;
}

Article split_article(std::string_view content) {
  PassageReader reader(std::make_unique<std::istringstream>(std::string(content)));
  Article article;
  while (reader.read(1024, article.passages)) {
  }
  article.title = reader.title();
  article.title_line = reader.title_line();
  return article;
}

}  // namespace fahras
