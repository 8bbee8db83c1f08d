// Tests of indexer/markdown_text.h: a Markdown document's blocks, without
// their syntax, on their source lines; code, raw HTML and link targets left out.
#include <doctest/doctest.h>

#include <sstream>

#include "markdown_text.h"
#include "passages.h"

using namespace fahras;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const char* const kDocument =
    "# نظام المسؤولية المدنية\n"                                    // 1
    "\n"                                                            // 2
    "مقدمة عن **المسؤولية** في _النظام_ السعودي،\n"                 // 3
    "تمتد على سطرين من المصدر.\n"                                   // 4
    "\n"                                                            // 5
    "## الفصل الأول\n"                                              // 6
    "\n"                                                            // 7
    "- بند أول عن [التعويض](https://example.com/secret) والضرر.\n"  // 8
    "- بند ثان مع `رمز` داخلي.\n"                                   // 9
    "\n"                                                            // 10
    "> اقتباس من نص المادة.\n"                                      // 11
    "\n"                                                            // 12
    "```\n"                                                         // 13
    "كود = 1\n"                                                     // 14
    "```\n"                                                         // 15
    "<script>var hidden = 'مخفي';</script>\n"                       // 16
    "\n"                                                            // 17
    "![صورة الخريطة](map.png) <b>نص</b>\n";                         // 18

}  // namespace

TEST_SUITE("markdown_text") {
  TEST_CASE("blocks keep their source lines; syntax, code, HTML and link targets go") {
    std::vector<std::string> lines = lines_of(markdown_as_lines(kDocument));
    REQUIRE(lines.size() == 18);
    CHECK(lines[0] == "نظام المسؤولية المدنية");
    CHECK(lines[2] == "مقدمة عن المسؤولية في النظام السعودي، تمتد على سطرين من المصدر.");
    CHECK(lines[3].empty());
    CHECK(lines[5] == "الفصل الأول");
    CHECK(lines[7] == "بند أول عن التعويض والضرر.");
    CHECK(lines[8] == "بند ثان مع رمز داخلي.");
    CHECK(lines[10] == "اقتباس من نص المادة.");
    CHECK(lines[13].empty());
    CHECK(lines[15].empty());
    CHECK(lines[17] == "صورة الخريطة نص");
    std::string all = markdown_as_lines(kDocument);
    for (const char* hidden : {"secret", "https", "كود", "مخفي", "map.png", "**", "#"})
      CHECK(all.find(hidden) == std::string::npos);
  }

  TEST_CASE("the passages: the first heading is the title, a heading heads what follows") {
    Article a = split_article(markdown_as_lines(kDocument));
    REQUIRE(a.passages.size() == 7);
    CHECK(a.title == "نظام المسؤولية المدنية");
    CHECK(a.passages[1].line == 3);
    CHECK(a.passages[2].is_heading);
    CHECK(a.passages[3].heading == "الفصل الأول");
    CHECK(a.passages[3].line == 8);
  }

  TEST_CASE("Markdown file names") {
    CHECK(is_markdown_file_name("notes.md"));
    CHECK(is_markdown_file_name("README.markdown"));
    CHECK_FALSE(is_markdown_file_name(".md"));
    CHECK_FALSE(is_markdown_file_name("notes.txt"));
    CHECK_FALSE(is_markdown_file_name("notes.mdx"));
  }
}
