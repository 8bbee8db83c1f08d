// Tests of searcher/present/result_format.h: the search answer's JSON written
// directly is byte for byte what nlohmann::json writes from to_json().
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "result_format.h"

using namespace fahras;

namespace {

std::string through_nlohmann(const Results& results, bool with_profile) {
  nlohmann::json body = to_json(results);
  if (with_profile) body["profile"] = profile_json(results);
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Match hit(size_t rank, double score, const std::string& text) {
  Match m;
  m.rank = rank;
  m.score = score;
  m.id = "arwiki_4287.txt";
  m.line = 54;
  m.title = "القاهرة";
  m.text = text;
  m.snippet = "…<b>القاهرة</b> القديمة";
  m.highlights = {{7, 21}, {172, 182}};
  return m;
}

Results answer() {
  Results r;
  r.query = "متى تأسست جامعة القاهرة";
  r.total = 1234;
  r.took_ms = 1.23456;
  r.matches.push_back(hit(1, 18.68774, "تعد القاهرة القديمة إحدى أقدم مدن العالم الإسلاميّة"));
  r.matches.push_back(hit(2, 12.0, "سنة 1908 \"جامعة\" \\ القاهرة\tالأهلية\nثم\r\b\f\x01\x1f\x7f"));
  r.stages = {{"plan", 0.0914}, {"match", 0.1651}, {"fetch", 0.00004}};
  return r;
}

}  // namespace

TEST_SUITE("result_format") {
  TEST_CASE("an answer with Arabic text, escapes, control characters and round scores") {
    Results r = answer();
    for (bool profile : {false, true}) {
      CAPTURE(profile);
      CHECK(search_json_text(r, profile) == through_nlohmann(r, profile));
    }
    CHECK(nlohmann::json::parse(search_json_text(r, false))["hits"][1]["text"] ==
          r.matches[1].text);
  }

  TEST_CASE("optional fields: suggestion, notices, url, date, place, a file name of other bytes") {
    Results r = answer();
    r.suggestion = "جامعة القاهرة";
    r.total_is_estimate = true;
    r.notices = {"الاستعلام طويل: قُصّ إلى 64 كلمة", "wildcard \"ال*\" limited"};
    r.matches[0].url = "https://ar.wikipedia.org/wiki/القاهرة";
    r.matches[0].date = "2025-12-09";
    r.matches[1].place = "p3:2";
    r.matches[1].id = "\xC8\xE3\xE6.txt";  // Windows-1256 bytes: not UTF-8
    r.matches[1].window = 2;
    r.matches[1].highlights.clear();
    CHECK(search_json_text(r, true) == through_nlohmann(r, true));
    r.matches.clear();
    r.total = 0;
    CHECK(search_json_text(r, false) == through_nlohmann(r, false));
  }

  TEST_CASE("every byte to escape, at every offset of an eight-byte word") {
    // Strings are scanned eight bytes at a time: each escape lands in each
    // place of a word, beside Arabic letters, and in the bytes after the last
    // whole word.
    Results r = answer();
    const std::string escapes[] = {"\"", "\\", "\n", "\t", "\x01", "\x1f", std::string(1, '\0')};
    for (const std::string& escape : escapes)
      for (size_t offset = 0; offset < 19; ++offset) {
        std::string text = std::string(offset % 2, 'a');  // whole letters only: valid UTF-8
        for (size_t k = 0; k < offset / 2; ++k) text += "ج";
        text += escape + "نص";
        r.matches[0].text = text;
        CAPTURE(offset);
        CHECK(search_json_text(r, false) == through_nlohmann(r, false));
      }
  }

  TEST_CASE("invalid UTF-8 in a passage is replaced as nlohmann::json replaces it") {
    Results r = answer();
    r.matches[0].text = "القاهرة \xD9 \xFF\xFE نص";
    r.query = "\xE2\x82";
    std::string text = search_json_text(r, false);
    CHECK(text == through_nlohmann(r, false));
    CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
  }
}
