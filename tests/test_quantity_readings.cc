// Tests of searcher/query/quantity_readings.h: the writings of a quantity, and a
// query's quantities rewritten as an index of corpus/ writes them.
#include <doctest/doctest.h>

#include <algorithm>

#include "corpus_index.h"
#include "e2e_support.h"
#include "fahras/fahras.h"
#include "normalizer.h"
#include "quantity_readings.h"

using namespace fahras;

using testing::CorpusIndex;

namespace {
bool has_writing(const std::string& value, const std::vector<std::string>& writing) {
  auto writings = quantity_writings(value);
  return std::find(writings.begin(), writings.end(), writing) != writings.end();
}
}  // namespace

TEST_SUITE("quantity_readings") {
  TEST_CASE("numbers and scale words are quantity words") {
    CHECK(is_quantity_word("الف"));
    CHECK(is_quantity_word("مليوني"));
    CHECK(is_quantity_word("700"));
    CHECK_FALSE(is_quantity_word("الصين"));
  }

  TEST_CASE("a value's writings: digits, dots between thousands, scale words") {
    CHECK(has_writing("700000", {"700000"}));
    CHECK(has_writing("700000", {"700.000"}));
    CHECK(has_writing("700000", {"700", "الف"}));
    CHECK(has_writing("700000", {"700", "thousand"}));
    CHECK(has_writing("14000000000", {"14", "مليار"}));
    CHECK(has_writing("14000000000", {"14", "مليارا"}));  // accusative after 11 to 99
    CHECK(has_writing("14000000000", {"14000", "مليون"}));
    CHECK(has_writing("1500000", {"1.5", "مليون"}));
    CHECK(has_writing("3000", {"3", "الاف"}));  // plural after 3 to 10
    CHECK(has_writing("2000000", {"مليوني"}));  // dual
    CHECK_FALSE(has_writing("700000", {"700", "الاف"}));
    CHECK_FALSE(has_writing("2026", {"2.026", "الف"}));  // not how a year is written
    CHECK_FALSE(has_writing("200", {"0.2", "الف"}));
    CHECK(quantity_writings("").empty());
    CHECK(quantity_writings("h200").empty());
  }

  TEST_CASE("numbers in words: hundreds, tens, and units before a scale word") {
    CHECK(is_quantity_word(normalize("خمسمائة")));
    CHECK(is_quantity_word(normalize("عشرين")));
    CHECK_FALSE(is_quantity_word(normalize("خمسة")));  // a unit alone is a word too
    CHECK(has_writing("500000", {normalize("خمسمائة"), "الف"}));
    CHECK(has_writing("500000", {normalize("خمسمئة"), "الف"}));
    CHECK(has_writing("3000", {normalize("ثلاثة"), normalize("آلاف")}));
    CHECK(has_writing("200", {normalize("مائتا")}));
    CHECK(has_writing("20000", {normalize("عشرين"), normalize("ألفا")}));
    CHECK_FALSE(has_writing("500", {normalize("خمسة")}));
  }

  TEST_CASE("a quantity in words finds its digits, and the other way round") {
    e2e::TempDir tmp;
    std::string path = (tmp.path / "db").string();
    {
      Index index(path, Index::kWritable);
      index.put({"a.txt", "نظام", "يعاقب بغرامة لا تزيد على خمسمائة ألف ريال\nوغرامة 3000 ريال", "", ""});
      index.put({"b.txt", "نظام", "غرامة مالية قدرها 500000 ريال\nثم مائتا ريال", "", ""});
      index.commit();
    }
    Xapian::Database db(path);
    TermStatistics statistics(db);
    CHECK(read_quantities(normalize("500 ألف ريال"), statistics) ==
          "(500000 OR \"" + normalize("خمسمائة") + " الف\") ريال");
    CHECK(read_quantities(normalize("خمسمائة ألف ريال"), statistics) ==
          "(500000 OR \"" + normalize("خمسمائة") + " الف\") ريال");
    CHECK(read_quantities(normalize("ثلاثة آلاف ريال"), statistics) == "3000 ريال");
    CHECK(read_quantities("200 ريال", statistics) == "\"" + normalize("مائتا") + "\" ريال");
    CHECK(read_quantities(normalize("خمسة كتب"), statistics) == normalize("خمسة كتب"));
  }

  TEST_CASE("a quantity typed one way is read as the index writes it") {
    CorpusIndex index;
    TermStatistics statistics(index.db);
    // The articles write 700,000 (indexed 700000), 400000, 14 مليار, مليوني.
    CHECK(read_quantities("700 الف وحده", statistics) == "700000 وحده");
    CHECK(read_quantities("400.000 رقاقه", statistics) == "400000 رقاقه");
    CHECK(read_quantities("400 thousand", statistics) == "400000");
    CHECK(read_quantities("14000000000 دولار", statistics) == "\"14 مليار\" دولار");
    CHECK(read_quantities("14 billion", statistics) == "\"14 مليار\"");
    CHECK(read_quantities("2 مليون", statistics) == "\"مليوني\"");  // as written, not stemmed
  }

  TEST_CASE("quantities the index writes as typed, or not at all, stay as typed") {
    CorpusIndex index;
    TermStatistics statistics(index.db);
    CHECK(read_quantities("14 مليار دولار", statistics) == "14 مليار دولار");
    CHECK(read_quantities("700000", statistics) == "700000");
    CHECK(read_quantities("2026 h200", statistics) == "2026 h200");
    CHECK(read_quantities("555 الف", statistics) == "555 الف");
    CHECK(read_quantities("3.5 نانومتر", statistics) == "3.5 نانومتر");
    // Brackets stay around the writings; a sign binds one term, so several
    // writings behind it stay as typed.
    CHECK(read_quantities("(700 الف)", statistics) == "(700000)");
    CHECK(read_quantities("-700 الف", statistics) == "-700000");
    CHECK(read_quantities("(14000000000 OR h200)", statistics) == "(\"14 مليار\" OR h200)");
    // Inside a quoted phrase the words match as written.
    CHECK(read_quantities("\"لديها 700 الف\" وحده", statistics) == "\"لديها 700 الف\" وحده");
  }
}
