// Tests of indexer/html_text.h: the text a reader sees, block by block, the
// title first; never scripts, styles, comments or attribute values.
#include <doctest/doctest.h>

#include <iterator>
#include <memory>
#include <sstream>

#include "html_text.h"
#include "passages.h"

using namespace fahras;

namespace {

std::string lines_of(const std::string& html) {
  std::istringstream in(html);
  return html_as_lines(in);
}

const char* const kPage =
    "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"windows-1256\">"
    "<title>نظام المسؤولية &amp; التعويض</title>"
    "<style>.x { content: \"كلمةستايل\"; }</style>"
    "<script>var s = \"كلمةسكربت\";</script></head><body>"
    "<!-- تعليقمخفي -->"
    "<h1>العنوان الرئيسي</h1>"
    "<p>فقرة عن <b>ال</b>صين و<a href=\"https://example.com/x\" title=\"سمةمخفية\">النظام</a>"
    "&nbsp;السعودي.</p>"
    "<ul><li>بند أول.</li><li>بند ثان.</li></ul>"
    "<table><tr><td>خلية أولى</td><td>خلية ثانية</td></tr></table>"
    "<noscript>نصبديل</noscript><template><p>قالبمخفي</p></template>"
    "</body></html>";

}  // namespace

TEST_SUITE("html_text") {
  TEST_CASE("the title, then each block a reader sees on a line of its own") {
    std::string text = lines_of(kPage);
    CHECK(text ==
          "نظام المسؤولية & التعويض\n"
          "العنوان الرئيسي\n"
          "فقرة عن الصين والنظام\u00a0السعودي.\n"
          "بند أول.\n"
          "بند ثان.\n"
          "خلية أولى\n"
          "خلية ثانية\n");
    for (const char* hidden :
         {"كلمةستايل", "كلمةسكربت", "تعليقمخفي", "سمةمخفية", "example.com", "نصبديل", "قالبمخفي"})
      CHECK(text.find(hidden) == std::string::npos);
  }

  TEST_CASE("a page larger than the parser's pieces: every block, in order, the title first") {
    std::string page = "<html><head><title>صفحة طويلة</title></head><body>";
    for (int i = 0; i < 20000; ++i) page += "<p>فقرة رقم " + std::to_string(i) + " عن الورق.</p>";
    page += "</body></html>";
    std::string lines = lines_of(page);
    CHECK(lines.starts_with("صفحة طويلة\nفقرة رقم 0 عن الورق.\n"));
    CHECK(lines.ends_with("فقرة رقم 19999 عن الورق.\n"));
  }

  TEST_CASE("without a <title>, the first <h1> is the title") {
    std::string text = lines_of("<p>مقدمة قصيرة.</p><h1>الفصل الأول</h1><p>نص.</p>");
    Article a = split_article(text);
    CHECK(a.title == "الفصل الأول");
    REQUIRE(a.passages.size() == 4);
    CHECK(a.passages[1].text == "مقدمة قصيرة.");
  }

  TEST_CASE("broken markup is read as far as it goes; file names") {
    CHECK(lines_of("<p>فقرة <b>غير مغلقة<p>ثانية") == "فقرة غير مغلقة\nثانية\n");
    CHECK(is_html_file_name("page.html"));
    CHECK(is_html_file_name("page.htm"));
    CHECK(is_html_file_name("book.xhtml"));
    CHECK_FALSE(is_html_file_name("page.txt"));
    CHECK_FALSE(is_html_file_name(".html"));
  }
}
