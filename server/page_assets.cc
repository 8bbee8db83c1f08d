// The search page's stylesheet and script (see page_assets.h).
#include "page_assets.h"

namespace fahras {

const char* const kPageCss = R"css(
:root { color-scheme: light dark; --accent: #0b6e4f; --muted: #667; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.7 "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif; }
header { padding: 12px 16px; border-bottom: 1px solid #8884; display: flex; flex-wrap: wrap;
         gap: 8px 16px; align-items: center; }
.brand { font-size: 1.5em; font-weight: bold; color: var(--accent); text-decoration: none; }
form.search { display: flex; flex-wrap: wrap; gap: 8px; flex: 1 1 320px; align-items: center; }
form.search input[type=search] { flex: 1 1 220px; font: inherit; padding: 6px 10px;
                                 border: 1px solid #8888; border-radius: 6px; }
form.search button { font: inherit; padding: 6px 16px; border: 0; border-radius: 6px;
                     background: var(--accent); color: #fff; cursor: pointer; }
.one { font-size: 0.9em; color: var(--muted); white-space: nowrap; }
main { max-width: 760px; padding: 8px 16px 24px; }
.summary, .notice, footer, .date, .heading { color: var(--muted); font-size: 0.9em; }
.did-you-mean { font-size: 1.05em; }
.did-you-mean a { color: var(--accent); font-weight: bold; }
.error { color: #b00020; }
ol.hits { list-style: none; padding: 0; margin: 0; }
.hit { margin: 0 0 18px; }
.where { color: var(--accent); font-size: 0.85em; font-family: monospace; text-align: right;
         display: block; text-decoration: none; }
.where:hover { text-decoration: underline; }
.back, .original a, .more a { color: var(--accent); }
.document-id { color: var(--muted); font-family: monospace; font-size: 0.85em; text-align: right; }
.passage { margin: 0 0 12px; padding: 2px 8px; border-inline-start: 3px solid transparent;
           overflow-wrap: anywhere; }
.passage.hit { border-inline-start-color: var(--mark); }
.passage.target { border-inline-start-color: var(--accent); background: #0b6e4f14; }
.passage:target { scroll-margin-top: 30vh; }
.title { font-size: 1.1em; margin: 0; }
.title a { color: inherit; }
.snippet { margin: 2px 0; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; }
@media (prefers-color-scheme: dark) { mark { background: #7a5d00; } }
nav.pages { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 16px; }
nav.pages a, nav.pages span { padding: 2px 10px; border-radius: 4px; border: 1px solid #8886; }
nav.pages .current { background: var(--accent); color: #fff; }
footer { padding: 8px 16px 16px; }
)css";

const char* const kPageJs = R"js(
document.addEventListener('DOMContentLoaded', function () {
  var box = document.querySelector('form.search input[name=q]');
  var one = document.querySelector('form.search input[name=one]');
  if (box && !box.value) box.focus();
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
  if (one) one.addEventListener('change', function () {
    if (box.value.trim()) one.form.submit();
  });
});
)js";

}  // namespace fahras
