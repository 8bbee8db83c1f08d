// Tests of indexer/passages.h: paragraphs, line numbers, titles, headings,
// windows, CRLF and BOM.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "normalizer.h"
#include "passages.h"
#include "tokenizer.h"

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

  TEST_CASE("a line longer than a piece has the windows of the whole line, read in pieces") {
    // Words of varied lengths, runs of spaces and tabs: 200,000 words, ~1.5 MB.
    const char* words[] = {"الصين", "وافقت", "على", "استيراد", "شرائح", "H200", "إنفيديا",
                           "٢٠٢٦", "بكين"};
    std::string line = "  ";
    for (size_t i = 0; i < 200000; ++i)
      line += std::string(words[(i * 7) % 9]) + (i % 13 == 0 ? " \t  " : " ");
    std::string content = "عنوان المقال\n" + line + "\r\nسطر أخير.\n";
    REQUIRE(line.size() > 20 * kMaxLinePieceBytes);

    // The windows of the whole line, as one tokenization of it makes them.
    std::vector<Token> tokens = tokenize(normalize_with_offsets(line));
    std::vector<std::string> expected;
    for (size_t first = 0; first < tokens.size(); first += kMaxPassageWords) {
      size_t last = std::min(first + kMaxPassageWords, tokens.size()) - 1;
      size_t begin = first == 0 ? 0 : tokens[first].original_begin;
      size_t stop = last + 1 == tokens.size() ? line.size() : tokens[last + 1].original_begin;
      expected.push_back(line.substr(begin, stop - begin));
    }
    Article a = split_article(content);
    REQUIRE(a.passages.size() == expected.size() + 2);
    size_t offset = std::string("عنوان المقال\n").size();
    for (size_t i = 0; i < expected.size(); ++i) {
      const Passage& p = a.passages[i + 1];
      CHECK(p.line == 2);
      CHECK(p.window == i);
      CHECK(p.text == expected[i]);
      CHECK(content.substr(p.offset, p.text.size()) == p.text);
      CHECK(p.offset >= offset);
    }
    CHECK(a.passages.back().line == 3);
    CHECK(a.passages.back().text == "سطر أخير.");
  }

  TEST_CASE("a reader hands passages over a few at a time, and a giant word in bounded windows") {
    std::string word(5 * kMaxLinePieceBytes, 'k');
    std::string content = "عنوان\n" + word + "\nفقرة بعدها.\n";
    PassageReader reader(std::make_unique<std::istringstream>(content));
    std::vector<Passage> got;
    CHECK(reader.read(1, got));
    CHECK(got.size() == 1);
    CHECK(reader.title() == "عنوان");
    CHECK(reader.title_line() == 1);
    CHECK_FALSE(reader.finished());
    while (reader.read(2, got)) {
    }
    CHECK(reader.finished());
    REQUIRE(got.size() >= 4);
    std::string joined;
    for (size_t i = 1; i + 1 < got.size(); ++i) {
      CHECK(got[i].line == 2);
      CHECK(got[i].text.size() <= 3 * kMaxLinePieceBytes);
      joined += got[i].text;
    }
    CHECK(joined == word);
    CHECK(got.back().text == "فقرة بعدها.");
  }
}
