// Tests of indexer/passage_document.h: the stored passage data round-trips.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <stdexcept>

#include "fahras/schema.h"
#include "passage_document.h"

using namespace fahras;

TEST_SUITE("passage_document") {
  TEST_CASE("passage data round-trips through its JSON, every field") {
    PassageData d;
    d.file = "000_0fdb8642d30cb6d2.txt";
    d.line = 3;
    d.window = 2;
    d.offset = 1200;
    d.title = "موافقة صينية بعد زيارة جنسن هوانغ";
    d.heading = "مناقشات حول بيع رقائق H200";
    d.text = "وافقت السلطات \"الصينية\" على استيراد\nشرائح H200";
    d.url = "https://example.com/a?b=1";
    d.date = "2026-01-14";
    PassageData back = PassageData::from_json(d.to_json());
    CHECK(back.file == d.file);
    CHECK(back.line == d.line);
    CHECK(back.window == d.window);
    CHECK(back.offset == d.offset);
    CHECK(back.title == d.title);
    CHECK(back.heading == d.heading);
    CHECK(back.text == d.text);
    CHECK(back.url == d.url);
    CHECK(back.date == d.date);
    // What a frame holds leaves out what the index keeps once elsewhere.
    PassageData stored = PassageData::from_json(d.to_stored_json());
    CHECK(stored.file.empty());
    CHECK(stored.title.empty());
    CHECK(stored.heading == d.heading);
    CHECK(stored.text == d.text);
    CHECK(stored.offset == d.offset);
  }
  TEST_CASE("the JSON is nlohmann::json's, byte for byte, whatever the strings hold") {
    // Written directly; nlohmann::json (members by name, invalid UTF-8
    // replaced) is the reference.
    auto reference = [](const PassageData& d, bool with_file_and_title) {
      nlohmann::json j = nlohmann::json::object();
      auto set_if = [&](const char* name, const std::string& value, bool wanted) {
        if (wanted) j[name] = value;
      };
      set_if("date", d.date, !d.date.empty());
      set_if("file", d.file, with_file_and_title);
      set_if("heading", d.heading, true);
      j["line"] = d.line;
      j["offset"] = d.offset;
      set_if("place", d.place, !d.place.empty());
      set_if("text", d.text, true);
      set_if("title", d.title, with_file_and_title);
      set_if("url", d.url, !d.url.empty());
      j["window"] = d.window;
      return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    const std::vector<std::string> pieces = {
        "الصين", " ",    "\"", "\\",   "\n",   "\t", std::string(1, '\0'),
        "\x1f",  "H200", "é",  "\xD8", "\xFF", "/",  "\u2028"};
    std::mt19937 random(28);
    auto some_text = [&] {
      std::string text;
      for (size_t k = random() % 6; k > 0; --k) text += pieces[random() % pieces.size()];
      return text;
    };
    for (int round = 0; round < 3000; ++round) {
      PassageData d{some_text(),
                    static_cast<uint32_t>(random()),
                    static_cast<uint32_t>(random() % 4),
                    random(),
                    some_text(),
                    some_text(),
                    some_text(),
                    some_text(),
                    some_text(),
                    some_text()};
      CHECK(d.to_json() == reference(d, true));
      CHECK(d.to_stored_json() == reference(d, false));
    }
  }

  TEST_CASE("unknown keys are skipped; missing required fields or bad JSON throw") {
    PassageData d = PassageData::from_json(
        R"({"file":"a.txt","extra":{"text":"nested"},"line":7,"tags":["x"],"text":"الصين"})");
    CHECK(d.file == "a.txt");
    CHECK(d.line == 7);
    CHECK(d.text == "الصين");
    CHECK(d.url.empty());
    CHECK_THROWS_AS(PassageData::from_json(R"({"file":"a.txt","line":7})"), std::runtime_error);
    CHECK_THROWS(PassageData::from_json("{\"file\":"));
  }

  TEST_CASE("a passage's data is stored compressed in its value slot, and read from any form") {
    Article article = split_article(
        "شرائح إنفيديا\nوافقت الصين على استيراد شرائح H200، وقالت الشركة إن الموافقة "
        "تشمل مئات الآلاف من الشرائح التي تصنعها الشركة الأمريكية للعملاء الصينيين.\n");
    REQUIRE(article.passages.size() == 2);
    PassageDocumentBuilder builder;
    size_t long_words = 0;
    PassageDocument title = builder.build("a.txt", article, article.passages[0], long_words);
    PassageDocument body = builder.build("a.txt", article, article.passages[1], long_words);
    // The title goes to the writer once, with the title passage; no passage
    // stores it, nor the file (the location value names it).
    CHECK(title.article_title == "شرائح إنفيديا");
    CHECK(body.article_title.empty());
    Xapian::Document doc = body.document;
    CHECK(doc.get_data().empty());
    std::string stored = doc.get_value(schema::kSlotPassageData);
    PassageData data = passage_data_of(doc);
    CHECK(data.file == "a.txt");
    CHECK(data.line == 2);
    CHECK(data.title.empty());
    CHECK(decompress_passage_frame(stored).find("\"title\"") == std::string::npos);
    CHECK(decompress_passage_frame(stored).find("a.txt") == std::string::npos);
    CHECK(data.text.rfind("وافقت الصين على استيراد شرائح H200،", 0) == 0);
    CHECK(stored.size() < data.to_json().size() * 3 / 4);  // a zstd frame, not the JSON
    CHECK(stored.rfind("\x28\xB5\x2F\xFD", 0) == 0);
    // As indexed before: the JSON itself in the slot, or as the document data.
    Xapian::Document plain;
    plain.add_value(schema::kSlotPassageData, data.to_json());
    CHECK(passage_data_of(plain).text == data.text);
    Xapian::Document old;
    old.set_data(data.to_json());
    CHECK(passage_data_of(old).text == data.text);
    // A damaged frame is an error, never a crash.
    Xapian::Document damaged;
    damaged.add_value(schema::kSlotPassageData, stored.substr(0, stored.size() / 2));
    CHECK_THROWS_AS(passage_data_of(damaged), std::runtime_error);
  }
  TEST_CASE("a word is indexed under its stem and its other reading") {
    Article article = split_article("عنوان\nأعلن الرئيس سياسته بشراء شرائح إنفيديا.\n");
    PassageDocumentBuilder builder;
    size_t long_words = 0;
    Xapian::Document doc =
        builder.build("a.txt", article, article.passages[1], long_words).document;
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    CHECK(terms.count("Zسياست"));  // the stem: ته may be a radical ت and ة
    CHECK(terms.count("Zسياس"));   // the reading سياسة + ه
    CHECK(terms.count("Zشراء"));   // بشراء: ب as a clitic
    CHECK(terms.count("Zبشراء"));
  }

  TEST_CASE("a passage holding a year is indexed as holding a number and a year") {
    Article article = split_article("عنوان\nولد عام ١٩٥٨ في المدينة.\nله 3 إخوة.\nلا رقم هنا.\n");
    PassageDocumentBuilder builder;
    size_t long_words = 0;
    auto terms_of = [&](size_t passage) {
      Xapian::Document doc =
          builder.build("a.txt", article, article.passages[passage], long_words).document;
      return std::set<std::string>(doc.termlist_begin(), doc.termlist_end());
    };
    std::string number(schema::kHoldsNumberTerm), year(schema::kHoldsYearTerm);
    CHECK(terms_of(1).count(number));
    CHECK(terms_of(1).count(year));
    CHECK(terms_of(2).count(number));
    CHECK_FALSE(terms_of(2).count(year));
    CHECK_FALSE(terms_of(3).count(number));
  }

  TEST_CASE("an article read in batches: only its title passage is the title, in every batch") {
    std::string text = "عنوان المقال الطويل\n";
    for (size_t i = 0; i < 2 * kPassagesPerAdd + 10; ++i)
      text += "فقرة رقم " + std::to_string(i) + " عن الصين.\n";
    ArticleCursor at = cursor_over(text);
    PassageDocumentBuilder builder;
    size_t with_title_terms = 0, documents = 0, batches = 0;
    while (!at.finished()) {
      ++batches;
      for (const PassageDocument& d : builder.build_next("long.txt", at)) {
        ++documents;
        auto t = d.document.termlist_begin();
        t.skip_to(std::string(schema::kTitlePrefix));
        if (t != d.document.termlist_end() && (*t).rfind(std::string(schema::kTitlePrefix), 0) == 0)
          ++with_title_terms;
      }
    }
    CHECK(batches == 3);
    CHECK(documents == 2 * kPassagesPerAdd + 11);
    CHECK(at.passages == documents);
    CHECK(with_title_terms == 1);
  }
}
