// HTML of the reading view (see reading_page.h).
#include "reading_page.h"

#include "search_page.h"

namespace fahras {
namespace {

// `text` escaped, with <mark> around the byte ranges `highlights` (sorted,
// disjoint, on character boundaries as the highlighter makes them).
std::string marked_text(const std::string& text,
                        const std::vector<std::pair<size_t, size_t>>& highlights) {
  std::string out;
  size_t at = 0;
  for (auto [begin, end] : highlights) {
    if (begin < at || end > text.size() || begin >= end) continue;
    out += html_escape(std::string_view(text).substr(at, begin - at));
    out += "<mark>" + html_escape(std::string_view(text).substr(begin, end - begin)) + "</mark>";
    at = end;
  }
  out += html_escape(std::string_view(text).substr(at));
  return out;
}

// The page number in a PDF place ("p3:2" is 3), or 0.
unsigned page_of(const std::string& place) {
  if (place.size() < 4 || place[0] != 'p') return 0;
  unsigned page = 0;
  for (size_t i = 1; i < place.size() && place[i] != ':'; ++i) {
    if (place[i] < '0' || place[i] > '9') return 0;
    page = page * 10 + static_cast<unsigned>(place[i] - '0');
    if (page > 1000000) return 0;
  }
  return page;
}

std::string offset_url(const ReadingRequest& request, size_t offset) {
  std::string url = "/read?id=" + url_encode(request.id);
  if (!request.q.empty()) url += "&q=" + url_encode(request.q);
  return url + "&offset=" + std::to_string(offset);
}

}  // namespace

std::string reading_url(const std::string& id, const std::string& q, unsigned line) {
  std::string url = "/read?id=" + url_encode(id);
  if (!q.empty()) url += "&q=" + url_encode(q);
  if (line > 0) url += "&line=" + std::to_string(line) + "#L" + std::to_string(line);
  return url;
}

std::string render_reading_page(const ReadingRequest& request, const StoredDocument& document,
                                bool original) {
  std::string title = html_escape(document.title.empty() ? document.id : document.title);
  std::string back = request.q.empty() ? "/" : "/?q=" + url_encode(request.q);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      title + " - فهرس</title>\n<link rel=\"stylesheet\" href=\"/page.css\">\n</head>\n<body>\n"
      "<header>\n<a class=\"brand\" href=\"/\">فهرس</a>\n<a class=\"back\" href=\"" +
      html_escape(back) + "\">العودة إلى النتائج</a>\n</header>\n<main class=\"reading\">\n" +
      "<h1 class=\"document-title\">" + title + "</h1>\n<p class=\"document-id\" dir=\"ltr\">" +
      html_escape(document.id) + "</p>\n";
  unsigned hit_page = 0;
  for (const auto& p : document.passages)
    if (p.line == request.line) hit_page = page_of(p.place);
  if (original) {
    out += "<p class=\"original\"><a href=\"/original?id=" + html_escape(url_encode(document.id));
    if (hit_page > 0) out += "#page=" + std::to_string(hit_page);
    out += "\">الملف الأصلي" +
           (hit_page > 0 ? " (صفحة " + std::to_string(hit_page) + ")" : std::string()) +
           "</a></p>\n";
  }
  if (document.offset > 0) {
    size_t earlier = document.offset > kReadingPassages ? document.offset - kReadingPassages : 0;
    out += "<p class=\"more\"><a rel=\"prev\" href=\"" +
           html_escape(offset_url(request, earlier)) + "\">ما قبل هذا</a></p>\n";
  }
  out += "<article class=\"document\">\n";
  for (const auto& p : document.passages) {
    std::string classes = "passage";
    if (!p.highlights.empty()) classes += " hit";
    if (p.line == request.line && request.line > 0) classes += " target";
    out += "<p class=\"" + classes + "\"";
    if (p.window == 0) out += " id=\"L" + std::to_string(p.line) + "\"";
    out += " data-place=\"" + html_escape(p.place.empty() ? std::to_string(p.line) : p.place) +
           "\">" + marked_text(p.text, p.highlights) + "</p>\n";
  }
  out += "</article>\n";
  size_t next = document.offset + document.passages.size();
  if (next < document.total_passages)
    out += "<p class=\"more\"><a rel=\"next\" href=\"" + html_escape(offset_url(request, next)) +
           "\">ما بعد هذا</a></p>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace fahras
