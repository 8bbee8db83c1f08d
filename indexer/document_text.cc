// Document text helpers (see document_text.h).
#include "document_text.h"

#include <algorithm>
#include <cctype>

namespace fahras {

bool has_extension(std::string_view name, std::string_view extension) {
  if (name.size() <= extension.size()) return false;
  std::string_view end = name.substr(name.size() - extension.size());
  return std::equal(end.begin(), end.end(), extension.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

std::string one_line(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\n\r");
  if (first == std::string_view::npos) return {};
  std::string out(text.substr(first, text.find_last_not_of(" \t\n\r") - first + 1));
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

bool append_paragraph(DocumentText& text, std::string_view paragraph) {
  size_t begin = paragraph.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return true;
  size_t end = paragraph.find_last_not_of(" \t\r\n");
  paragraph = paragraph.substr(begin, end - begin + 1);
  if (text.lines.size() + paragraph.size() + 1 > kMaxDocumentTextBytes) return false;
  for (char c : paragraph) text.lines.push_back(c == '\n' || c == '\r' ? ' ' : c);
  text.lines.push_back('\n');
  ++text.line_total;
  return true;
}

uint32_t line_count(const DocumentText& text) {
  return text.line_total;
}

std::string place_of_line(const std::vector<TextSection>& sections, uint32_t line) {
  auto after = std::upper_bound(
      sections.begin(), sections.end(), line,
      [](uint32_t l, const TextSection& s) { return l < s.first_line; });
  if (after == sections.begin()) return {};
  const TextSection& section = *std::prev(after);
  return section.label + ":" + std::to_string(line - section.first_line + 1);
}

}  // namespace fahras
