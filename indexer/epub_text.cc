// EPUB text (see epub_text.h).
#include "epub_text.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "html_text.h"
#include "xml_events.h"
#include "zip_archive.h"

namespace fahras {
namespace {

constexpr size_t kMaxPackageBytes = 4 << 20;
// A chapter is parsed from memory; one larger than this is left out.
constexpr size_t kMaxChapterBytes = 32 << 20;

// container.xml: the first rootfile's full-path.
class Container : public XmlEvents {
 public:
  std::string package;

 protected:
  void start(std::string_view, std::string_view name, const xmlChar** attributes,
             int count) override {
    if (name == "rootfile" && package.empty()) package = attribute(attributes, count, "full-path");
  }
  void end(std::string_view, std::string_view) override {}
  void text(std::string_view) override {}
};

// The package: its title, its manifest (id to href) and its spine.
class Package : public DublinCoreTitle {
 public:
  std::map<std::string, std::string, std::less<>> manifest;
  std::vector<std::string> spine;

 protected:
  void start(std::string_view ns, std::string_view name, const xmlChar** attributes,
             int count) override {
    DublinCoreTitle::start(ns, name, attributes, count);
    if (name == "item")
      manifest.emplace(attribute(attributes, count, "id"), attribute(attributes, count, "href"));
    if (name == "itemref") spine.emplace_back(attribute(attributes, count, "idref"));
  }
};

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void parse_whole(XmlEvents& reader, const std::string& xml, std::string_view part) {
  reader.feed(xml);
  if (!reader.finish()) throw DocumentError("damaged book: " + std::string(part) + " is not well-formed XML");
}

}  // namespace

bool is_epub_file_name(std::string_view name) { return has_extension(name, ".epub"); }

std::string resolve_part(std::string_view base, std::string_view href) {
  href = href.substr(0, href.find('#'));
  std::vector<std::string> parts;
  if (!href.starts_with('/')) {
    std::string_view dir = base.substr(0, base.rfind('/') == std::string_view::npos ? 0 : base.rfind('/'));
    std::stringstream in{std::string(dir)};
    for (std::string p; std::getline(in, p, '/');)
      if (!p.empty()) parts.push_back(p);
  }
  std::stringstream in{percent_decoded(href)};
  for (std::string p; std::getline(in, p, '/');) {
    if (p.empty() || p == ".") continue;
    if (p == "..") {
      if (parts.empty()) return {};
      parts.pop_back();
    } else {
      parts.push_back(p);
    }
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

DocumentText epub_as_lines(const std::filesystem::path& file) {
  ZipArchive archive(file);
  if (!archive.has("META-INF/container.xml")) throw DocumentError("not an EPUB book: no META-INF/container.xml");
  Container container;
  parse_whole(container, archive.read_small("META-INF/container.xml", kMaxPackageBytes),
              "META-INF/container.xml");
  std::string package_part = resolve_part("", container.package);
  if (package_part.empty() || !archive.has(package_part))
    throw DocumentError("not an EPUB book: its container names no package");
  Package package;
  parse_whole(package, archive.read_small(package_part, kMaxPackageBytes), package_part);

  DocumentText text;
  std::string title = one_line(package.title);
  append_paragraph(text, title);
  int chapters = 0;
  bool full = false;
  for (const std::string& id : package.spine) {
    auto item = package.manifest.find(id);
    if (item == package.manifest.end() || full) continue;
    std::string part = resolve_part(package_part, item->second);
    if (part.empty() || !archive.has(part)) continue;
    std::string xhtml;
    try {
      xhtml = archive.read_small(part, kMaxChapterBytes);
    } catch (const DocumentError& e) {
      if (std::string(e.what()).find("zip bomb") != std::string::npos) throw;
      text.warnings.push_back(std::string(e.what()) + ": chapter not indexed");
      continue;
    }
    std::istringstream in(std::move(xhtml));
    HtmlText chapter = read_html(in);
    uint32_t first_line = line_count(text) + 1;
    bool any = false;
    for (const std::string& block : chapter.blocks) {
      if (chapters == 0 && !any && block == title) continue;  // the title, on line 1 already
      if (!append_paragraph(text, block)) {
        full = true;
        break;
      }
      any = true;
    }
    if (any)
      text.sections.push_back({first_line, std::string(1, 'c').append(std::to_string(++chapters))});
    full = full || chapter.full;
  }
  if (full)
    text.warnings.push_back("text beyond " + std::to_string(kMaxDocumentTextBytes >> 20) +
                            " MB not indexed");
  if (text.sections.empty()) throw DocumentError("no text in the book's chapters");
  return text;
}

}  // namespace fahras
