// Tests of searcher/spelling_suggester.h: "did you mean" from the spelling
// table of the real corpus, against Xapian's own suggester.
#include <doctest/doctest.h>

#include "corpus_index.h"
#include "normalizer.h"
#include "spelling_suggester.h"

using namespace fahras;

TEST_SUITE("spelling_suggester") {
  TEST_CASE("real misspellings of the corpus's words: the word meant, as Xapian finds it") {
    testing::CorpusIndex index;
    SpellingSuggester suggester;
    // The first questions go to Xapian; the table is built after them.
    for (size_t i = 0; i < kQuestionsBeforeTable; ++i)
      CHECK(suggester.suggest(index.db, normalize("الرقايق")) == normalize("الرقائق"));
    CHECK(suggester.size() == 0);
    struct Case {
      const char* typed;
      const char* meant;
      const char* kind;
    };
    const Case cases[] = {
        {"الرقايق", "الرقائق", "hamza on another seat"},
        {"الصينيه", "", "in the table itself (ة is normalized to ه)"},
        {"استرتيجية", "استراتيجية", "a dropped letter"},
        {"الحكوممة", "الحكومة", "a doubled letter"},
        {"الشرمات", "الشركات", "a wrong letter"},
        {"الشكرات", "الشركات", "two letters swapped"},
        {"انفيدييا", "انفيديا", "a letter too many"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.kind);
      std::string typed = normalize(c.typed), meant = normalize(c.meant);
      std::string ours = suggester.suggest(index.db, typed);
      CHECK(ours == meant);
      std::string xapians = index.db.get_spelling_suggestion(typed, kMaxSuggestionEdits);
      if (!meant.empty()) CHECK(ours == xapians);
    }
    CHECK(suggester.size() > 1000);
    CHECK(suggester.suggest(index.db, "xyzzyqqq").empty());
    CHECK(suggester.suggest(index.db, "").empty());
    suggester.forget();
    CHECK(suggester.size() == 0);
  }

  TEST_CASE("two edits when one is a letter too many in the query") {
    e2e::TempDir dir;  // (the in-memory backend has no spelling table)
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE);
    for (const char* w : {"اللاعبين", "اللاعب", "المباريات"}) db.add_spelling(normalize(w), 3);
    db.add_spelling(normalize("الاعبين"), 1);  // one edit away: wins over two
    SpellingSuggester suggester;
    // The table as the database holds it now (the first questions go to Xapian).
    auto reread = [&] {
      suggester.forget();
      for (size_t i = 0; i < kQuestionsBeforeTable; ++i) suggester.suggest(db, "warm");
    };
    reread();
    CHECK(suggester.suggest(db, normalize("الاعيبين")) == normalize("الاعبين"));
    db.remove_spelling(normalize("الاعبين"), 1);
    reread();
    CHECK(suggester.suggest(db, normalize("الاعيبين")) == normalize("اللاعبين"));
    // The most frequent of two words at one edit: المباريات (3) over
    // المباراه (1), until المباراة (normalized to the same word) makes it 6.
    db.add_spelling(normalize("المباراه"), 1);
    reread();
    CHECK(suggester.suggest(db, normalize("المبارات")) == normalize("المباريات"));
    db.add_spelling(normalize("المباراة"), 5);
    reread();
    CHECK(suggester.suggest(db, normalize("المبارات")) == normalize("المباراه"));
  }

  TEST_CASE("the table follows the words a commit changed, without being built again") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE);
    for (const char* w : {"الشركات", "الحكومة", "استراتيجية"}) db.add_spelling(normalize(w), 2);
    db.commit();
    SpellingSuggester suggester;
    for (size_t i = 0; i < kQuestionsBeforeTable; ++i) suggester.suggest(db, "warm");
    CHECK(suggester.suggest(db, normalize("الرقايق")).empty());
    size_t built = suggester.size();
    REQUIRE(built == 3);
    // A commit adds الرقائق and removes الحكومة.
    db.add_spelling(normalize("الرقائق"), 1);
    db.remove_spelling(normalize("الحكومة"), 2);
    db.commit();
    CHECK(suggester.suggest(db, normalize("الرقايق")).empty());  // not told yet
    suggester.follow(db, {normalize("الرقائق"), normalize("الحكومة"), "Zرقائق", "في"});
    CHECK(suggester.size() == built + 1);
    CHECK(suggester.suggest(db, normalize("الرقايق")) == normalize("الرقائق"));
    CHECK(suggester.suggest(db, normalize("الحكوممة")).empty());
    // Equal distance and frequency: the first in byte order, added or not.
    db.add_spelling(normalize("الشرطات"), 2);
    db.commit();
    suggester.follow(db, {normalize("الشرطات")});
    CHECK(suggester.suggest(db, normalize("الشرمات")) ==
          std::min(normalize("الشركات"), normalize("الشرطات")));
    // And back: the word returns.
    db.add_spelling(normalize("الحكومة"), 1);
    db.commit();
    suggester.follow(db, {normalize("الحكومة")});
    CHECK(suggester.suggest(db, normalize("الحكوممة")) == normalize("الحكومة"));
    CHECK(suggester.size() == built + 2);
  }
}
