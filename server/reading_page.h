// The reading view fahras-serve answers GET /read?id=&q=&line= with: a
// document's text as the index holds it, title first, the hit's passage
// marked and scrolled to (the URL's #L<line>), and every passage the query
// matches marked too, its matched words highlighted. A long document is
// shown a page of passages at a time around the hit, with links to the
// passages before and after. A PDF offers its original file at the hit's
// page (/original?id=...#page=N) when the service can serve it.
//
// Everything drawn from the index or the request is HTML-escaped; the
// request names a document by its id, which the index looks up: no part of
// the URL reaches the file system.
#pragma once

#include <string>

#include "fahras/fahras.h"

namespace fahras {

// Passages a reading page shows at most, and of how much text.
inline constexpr size_t kReadingPassages = 400;
inline constexpr size_t kReadingBytes = 2 << 20;

struct ReadingRequest {
  std::string id;
  std::string q;      // the query the reader came from (may be empty)
  unsigned line = 0;  // the hit's line (0: the document's start)
  size_t offset = 0;  // with line 0: the first passage to show
};

// The URL of the reading view of `id` at `line`, for the query `q`.
std::string reading_url(const std::string& id, const std::string& q, unsigned line);

// `original`: whether /original?id= serves the document's file.
std::string render_reading_page(const ReadingRequest& request, const StoredDocument& document,
                                bool original);

}  // namespace fahras
