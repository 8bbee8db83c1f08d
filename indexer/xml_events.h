// XML read as a stream of events with libxml2's SAX2 push parser, fed a
// piece at a time (from a ZIP part: zip_archive.h), so a part of any size
// costs a buffer. Network access and external entities are never loaded,
// and libxml2's own bounds on entity expansion apply.
#pragma once

#include <libxml/parser.h>

#include <memory>
#include <string>
#include <string_view>

namespace fahras {

class XmlEvents {
 public:
  XmlEvents();
  virtual ~XmlEvents();
  XmlEvents(const XmlEvents&) = delete;
  XmlEvents& operator=(const XmlEvents&) = delete;

  // Parses the next piece of the document, calling the handlers below.
  void feed(std::string_view piece);
  // Ends the document; false when it was not well-formed XML (what was read
  // before the error has been handled).
  bool finish();

 protected:
  // `name` is the element's local name, `ns` its namespace URI ("" if none).
  virtual void start(std::string_view ns, std::string_view name, const xmlChar** attributes,
                     int attribute_count) = 0;
  virtual void end(std::string_view ns, std::string_view name) = 0;
  virtual void text(std::string_view chars) = 0;

  // The value of attribute `name` among SAX2's (localname, prefix, URI,
  // value, end) quintuples, or "" when absent.
  static std::string_view attribute(const xmlChar** attributes, int count, std::string_view name);

 private:
  static void on_start(void* self, const xmlChar* name, const xmlChar* prefix, const xmlChar* uri,
                       int, const xmlChar**, int attribute_count, int, const xmlChar** attributes);
  static void on_end(void* self, const xmlChar* name, const xmlChar* prefix, const xmlChar* uri);
  static void on_text(void* self, const xmlChar* chars, int length);

  xmlSAXHandler sax_;
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> parser_;
  bool started_ = false;
};

// The text of the first dc:title element (Dublin Core: an OpenDocument's
// meta.xml, a Word document's docProps/core.xml, an EPUB's package). A
// reader of more of a part derives from it and calls its start and end.
class DublinCoreTitle : public XmlEvents {
 public:
  std::string title;

 protected:
  void start(std::string_view ns, std::string_view name, const xmlChar** attributes,
             int count) override;
  void end(std::string_view ns, std::string_view name) override;
  void text(std::string_view chars) override;

 private:
  bool in_title_ = false;
};

}  // namespace fahras
