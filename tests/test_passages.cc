// Tests of indexer/passages.h: paragraphs, line numbers, titles, headings,
// windows, CRLF and BOM.
#include <doctest/doctest.h>

#include <fstream>

#include "passages.h"

using namespace fahras;

TEST_SUITE("passages") {
  TEST_CASE("paragraphs are non-empty lines with words, numbered physically") {
    Article a = split_article(
        "العنوان الأول للمقال\n\n-\nفقرة أولى طويلة بما يكفي لتكون فقرة عادية.\n\nفقرة ثانية.\n");
    REQUIRE(a.passages.size() == 3);
    CHECK(a.title == "العنوان الأول للمقال");
    CHECK(a.passages[0].line == 1);
    CHECK(a.passages[1].line == 4);
    CHECK(a.passages[2].line == 6);
  }
  TEST_CASE("headings are short lines that do not end like sentences") {
    Article a = split_article(
        "عنوان\nموافقة صينية بعد زيارة جنسن هوانغ\nوافقت السلطات على الاستيراد.\nقال: نعم.\n");
    REQUIRE(a.passages.size() == 4);
    CHECK(a.passages[1].is_heading);
    CHECK(a.passages[2].heading == "موافقة صينية بعد زيارة جنسن هوانغ");
    CHECK_FALSE(a.passages[3].is_heading);
  }
  TEST_CASE("CRLF and a BOM; offsets index the file") {
    std::string content = "\xEF\xBB\xBFعنوان\r\nفقرة عن الصين.\r\n";
    Article a = split_article(content);
    REQUIRE(a.passages.size() == 2);
    CHECK(a.title == "عنوان");
    CHECK(a.passages[1].text == "فقرة عن الصين.");
    CHECK(content.substr(a.passages[1].offset, a.passages[1].text.size()) == a.passages[1].text);
  }
  TEST_CASE("a very long line becomes windows on the same line") {
    std::string line;
    for (int i = 0; i < 1000; ++i) line += "كلمة ";
    Article a = split_article("عنوان\n" + line + "\n");
    REQUIRE(a.passages.size() == 1 + (1000 + kMaxPassageWords - 1) / kMaxPassageWords);
    for (size_t i = 1; i < a.passages.size(); ++i) {
      CHECK(a.passages[i].line == 2);
      CHECK(a.passages[i].window == i - 1);
    }
  }
  TEST_CASE("the corpus article 000 splits into its paragraphs") {
    std::ifstream in(std::string(FAHRAS_TEST_DATA_DIR) + "/../../corpus/000_0fdb8642d30cb6d2.txt");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    Article a = split_article(text);
    CHECK(a.passages.size() >= 15);
    CHECK(a.passages[1].is_heading);  // موافقة صينية بعد زيارة جنسن هوانغ
    CHECK(a.passages[2].heading == a.passages[1].text);
  }
  TEST_CASE("a file that is one long paragraph: its windows store a bounded title") {
    // The first line of the corpus article, repeated: 30,000 words, no line end.
    std::ifstream in(std::string(FAHRAS_TEST_DATA_DIR) + "/../../corpus/000_0fdb8642d30cb6d2.txt");
    std::string first_line;
    std::getline(in, first_line);
    std::string text;
    while (text.size() < 400000) text += first_line + " ";
    Article a = split_article(text);
    REQUIRE(a.passages.size() > 100);
    CHECK(a.title.size() <= kMaxTitleBytes);
    CHECK(a.title.size() > kMaxTitleBytes / 2);
    CHECK(a.title.rfind("…") == a.title.size() - std::string("…").size());
    CHECK(text.rfind(a.title.substr(0, a.title.size() - std::string("…").size()), 0) == 0);
    CHECK(bounded_title(first_line) == first_line);  // a title that fits is kept whole
    // A line without spaces is cut at a character boundary.
    std::string letters;
    while (letters.size() < 3000) letters += "شرائح";
    std::string cut = bounded_title(letters);
    CHECK(cut.size() <= kMaxTitleBytes);
    CHECK(letters.rfind(cut.substr(0, cut.size() - std::string("…").size()), 0) == 0);
    CHECK(cut.size() % 2 == 1);  // two-byte letters, then the three bytes of "…"
  }
}
