// The search page's stylesheet and script, compiled into fahras-serve so the
// page needs no installed files and no build step (search_page.h).
#pragma once

namespace fahras {

// /page.css: right-to-left, readable from a phone's width up.
extern const char* const kPageCss;
// /page.js: conveniences only; the page works without it. "/" focuses the
// query box; ticking "one passage per article" searches again at once.
extern const char* const kPageJs;

}  // namespace fahras
