// Tests of searcher/term_statistics.h: the index's answers about terms,
// remembered until forget().
#include <doctest/doctest.h>

#include "term_documents.h"
#include "term_statistics.h"

using namespace fahras;

TEST_SUITE("term_statistics") {
  TEST_CASE("frequencies and prefixed terms are the index's, and stay those of its revision") {
    Xapian::WritableDatabase db = Xapian::InMemory::open();
    auto add = [&](std::initializer_list<const char*> terms) {
      return testing::add_terms(db, terms);
    };
    add({"Zصين", "XTRMB:ترامب"});
    add({"Zصين", "XTRMB:ترمب"});
    TermStatistics statistics(db);
    CHECK(statistics.termfreq("Zصين") == 2);
    CHECK(statistics.termfreq("Zبكين") == 0);
    CHECK(statistics.terms_with_prefix("XTRMB:") ==
          std::vector<std::string>{"XTRMB:ترامب", "XTRMB:ترمب"});
    CHECK(statistics.terms_with_prefix("XNFD:").empty());

    add({"Zصين", "Zبكين", "XTRMB:trump"});
    // Remembered: the revision the answers were read from.
    CHECK(statistics.termfreq("Zصين") == 2);
    CHECK(statistics.termfreq("Zبكين") == 0);
    CHECK(statistics.terms_with_prefix("XTRMB:").size() == 2);
    statistics.forget();
    CHECK(statistics.termfreq("Zصين") == 3);
    CHECK(statistics.termfreq("Zبكين") == 1);
    CHECK(statistics.terms_with_prefix("XTRMB:") ==
          std::vector<std::string>{"XTRMB:trump", "XTRMB:ترامب", "XTRMB:ترمب"});
  }

  TEST_CASE("forget_terms() forgets what added terms change, and only that") {
    Xapian::WritableDatabase db = Xapian::InMemory::open();
    testing::add_terms(db, {"Zصين", "Zبكين", "XTRMB:ترامب"});
    TermStatistics statistics(db);
    CHECK(statistics.termfreq("Zصين") == 1);
    CHECK(statistics.termfreq("Zبكين") == 1);
    CHECK(statistics.terms_with_prefix("XTRMB:").size() == 1);
    CHECK(statistics.terms_with_prefix("XNFD:").empty());
    testing::add_terms(db, {"Zصين", "XTRMB:ترمب", "Zبكين"});
    // Told only of Zصين and XTRMB:ترمب: Zبكين's old answer stays.
    statistics.forget_terms({"Zصين", "XTRMB:ترمب"});
    CHECK(statistics.termfreq("Zصين") == 2);
    CHECK(statistics.termfreq("Zبكين") == 1);
    CHECK(statistics.terms_with_prefix("XTRMB:") ==
          std::vector<std::string>{"XTRMB:ترامب", "XTRMB:ترمب"});
    CHECK(statistics.terms_with_prefix("XNFD:").empty());
  }
}
