// HTML to lines of text (see html_text.h).
#include "html_text.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
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

struct Collector {
  HtmlText page;
  bool capped = true;  // at kMaxDocumentTextBytes of blocks in all
  size_t bytes = 0;    // of page.blocks
  std::string block;  // the block being read
  int hidden_depth = 0;
  bool in_title = false, in_h1 = false;

  void end_block() {
    std::string text = one_line(block);
    block.clear();
    if (text.empty()) return;
    if (in_h1 && page.first_h1.empty()) page.first_h1 = text;
    if (capped && bytes + text.size() + 1 > kMaxDocumentTextBytes) {
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
      if (c.block.size() > kMaxDocumentTextBytes) c.end_block();  // one block: bounded
    }
  }
};

// libxml2's HTML push parser feeding a Collector, a piece at a time.
class HtmlParser {
 public:
  explicit HtmlParser(Collector& collector) : parser_(nullptr, &htmlFreeParserCtxt) {
    std::memset(&sax_, 0, sizeof sax_);
    sax_.startElement = &Collector::start;
    sax_.endElement = &Collector::end;
    sax_.characters = &Collector::characters;
    sax_.cdataBlock = &Collector::characters;
    parser_.reset(
        htmlCreatePushParserCtxt(&sax_, &collector, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8));
    if (parser_)
      htmlCtxtUseOptions(parser_.get(), HTML_PARSE_IGNORE_ENC | HTML_PARSE_RECOVER |
                                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                            HTML_PARSE_NONET);
  }
  // Parses the next piece of `html`; false at its end (the document ended).
  bool feed(std::istream& html) {
    if (!parser_) return false;
    html.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    if (html.gcount() > 0) {
      htmlParseChunk(parser_.get(), chunk_.data(), static_cast<int>(html.gcount()), 0);
      return true;
    }
    htmlParseChunk(parser_.get(), nullptr, 0, 1);
    parser_.reset();
    return false;
  }

 private:
  htmlSAXHandler sax_;
  std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> parser_;
  std::array<char, 64 * 1024> chunk_;
};

// The lines of html_as_lines, made as they are read: the page is parsed a
// piece at a time and its finished blocks handed on, so a page of any size
// costs a piece and its blocks in flight. The title line needs the <title>,
// or without one the first <h1>: blocks wait for it, up to kMaxHeldBytes.
class HtmlLineBuffer : public std::streambuf {
 public:
  explicit HtmlLineBuffer(std::unique_ptr<std::istream> html)
      : html_(std::move(html)), parser_(collector_) {
    collector_.capped = false;
  }

 protected:
  int_type underflow() override {
    while (next_ >= out_.size()) {
      out_.clear();
      next_ = 0;
      if (done_) return traits_type::eof();
      bool more = parser_.feed(*html_);
      if (!more) {
        collector_.end_block();
        done_ = true;
      }
      hand_on(!more);
    }
    setg(out_.data() + next_, out_.data() + next_, out_.data() + out_.size());
    next_ = out_.size();
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr size_t kMaxHeldBytes = 1 << 20;

  // Moves the finished blocks to out_, once the title line is settled.
  void hand_on(bool at_end) {
    HtmlText& page = collector_.page;
    if (!title_settled_) {
      size_t held = 0;
      for (const std::string& b : page.blocks) held += b.size();
      bool title_done = !collector_.in_title && !one_line(page.title).empty();
      if (!title_done && page.first_h1.empty() && held < kMaxHeldBytes && !at_end) return;
      std::string title = one_line(page.title);
      if (title.empty() && !page.first_h1.empty() &&
          (page.blocks.empty() || page.blocks.front() != page.first_h1))
        title = page.first_h1;  // the first <h1> is the title, however late it comes
      if (!title.empty()) out_ += title + '\n';
      title_settled_ = true;
    }
    for (std::string& b : page.blocks) {
      out_ += b;
      out_ += '\n';
    }
    page.blocks.clear();
  }

  std::unique_ptr<std::istream> html_;
  Collector collector_;
  HtmlParser parser_;
  std::string out_;
  size_t next_ = 0;
  bool done_ = false, title_settled_ = false;
};

class HtmlLineStream : public std::istream {
 public:
  explicit HtmlLineStream(std::unique_ptr<std::istream> html)
      : std::istream(nullptr), buffer_(std::move(html)) {
    rdbuf(&buffer_);
  }

 private:
  HtmlLineBuffer buffer_;
};

}  // namespace

bool is_html_file_name(std::string_view name) {
  return (name.size() > 5 && name.ends_with(".html")) ||
         (name.size() > 4 && name.ends_with(".htm")) ||
         (name.size() > 6 && name.ends_with(".xhtml"));
}

HtmlText read_html(std::istream& html) {
  Collector collector;
  HtmlParser parser(collector);
  while (parser.feed(html)) {
  }
  collector.end_block();
  collector.page.title = one_line(collector.page.title);
  return std::move(collector.page);
}

std::unique_ptr<std::istream> html_line_stream(std::unique_ptr<std::istream> html) {
  return std::make_unique<HtmlLineStream>(std::move(html));
}

std::string html_as_lines(std::istream& html) {
  std::unique_ptr<std::istream> lines = html_line_stream(std::make_unique<std::istream>(html.rdbuf()));
  return std::string(std::istreambuf_iterator<char>(*lines), std::istreambuf_iterator<char>());
}

}  // namespace fahras
