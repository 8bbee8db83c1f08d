// HTML read as the passage reader reads text (passages.h): the document's
// title on line 1, then each block a reader sees (paragraph, heading, list
// item, table cell, ...) on a line of its own, so a hit's line is the
// block's number. The title is the <title> when the page has one before its
// first <h1> or its first MB of text, else its first <h1>. Never the
// contents of script, style, noscript or template, nor comments or
// attribute values; entities decoded; inline tags join words as they are
// shown (<b>ال</b>صين is الصين). Parsed by libxml2's HTML push parser a block
// of input at a time; the text kept is what a reader sees, never the markup.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document_text.h"

namespace fahras {

// Whether a file of this name is HTML: NAME.html, NAME.htm, NAME.xhtml.
bool is_html_file_name(std::string_view name);

// What a page holds for a reader: its <title>, its first <h1>, and its
// blocks' text in order, at most kMaxDocumentTextBytes of it (`full` when
// more was left out). `html` is read as UTF-8.
struct HtmlText {
  std::string title, first_h1;
  std::vector<std::string> blocks;
  bool full = false;
};
HtmlText read_html(std::istream& html);

// The lines of html_as_lines read as the page is parsed, a piece at a time:
// memory does not grow with the page (for the indexer).
std::unique_ptr<std::istream> html_line_stream(std::unique_ptr<std::istream> html);

// The document's text as lines (see above); `html` is read as UTF-8, whatever
// its <meta charset> says (the indexer has already decoded it).
std::string html_as_lines(std::istream& html);

}  // namespace fahras
