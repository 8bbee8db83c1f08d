// Paragraph, heading and window detection (see passages.h).
#include "passages.h"

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

Article split_article(std::string_view content) {
  Article article;
  std::string heading;
  uint32_t line_number = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ++line_number;
    std::string_view line = content.substr(pos, end - pos);
    size_t line_offset = pos;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") {
      line.remove_prefix(3);
      line_offset += 3;
    }
    pos = end + 1;
    if (!has_word_char(line)) {
      if (end == content.size()) break;
      continue;
    }
    NormalizedText normalized = normalize_with_offsets(line);
    std::vector<Token> tokens = tokenize(normalized);
    bool is_title = article.title.empty();
    bool is_heading = !is_title && looks_like_heading(line, tokens.size());
    if (is_title) article.title = bounded_title(line);
    if (is_heading) heading = std::string(line);
    if (tokens.size() <= kMaxPassageWords) {
      Passage p{line_number, 0, std::string(line), line_offset, is_heading ? "" : heading,
                is_heading};
      article.passages.push_back(std::move(p));
    } else {
      for (size_t first = 0, window = 0; first < tokens.size();
           first += kMaxPassageWords, ++window) {
        size_t last = std::min(first + kMaxPassageWords, tokens.size()) - 1;
        size_t begin = first == 0 ? 0 : tokens[first].original_begin;
        size_t stop = last + 1 == tokens.size() ? line.size() : tokens[last + 1].original_begin;
        Passage p{line_number,
                  static_cast<uint32_t>(window),
                  std::string(line.substr(begin, stop - begin)),
                  line_offset + begin,
                  heading,
                  false};
        article.passages.push_back(std::move(p));
      }
    }
    if (end == content.size()) break;
  }
  return article;
}

}  // namespace fahras
