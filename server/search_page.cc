// HTML of the search page (see search_page.h).
#include "search_page.h"

#include <algorithm>
#include <cstdio>

#include "reading_page.h"
#include "utf8.h"

namespace fahras {
namespace {

// The snippet with <mark> around the highlights, escaped: mark_snippet puts
// two control characters the text does not hold around them (html_escape
// drops every control character the text holds), which then become the tags.
std::string highlighted_snippet(const Match& match) {
  std::string stand_ins;
  for (char c = '\x01'; c < '\x20' && stand_ins.size() < 2; ++c)
    if (c != '\t' && c != '\n' && match.text.find(c) == std::string::npos) stand_ins += c;
  if (stand_ins.size() < 2) return html_escape(mark_snippet(match, "", ""));  // no highlights
  const char open = stand_ins[0], close = stand_ins[1];
  std::string marked = mark_snippet(match, std::string(1, open), std::string(1, close));
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= marked.size(); ++i) {
    if (i < marked.size() && marked[i] != open && marked[i] != close) continue;
    out += html_escape(std::string_view(marked).substr(start, i - start));
    if (i < marked.size()) out += marked[i] == open ? "<mark>" : "</mark>";
    start = i + 1;
  }
  return out;
}

// A title of at most about `max_bytes`, cut at a space, "…" marking the cut
// (an article whose title is its first paragraph).
std::string shortened(const std::string& text, size_t max_bytes = 160) {
  if (text.size() <= max_bytes) return text;
  size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) return truncate_utf8(text, max_bytes) + "…";
  return text.substr(0, cut) + "…";
}

// An http(s) link from the index, or "" (a javascript: URL is not a link).
std::string safe_link(const std::string& url) {
  if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) return url;
  return {};
}

std::string milliseconds(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, ms < 10 ? "%.1f" : "%.0f", ms);
  return text;
}

void render_hit(const Match& m, const std::string& q, std::string& out) {
  out += "<li class=\"hit\">\n<a class=\"where\" dir=\"ltr\" href=\"" +
         html_escape(reading_url(m.id, q, m.line)) + "\">" + html_escape(m.id) + ":" +
         html_escape(place_in_file(m)) + "</a>\n";
  std::string title = html_escape(shortened(m.title.empty() ? m.id : m.title));
  std::string link = safe_link(m.url);
  out += "<h2 class=\"title\">";
  out += link.empty() ? title : "<a href=\"" + html_escape(link) + "\">" + title + "</a>";
  out += "</h2>\n";
  if (!m.heading.empty() && m.heading != m.title)
    out += "<div class=\"heading\">" + html_escape(m.heading) + "</div>\n";
  out += "<p class=\"snippet\">" + highlighted_snippet(m) + "</p>\n";
  if (!m.date.empty()) out += "<div class=\"date\">" + html_escape(m.date) + "</div>\n";
  out += "</li>\n";
}

void render_pages(const PageRequest& request, const Results& results, std::string& out) {
  size_t pages = std::min(kLastPage, (results.total + kPageHits - 1) / kPageHits);
  // Fewer hits than a page holds (one per article: the total counts passages).
  if (results.matches.size() < kPageHits) pages = std::min(pages, request.page);
  if (pages <= 1) return;
  auto link = [&](size_t page, const std::string& label, const char* rel) {
    PageRequest other = request;
    other.page = page;
    out += "<a href=\"" + html_escape(page_url(other)) + "\"";
    if (rel) out += std::string(" rel=\"") + rel + "\"";
    out += ">" + label + "</a>\n";
  };
  out += "<nav class=\"pages\" aria-label=\"الصفحات\">\n";
  if (request.page > 1) link(request.page - 1, "السابقة", "prev");
  size_t first = request.page > 5 ? request.page - 5 : 1;
  size_t last = std::min(pages, first + 9);
  for (size_t p = first; p <= last; ++p) {
    if (p == request.page)
      out += "<span class=\"current\" aria-current=\"page\">" + std::to_string(p) + "</span>\n";
    else
      link(p, std::to_string(p), nullptr);
  }
  if (request.page < pages) link(request.page + 1, "التالية", "next");
  out += "</nav>\n";
}

void render_results(const PageRequest& request, const Results& results, std::string& out) {
  if (results.suggestion) {
    PageRequest corrected = request;
    corrected.q = *results.suggestion;
    corrected.page = 1;
    out += "<p class=\"did-you-mean\">هل تقصد: <a class=\"suggestion\" href=\"" +
           html_escape(page_url(corrected)) + "\">" + html_escape(*results.suggestion) +
           "</a>؟</p>\n";
  }
  out += std::string("<p class=\"summary\">") + (results.total_is_estimate ? "نحو " : "") +
         "<span class=\"total\">" + std::to_string(results.total) +
         "</span> نتيجة في <span class=\"took\" dir=\"ltr\">" + milliseconds(results.took_ms) +
         " ms</span></p>\n";
  for (const std::string& notice : results.notices)
    out += "<p class=\"notice\">" + html_escape(notice) + "</p>\n";
  if (results.matches.empty()) {
    out += "<p class=\"nothing\">لا نتائج لهذا البحث.</p>\n";
    return;
  }
  out += "<ol class=\"hits\" start=\"" + std::to_string(results.matches.front().rank) + "\">\n";
  for (const Match& m : results.matches) render_hit(m, request.q, out);
  out += "</ol>\n";
  render_pages(request, results, out);
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
        out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string page_url(const PageRequest& request) {
  std::string url = "/?q=" + url_encode(request.q);
  if (request.page > 1) url += "&page=" + std::to_string(request.page);
  if (request.one_per_article) url += "&one=1";
  return url;
}

std::string render_search_page(const PageRequest& request, const Results* results,
                               const std::string& error, const Stats& stats) {
  std::string q = html_escape(request.q);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" +
      (request.q.empty() ? std::string("فهرس") : q + " - فهرس") +
      "</title>\n<link rel=\"stylesheet\" href=\"/page.css\">\n"
      "<script src=\"/page.js\" defer></script>\n</head>\n<body>\n"
      "<header>\n<a class=\"brand\" href=\"/\">فهرس</a>\n"
      "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">\n"
      "<input type=\"search\" name=\"q\" value=\"" +
      q +
      "\" dir=\"auto\" aria-label=\"البحث\" placeholder=\"ابحث في النصوص\" autocomplete=\"off\">\n"
      "<button type=\"submit\">ابحث</button>\n"
      "<label class=\"one\"><input type=\"checkbox\" name=\"one\" value=\"1\"" +
      (request.one_per_article ? std::string(" checked") : std::string()) +
      "> نتيجة واحدة لكل مقال</label>\n</form>\n</header>\n<main>\n";
  if (!error.empty()) out += "<p class=\"error\" role=\"alert\">" + html_escape(error) + "</p>\n";
  if (results) render_results(request, *results, out);
  out += "</main>\n<footer>" + std::to_string(stats.passages) + " مقطعاً من " +
         std::to_string(stats.documents) + " مقالاً</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace fahras
