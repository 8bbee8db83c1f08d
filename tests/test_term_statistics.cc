// Tests of searcher/match/term_statistics.h: the index's answers about terms and
// the stems under a phonetic key, remembered until forgotten.
#include <doctest/doctest.h>

#include "key_vocabulary.h"
#include "term_documents.h"
#include "term_statistics.h"

using namespace fahras;

namespace {

// A passage holding `terms` whose words put `stem` under the key TRMB, as the
// batch writer would count it.
void add_passage(Xapian::WritableDatabase& db, std::initializer_list<const char*> terms,
                 const char* stem) {
  KeyVocabularyChanges vocabulary;
  vocabulary.count({{"TRMB", stem}}, +1);
  vocabulary.apply(db);
  testing::add_terms(db, terms);
}

}  // namespace

TEST_SUITE("term_statistics") {
  TEST_CASE("frequencies and a key's stems are the index's, and stay those of its revision") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    add_passage(db, {"Zصين", "Zترامب"}, "ترامب");
    add_passage(db, {"Zصين", "Zترمب"}, "ترمب");
    TermStatistics statistics(db);
    CHECK(statistics.termfreq("Zصين") == 2);
    CHECK(statistics.termfreq("Zبكين") == 0);
    CHECK(statistics.stems_with_key("TRMB") == std::vector<std::string>{"ترامب", "ترمب"});
    CHECK(statistics.stems_with_key("NFD").empty());

    add_passage(db, {"Zصين", "Zبكين", "Ztrump"}, "trump");
    // Remembered: the revision the answers were read from.
    CHECK(statistics.termfreq("Zصين") == 2);
    CHECK(statistics.termfreq("Zبكين") == 0);
    CHECK(statistics.stems_with_key("TRMB").size() == 2);
    statistics.forget();
    CHECK(statistics.termfreq("Zصين") == 3);
    CHECK(statistics.termfreq("Zبكين") == 1);
    CHECK(statistics.stems_with_key("TRMB") == std::vector<std::string>{"trump", "ترامب", "ترمب"});
  }

  TEST_CASE("forget_terms() forgets what added terms change, and every key's stems") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    add_passage(db, {"Zصين", "Zبكين", "Zترامب"}, "ترامب");
    TermStatistics statistics(db);
    CHECK(statistics.termfreq("Zصين") == 1);
    CHECK(statistics.termfreq("Zبكين") == 1);
    CHECK(statistics.stems_with_key("TRMB").size() == 1);
    add_passage(db, {"Zصين", "Zترمب", "Zبكين"}, "ترمب");
    // Told only of Zصين and Zترمب: Zبكين's old answer stays.
    statistics.forget_terms({"Zصين", "Zترمب"});
    CHECK(statistics.termfreq("Zصين") == 2);
    CHECK(statistics.termfreq("Zبكين") == 1);
    CHECK(statistics.stems_with_key("TRMB") == std::vector<std::string>{"ترامب", "ترمب"});
  }
}
