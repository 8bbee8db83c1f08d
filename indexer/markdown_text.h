// Markdown read as the passage reader reads text (passages.h): each
// paragraph's and heading's text, without Markdown syntax, on the line of
// the source where the block starts, and every other line empty. Passages
// are then the document's blocks (list items' and quotes' paragraphs
// included), numbered by their source lines, so a hit shows FILE:LINE of the
// source; a heading is a heading, and the first block is the title. Code
// blocks, raw HTML and link targets are not text a reader sees: they are
// left out (an image keeps its description). Parsed by cmark (CommonMark).
#pragma once

#include <string>
#include <string_view>

namespace fahras {

// A Markdown file larger than this is read as plain text: cmark holds the
// whole document's tree at once.
inline constexpr size_t kMaxMarkdownBytes = 8 << 20;

// Whether a file of this name is Markdown: NAME.md or NAME.markdown.
bool is_markdown_file_name(std::string_view name);

// The document's blocks as lines (see above); `markdown` is UTF-8.
std::string markdown_as_lines(std::string_view markdown);

}  // namespace fahras
