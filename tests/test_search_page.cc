// Unit tests of the search page's HTML: escaping, URLs, highlights, pages.
#include <doctest/doctest.h>

#include "search_page.h"

using namespace fahras;

namespace {

Match hit(const std::string& text, std::vector<std::pair<size_t, size_t>> highlights) {
  Match m;
  m.rank = 1;
  m.id = "أخبار/الصين.txt";
  m.line = 3;
  m.title = "الصين توافق على استيراد شرائح H200";
  m.text = text;
  m.highlights = std::move(highlights);
  return m;
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("search_page") {
  TEST_CASE("escaping and URLs") {
    CHECK(html_escape("<script>\"وافقت\" & 'بكين'</script>") ==
          "&lt;script&gt;&quot;وافقت&quot; &amp; &#39;بكين&#39;&lt;/script&gt;");
    CHECK(html_escape(std::string("a\x01"
                                  "b\x7f"
                                  "c\td")) ==
          "ab\x7f"
          "c\td");
    CHECK(url_encode("الصين H200&x=1") == "%D8%A7%D9%84%D8%B5%D9%8A%D9%86%20H200%26x%3D1");
    CHECK(page_url({"موافقة", 1, false}) == "/?q=%D9%85%D9%88%D8%A7%D9%81%D9%82%D8%A9");
    CHECK(page_url({"x", 3, true}) == "/?q=x&page=3&one=1");
  }

  TEST_CASE("a hit: its place, title and highlighted snippet, all escaped") {
    std::string text = "وافقت الصين <b>رسمياً</b> على الشرائح";
    Results results;
    results.query = "الصين";
    results.total = 1;
    results.took_ms = 0.84;
    results.matches.push_back(hit(text, {{11, 21}}));  // الصين
    std::string page = render_search_page({"الصين", 1, false}, &results, "", {});
    CHECK(page.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
    CHECK(page.find("أخبار/الصين.txt:3") != std::string::npos);
    CHECK(page.find("<mark>الصين</mark>") != std::string::npos);
    CHECK(page.find("&lt;b&gt;رسمياً&lt;/b&gt;") != std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);
    CHECK(page.find("0.8 ms") != std::string::npos);
    CHECK(page.find("value=\"الصين\"") != std::string::npos);
  }

  TEST_CASE("control characters in a passage neither show nor become marks") {
    std::string text = "قبل\x01 الصين \x02بعد";
    Results results;
    results.total = 1;
    size_t at = text.find("الصين");
    results.matches.push_back(hit(text, {{at, at + std::string("الصين").size()}}));
    std::string page = render_search_page({"الصين", 1, false}, &results, "", {});
    CHECK(page.find("<p class=\"snippet\">قبل <mark>الصين</mark> بعد</p>") != std::string::npos);
    CHECK(count(page, "<mark>") == 1);
  }

  TEST_CASE("a query holding markup stays text in the box and the title") {
    std::string page =
        render_search_page({"\"><script>alert(1)</script>", 1, false}, nullptr, "", {});
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("value=\"&quot;&gt;&lt;script&gt;") != std::string::npos);
  }

  TEST_CASE("did you mean links to the corrected query; a javascript: url is no link") {
    Results results;
    results.total = 0;
    results.suggestion = "الصين";
    std::string page = render_search_page({"الصيين", 1, true}, &results, "", {});
    CHECK(page.find("class=\"suggestion\" href=\"/?q=%D8%A7%D9%84%D8%B5%D9%8A%D9%86&amp;one=1\"") !=
          std::string::npos);
    Match m = hit("نص", {});
    m.url = "javascript:alert(1)";
    results.matches.push_back(m);
    results.total = 1;
    CHECK(render_search_page({"نص", 1, false}, &results, "", {}).find("javascript:") ==
          std::string::npos);
  }

  TEST_CASE("pages: links around the current one, none past the last") {
    Results results;
    results.total = 95;
    for (size_t i = 0; i < kPageHits; ++i) results.matches.push_back(hit("نص", {}));
    std::string first = render_search_page({"نص", 1, false}, &results, "", {});
    CHECK(count(first, "rel=\"next\"") == 1);
    CHECK(count(first, "rel=\"prev\"") == 0);
    CHECK(first.find("page=10") != std::string::npos);
    CHECK(first.find("page=11") == std::string::npos);
    std::string last = render_search_page({"نص", 10, false}, &results, "", {});
    CHECK(count(last, "rel=\"next\"") == 0);
    CHECK(count(last, "rel=\"prev\"") == 1);
    // One per article: fewer hits than a page holds end the pages.
    results.matches.resize(4);
    CHECK(count(render_search_page({"نص", 1, true}, &results, "", {}), "rel=\"next\"") == 0);
  }

  TEST_CASE("a long title is cut at a word") {
    Results results;
    results.total = 1;
    Match m = hit("نص", {});
    m.title = std::string(100, 'x') + " " + std::string(200, 'y');
    results.matches.push_back(m);
    std::string page = render_search_page({"نص", 1, false}, &results, "", {});
    CHECK(page.find(">" + std::string(100, 'x') + "…<") != std::string::npos);
  }
}
