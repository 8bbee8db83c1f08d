// The search page fahras-serve answers GET / with: one right-to-left HTML
// page, rendered on the server, so it works without JavaScript and its URL
// (/?q=...&page=N&one=1) holds the whole query: results can be shared and the
// back button works. Its stylesheet and small script come from the binary
// (page_assets.h); the page loads nothing else.
//
// Everything drawn from the index or the request is HTML-escaped; the
// highlighted words come from the search's highlights (mark_snippet), never
// from matching again in the browser.
#pragma once

#include <string>
#include <string_view>

#include "fahras/fahras.h"

namespace fahras {

inline constexpr size_t kPageHits = 10;    // hits per page
inline constexpr size_t kLastPage = 1000;  // pages beyond it are not served

// What the page's URL asks for.
struct PageRequest {
  std::string q;
  size_t page = 1;               // 1-based
  bool one_per_article = false;  // at most one passage per article
};

// The page's own URL for a request ("/?q=...").
std::string page_url(const PageRequest& request);

// `results`: null when nothing was searched (no query, or `error`). `stats`
// fills the footer.
std::string render_search_page(const PageRequest& request, const Results* results,
                               const std::string& error, const Stats& stats);

// Text as HTML: & < > " ' escaped, control characters other than tab and
// newline dropped.
std::string html_escape(std::string_view text);

// Percent-encoding of a query-string value (RFC 3986 unreserved kept).
std::string url_encode(std::string_view text);

}  // namespace fahras
