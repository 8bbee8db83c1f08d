// DOCX and ODT text (see office_text.h).
#include "office_text.h"

#include <algorithm>
#include <vector>

#include "xml_events.h"
#include "zip_archive.h"

namespace fahras {
namespace {

constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kOdfTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kOdfOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr size_t kMaxMetadataBytes = 1 << 20;

// Paragraphs read from a document part: a stack, since a paragraph may hold
// another (a footnote's, a text box's), which is emitted as its own line.
class ParagraphSink {
 public:
  explicit ParagraphSink(DocumentText& text) : text_(text) {}

  void open() { open_.emplace_back(); }
  void close() {
    if (open_.empty()) return;
    if (!full_ && !append_paragraph(text_, open_.back().text)) full_ = true;
    if (open_.back().heading && first_heading_.empty()) first_heading_ = open_.back().text;
    open_.pop_back();
  }
  void add(std::string_view chars) {
    if (!open_.empty()) open_.back().text += chars;
  }
  void mark_heading() {
    if (!open_.empty()) open_.back().heading = true;
  }
  bool is_open() const { return !open_.empty(); }
  bool full() const { return full_; }
  const std::string& first_heading() const { return first_heading_; }

 private:
  struct Paragraph {
    std::string text;
    bool heading = false;
  };
  DocumentText& text_;
  std::vector<Paragraph> open_;
  std::string first_heading_;
  bool full_ = false;
};

// WordprocessingML's body: w:p paragraphs, text in w:t, tabs and breaks as
// spaces; w:delText (deleted) and w:instrText (field codes) never read.
class WordBody : public XmlEvents {
 public:
  explicit WordBody(ParagraphSink& sink) : sink_(sink) {}

 protected:
  void start(std::string_view ns, std::string_view name, const xmlChar** attributes,
             int count) override {
    if (ns != kWordNs) return;
    if (name == "p") {
      sink_.open();
    } else if (name == "t") {
      in_text_ = true;
    } else if (name == "tab" || name == "br" || name == "cr") {
      sink_.add(" ");
    } else if (name == "pStyle") {
      std::string_view style = attribute(attributes, count, "val");
      if (style.starts_with("Heading") || style == "Title") sink_.mark_heading();
    }
  }
  void end(std::string_view ns, std::string_view name) override {
    if (ns != kWordNs) return;
    if (name == "p") sink_.close();
    if (name == "t") in_text_ = false;
  }
  void text(std::string_view chars) override {
    if (in_text_) sink_.add(chars);
  }

 private:
  ParagraphSink& sink_;
  bool in_text_ = false;
};

// OpenDocument's body: text:p and text:h, their text at any depth; spaces,
// tabs and line breaks as spaces; annotations (comments), note citations and
// tracked changes never read.
class OdfBody : public XmlEvents {
 public:
  explicit OdfBody(ParagraphSink& sink) : sink_(sink) {}

 protected:
  void start(std::string_view ns, std::string_view name, const xmlChar**, int) override {
    if (is_hidden(ns, name)) ++hidden_;
    if (hidden_ > 0 || ns != kOdfTextNs) return;
    if (name == "p" || name == "h") {
      sink_.open();
      if (name == "h") sink_.mark_heading();
    } else if (name == "s" || name == "tab" || name == "line-break") {
      sink_.add(" ");
    }
  }
  void end(std::string_view ns, std::string_view name) override {
    if (is_hidden(ns, name)) {
      --hidden_;
      return;
    }
    if (hidden_ == 0 && ns == kOdfTextNs && (name == "p" || name == "h")) sink_.close();
  }
  void text(std::string_view chars) override {
    if (hidden_ == 0) sink_.add(chars);
  }

 private:
  static bool is_hidden(std::string_view ns, std::string_view name) {
    return (ns == kOdfOfficeNs && name == "annotation") ||
           (ns == kOdfTextNs && (name == "note-citation" || name == "tracked-changes"));
  }
  ParagraphSink& sink_;
  int hidden_ = 0;
};

// The title in a metadata part, or "" when it has none.
std::string metadata_title(ZipArchive& archive, std::string_view part) {
  if (!archive.has(part)) return {};
  DublinCoreTitle reader;
  reader.feed(archive.read_small(part, kMaxMetadataBytes));
  reader.finish();
  return one_line(reader.title);
}

// Reads `part` of `archive` through `body`, then puts the title first.
DocumentText read_office(ZipArchive& archive, std::string_view part, std::string_view meta_part,
                         XmlEvents& body, const ParagraphSink& sink, DocumentText& text) {
  archive.read(part, [&](std::string_view piece) {
    if (!sink.full()) body.feed(piece);
  });
  if (!body.finish() && text.lines.empty()) throw DocumentError("damaged document: " + std::string(part) + " is not well-formed XML");
  if (sink.full())
    text.warnings.push_back("text beyond " + std::to_string(kMaxDocumentTextBytes >> 20) +
                            " MB not indexed");
  std::string title = metadata_title(archive, meta_part);
  if (title.empty()) title = one_line(sink.first_heading());
  std::string first_line = text.lines.substr(0, text.lines.find('\n'));
  if (!title.empty() && title != first_line) {
    text.lines.insert(0, title + '\n');
    ++text.line_total;
  }
  if (text.lines.find_first_not_of(" \n") == std::string::npos) throw DocumentError("no text");
  return std::move(text);
}

}  // namespace

bool is_docx_file_name(std::string_view name) { return has_extension(name, ".docx"); }
bool is_odt_file_name(std::string_view name) { return has_extension(name, ".odt"); }

DocumentText docx_as_lines(const std::filesystem::path& file) {
  ZipArchive archive(file);
  if (!archive.has("word/document.xml")) throw DocumentError("not a Word document: no word/document.xml");
  DocumentText text;
  ParagraphSink sink(text);
  WordBody body(sink);
  return read_office(archive, "word/document.xml", "docProps/core.xml", body, sink, text);
}

DocumentText odt_as_lines(const std::filesystem::path& file) {
  ZipArchive archive(file);
  if (!archive.has("content.xml")) throw DocumentError("not an OpenDocument text: no content.xml");
  DocumentText text;
  ParagraphSink sink(text);
  OdfBody body(sink);
  return read_office(archive, "content.xml", "meta.xml", body, sink, text);
}

}  // namespace fahras
