// Tests of indexer/passage_document.h: the stored passage data round-trips.
#include <doctest/doctest.h>

#include <stdexcept>

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
}
