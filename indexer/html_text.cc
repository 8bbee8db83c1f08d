// HTML to lines of text (see html_text.h).
#include "html_text.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <set>
#include <vector>

namespace fahras {
namespace {

// Elements whose contents no reader sees.
bool is_hidden(std::string_view name) {
  static const std::set<std::string_view> hidden = {"script", "style", "noscript", "template",
                                                    "head"};
  return hidden.count(name) > 0;
}

// Elements that end the block before them and begin a new one.
bool is_block(std::string_view name) {
  static const std::set<std::string_view> blocks = {
      "p",       "div",        "h1",         "h2",       "h3",      "h4",      "h5",
      "h6",      "li",         "dt",         "dd",       "td",      "th",      "tr",
      "caption", "figcaption", "blockquote", "pre",      "address", "article", "section",
      "aside",   "header",     "footer",     "nav",      "main",    "table",   "ul",
      "ol",      "dl",         "form",       "fieldset", "legend",  "br",      "hr",
      "body",    "html",       "title",      "figure",   "details", "summary"};
  return blocks.count(name) > 0;
}

// Text without the spaces around it, its line breaks and tabs as spaces.
std::string one_line(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\n\r");
  if (first == std::string::npos) return {};
  std::string out = text.substr(first, text.find_last_not_of(" \t\n\r") - first + 1);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

struct Collector {
  HtmlText page;
  size_t bytes = 0;   // of page.blocks
  std::string block;  // the block being read
  int hidden_depth = 0;
  bool in_title = false, in_h1 = false;

  void end_block() {
    std::string text = one_line(block);
    block.clear();
    if (text.empty()) return;
    if (in_h1 && page.first_h1.empty()) page.first_h1 = text;
    if (bytes + text.size() + 1 > kMaxDocumentTextBytes) {
      page.full = true;
      return;
    }
    bytes += text.size() + 1;
    page.blocks.push_back(std::move(text));
  }

  // An element opens (`opening`) or closes.
  void tag(const xmlChar* name_utf8, bool opening) {
    std::string_view name(reinterpret_cast<const char*>(name_utf8));
    if (name == "title") {
      in_title = opening;
    } else if (is_hidden(name)) {
      hidden_depth = opening ? hidden_depth + 1 : std::max(hidden_depth - 1, 0);
    } else {
      if (is_block(name)) end_block();
      if (name == "h1") in_h1 = opening;
    }
  }
  static void start(void* self, const xmlChar* name, const xmlChar**) {
    static_cast<Collector*>(self)->tag(name, true);
  }
  static void end(void* self, const xmlChar* name) {
    static_cast<Collector*>(self)->tag(name, false);
  }

  static void characters(void* self, const xmlChar* text, int length) {
    auto& c = *static_cast<Collector*>(self);
    std::string_view chunk(reinterpret_cast<const char*>(text), static_cast<size_t>(length));
    if (c.in_title) {
      if (c.page.title.size() < kMaxDocumentTextBytes) c.page.title += chunk;
    } else if (c.hidden_depth == 0 && !c.page.full) {
      c.block += chunk;
      if (c.block.size() > kMaxDocumentTextBytes) c.end_block();
    }
  }
};

}  // namespace

bool is_html_file_name(std::string_view name) {
  return (name.size() > 5 && name.ends_with(".html")) ||
         (name.size() > 4 && name.ends_with(".htm")) ||
         (name.size() > 6 && name.ends_with(".xhtml"));
}

HtmlText read_html(std::istream& html) {
  Collector collector;
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = &Collector::start;
  sax.endElement = &Collector::end;
  sax.characters = &Collector::characters;
  sax.cdataBlock = &Collector::characters;
  std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> parser(
      htmlCreatePushParserCtxt(&sax, &collector, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8),
      &htmlFreeParserCtxt);
  if (!parser) return {};
  htmlCtxtUseOptions(parser.get(), HTML_PARSE_IGNORE_ENC | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                       HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  std::array<char, 64 * 1024> chunk;
  while (html.read(chunk.data(), chunk.size()) || html.gcount() > 0) {
    htmlParseChunk(parser.get(), chunk.data(), static_cast<int>(html.gcount()), 0);
    if (html.eof()) break;
  }
  htmlParseChunk(parser.get(), nullptr, 0, 1);
  collector.end_block();
  collector.page.title = one_line(collector.page.title);
  return std::move(collector.page);
}

std::string html_as_lines(std::istream& html) {
  HtmlText page = read_html(html);
  std::string out;
  if (!page.title.empty()) {
    out += page.title + '\n';
  } else if (!page.first_h1.empty() && !page.blocks.empty() && page.blocks.front() != page.first_h1) {
    out += page.first_h1 + '\n';  // the first <h1> is the title, however late it comes
  }
  for (std::string& b : page.blocks) {
    out += b;
    out += '\n';
    std::string().swap(b);
  }
  return out;
}

}  // namespace fahras
