// End-to-end: a query finds what its user means however it was typed. Each
// development query (tests/data/eval-dev), retyped the ways people type
// Arabic, ranks the same passages in the same order as typed by the judges.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "e2e_support.h"
#include "searcher.h"
#include "utf8.h"

using namespace fahras;
using namespace fahras::e2e;

namespace {

std::vector<std::string> development_queries() {
  std::ifstream in(std::string(FAHRAS_EVAL_DIR) + "/queries.tsv");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string id, query;
    if (std::getline(fields, id, '\t') && std::getline(fields, query, '\t'))
      queries.push_back(query);
  }
  return queries;
}

bool is_arabic_letter(char32_t c) { return c >= 0x0621 && c <= 0x064A; }

// Replaces each letter `from` with `to`; with `word_final`, only at a word's end.
std::string replace_letter(const std::string& s, char32_t from, char32_t to,
                           bool word_final = false) {
  std::u32string w = to_utf32(s);
  for (size_t i = 0; i < w.size(); ++i)
    if (w[i] == from && (!word_final || i + 1 == w.size() || w[i + 1] == U' ')) w[i] = to;
  return to_utf8(w);
}

// Inserts `mark` after Arabic letters: all of them, or only each word's first.
std::string insert_after_letters(const std::string& s, char32_t mark, bool first_only) {
  std::u32string w = to_utf32(s), out;
  for (size_t i = 0; i < w.size(); ++i) {
    out += w[i];
    bool word_start = i == 0 || w[i - 1] == U' ';
    bool more_letters = i + 1 < w.size() && is_arabic_letter(w[i + 1]);
    if (is_arabic_letter(w[i]) && more_letters && (!first_only || word_start)) out += mark;
  }
  return to_utf8(out);
}

std::string arabic_indic_digits(const std::string& s) {
  std::u32string w = to_utf32(s);
  for (char32_t& c : w)
    if (c >= U'0' && c <= U'9') c = U'\u0660' + (c - U'0');
  return to_utf8(w);
}

// The ways people type what the judges typed.
std::vector<std::pair<std::string, std::string>> retyped(const std::string& q) {
  std::string bare =
      replace_letter(replace_letter(replace_letter(q, U'\u0623', U'\u0627'), U'\u0625', U'\u0627'),
                     U'\u0622', U'\u0627');
  return {{"bare alef", bare},
          {"ه for final ة", replace_letter(q, U'\u0629', U'\u0647', true)},
          {"ى for final ي", replace_letter(q, U'\u064A', U'\u0649', true)},
          {"tatweel", insert_after_letters(q, U'\u0640', true)},
          {"harakat", insert_after_letters(q, U'\u064E', false)},
          {"Arabic-Indic digits", arabic_indic_digits(q)},
          {"hamza seats left bare",
           replace_letter(replace_letter(q, U'\u0626', U'\u064A'), U'\u0624', U'\u0648')}};
}

std::vector<std::string> ranked(Searcher& searcher, const std::string& query) {
  std::vector<std::string> out;
  for (const Hit& h : searcher.search(query).hits)
    out.push_back(h.file + ":" + std::to_string(h.line));
  return out;
}

}  // namespace

TEST_SUITE("e2e_typing") {
  TEST_CASE("every development query, retyped, ranks as typed by the judges") {
    TempDir dir;
    fs::path db = dir.path / "db";
    RunResult r =
        run(std::string(FAHRAS_INDEX_BIN) + " -q --db " + quote(db) + " " + FAHRAS_CORPUS_DIR);
    REQUIRE_MESSAGE(r.status == 0, r.out);
    Searcher searcher({db.string()});
    std::vector<std::string> queries = development_queries();
    REQUIRE(queries.size() >= 15);
    size_t variants = 0;
    for (const std::string& query : queries) {
      std::vector<std::string> expected = ranked(searcher, query);
      REQUIRE_FALSE(expected.empty());
      for (const auto& [how, typed] : retyped(query)) {
        if (typed == query) continue;
        ++variants;
        CHECK_MESSAGE(ranked(searcher, typed) == expected, how, ": ", typed);
      }
    }
    CHECK(variants >= 40);
  }
}
