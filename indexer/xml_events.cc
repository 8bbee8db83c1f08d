// XML as events (see xml_events.h).
#include "xml_events.h"

#include <cstring>

namespace fahras {
namespace {

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

}  // namespace

XmlEvents::XmlEvents() : parser_(nullptr, &xmlFreeParserCtxt) {
  std::memset(&sax_, 0, sizeof sax_);
  sax_.initialized = XML_SAX2_MAGIC;
  sax_.startElementNs = &XmlEvents::on_start;
  sax_.endElementNs = &XmlEvents::on_end;
  sax_.characters = &XmlEvents::on_text;
  sax_.cdataBlock = &XmlEvents::on_text;
}

XmlEvents::~XmlEvents() = default;

void XmlEvents::feed(std::string_view piece) {
  if (!started_) {
    parser_.reset(xmlCreatePushParserCtxt(&sax_, this, nullptr, 0, nullptr));
    if (parser_)
      xmlCtxtUseOptions(parser_.get(), XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    started_ = true;
  }
  if (parser_) xmlParseChunk(parser_.get(), piece.data(), static_cast<int>(piece.size()), 0);
}

bool XmlEvents::finish() {
  if (!started_) feed({});
  if (!parser_) return false;
  xmlParseChunk(parser_.get(), nullptr, 0, 1);
  return parser_->wellFormed != 0;
}

std::string_view XmlEvents::attribute(const xmlChar** attributes, int count,
                                      std::string_view name) {
  for (int i = 0; i < count; ++i) {
    const xmlChar** a = attributes + 5 * i;
    if (view(a[0]) == name)
      return std::string_view(reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3]));
  }
  return {};
}

void XmlEvents::on_start(void* self, const xmlChar* name, const xmlChar*, const xmlChar* uri, int,
                         const xmlChar**, int attribute_count, int, const xmlChar** attributes) {
  static_cast<XmlEvents*>(self)->start(view(uri), view(name), attributes, attribute_count);
}

void XmlEvents::on_end(void* self, const xmlChar* name, const xmlChar*, const xmlChar* uri) {
  static_cast<XmlEvents*>(self)->end(view(uri), view(name));
}

void XmlEvents::on_text(void* self, const xmlChar* chars, int length) {
  static_cast<XmlEvents*>(self)->text(
      std::string_view(reinterpret_cast<const char*>(chars), static_cast<size_t>(length)));
}

namespace {
constexpr std::string_view kDublinCoreNs = "http://purl.org/dc/elements/1.1/";
}  // namespace

void DublinCoreTitle::start(std::string_view ns, std::string_view name, const xmlChar**, int) {
  if (ns == kDublinCoreNs && name == "title" && title.empty()) in_title_ = true;
}

void DublinCoreTitle::end(std::string_view ns, std::string_view name) {
  if (ns == kDublinCoreNs && name == "title") in_title_ = false;
}

void DublinCoreTitle::text(std::string_view chars) {
  if (in_title_) title += chars;
}

}  // namespace fahras
