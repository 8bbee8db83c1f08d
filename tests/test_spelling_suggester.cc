// Tests of searcher/spelling/spelling_suggester.h: "did you mean" from the words of
// the real corpus's index, the same whether looked up word by word or read
// from the table.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <thread>

#include "corpus_index.h"
#include "e2e_support.h"
#include "normalizer.h"
#include "searcher.h"
#include "spelling_suggester.h"

using namespace fahras;

namespace {

// A suggester past its first questions: it answers from its table.
void build_table(SpellingSuggester& suggester, const Xapian::Database& db) {
  suggester.forget();
  for (size_t i = 0; i < kQuestionsBeforeTable; ++i) suggester.suggest(db, "warm");
  suggester.suggest(db, "warm");
}

// A database whose passages hold each word in as many passages as given.
class Words {
 public:
  Words() : db_(Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)) {}
  // Adds `count` passages holding the normalized word (negative: deletes).
  void add(const char* word, int count) {
    std::string w = normalize(word);
    for (; count > 0; --count) {
      Xapian::Document doc;
      doc.add_term(w);
      held_[w].push_back(db_.add_document(doc));
    }
    for (; count < 0; ++count) {
      db_.delete_document(held_[w].back());
      held_[w].pop_back();
    }
    db_.commit();
  }
  const Xapian::Database& db() const { return db_; }

 private:
  Xapian::WritableDatabase db_;
  std::map<std::string, std::vector<Xapian::docid>> held_;
};

}  // namespace

TEST_SUITE("spelling_suggester") {
  TEST_CASE(
      "real misspellings of the corpus's words: the word meant, looked up or from the table") {
    testing::CorpusIndex index;
    SpellingSuggester looking_up, from_table;
    build_table(from_table, index.db);
    CHECK(from_table.size() > 1000);
    struct Case {
      const char* typed;
      const char* meant;
      const char* kind;
    };
    const Case cases[] = {
        {"الرقايق", "الرقائق", "hamza on another seat"},
        {"الصينيه", "", "in the index itself (ة is normalized to ه)"},
        {"استرتيجية", "استراتيجية", "a dropped letter"},
        {"الحكوممة", "الحكومة", "a doubled letter"},
        {"الشرمات", "الشركات", "a wrong letter"},
        {"الشكرات", "الشركات", "two letters swapped"},
        {"انفيدييا", "انفيديا", "a letter too many"},
        {"xyzzyqqq", "", "nothing near"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.kind);
      std::string typed = normalize(c.typed), meant = normalize(c.meant);
      CHECK(looking_up.suggest(index.db, typed) == meant);
      CHECK(from_table.suggest(index.db, typed) == meant);
    }
    CHECK(looking_up.size() == 0);  // its first questions read no table
    CHECK(from_table.suggest(index.db, "").empty());
    from_table.forget();
    CHECK(from_table.size() == 0);
  }

  TEST_CASE("two edits when one is a letter too many in the query") {
    Words words;
    for (const char* w : {"اللاعبين", "اللاعب", "المباريات"}) words.add(w, 3);
    words.add("الاعبين", 1);  // one edit away: wins over two
    SpellingSuggester looking_up, from_table;
    auto both = [&](const char* typed) {
      build_table(from_table, words.db());
      looking_up.forget();
      std::string answer = looking_up.suggest(words.db(), normalize(typed));
      CHECK(from_table.suggest(words.db(), normalize(typed)) == answer);
      return answer;
    };
    CHECK(both("الاعيبين") == normalize("الاعبين"));
    words.add("الاعبين", -1);
    CHECK(both("الاعيبين") == normalize("اللاعبين"));
    // The most frequent of two words at one edit: المباريات (3) over
    // المباراه (1), until المباراة (normalized to the same word) makes it 6.
    words.add("المباراه", 1);
    CHECK(both("المبارات") == normalize("المباريات"));
    words.add("المباراة", 5);
    CHECK(both("المبارات") == normalize("المباراه"));
  }

  TEST_CASE("the table follows the words a commit changed, without being built again") {
    Words words;
    for (const char* w : {"الشركات", "الحكومة", "استراتيجية"}) words.add(w, 2);
    SpellingSuggester suggester;
    build_table(suggester, words.db());
    CHECK(suggester.suggest(words.db(), normalize("الرقايق")).empty());
    size_t built = suggester.size();
    REQUIRE(built == 3);
    // A commit adds الرقائق and removes الحكومة.
    words.add("الرقائق", 1);
    words.add("الحكومة", -2);
    CHECK(suggester.suggest(words.db(), normalize("الرقايق")).empty());  // not told yet
    suggester.follow(words.db(), {normalize("الرقائق"), normalize("الحكومة"), "Zرقائق", "في"});
    CHECK(suggester.size() == built + 1);
    CHECK(suggester.suggest(words.db(), normalize("الرقايق")) == normalize("الرقائق"));
    CHECK(suggester.suggest(words.db(), normalize("الحكوممة")).empty());
    // Equal distance and frequency: the first in byte order, added or not.
    words.add("الشرطات", 2);
    suggester.follow(words.db(), {normalize("الشرطات")});
    CHECK(suggester.suggest(words.db(), normalize("الشرمات")) ==
          std::min(normalize("الشركات"), normalize("الشرطات")));
    // And back: the word returns.
    words.add("الحكومة", 1);
    suggester.follow(words.db(), {normalize("الحكومة")});
    CHECK(suggester.suggest(words.db(), normalize("الحكوممة")) == normalize("الحكومة"));
    CHECK(suggester.size() == built + 2);
  }
}

namespace {

// A database on disk, written through its own handle; suggesters read it
// through others, as fahras-serve's threads do.
struct DiskWords {
  e2e::TempDir dir;
  std::string path = (dir.path / "db").string();
  Xapian::WritableDatabase writer{path, Xapian::DB_CREATE_OR_OPEN};
  void add(const char* word, int passages) {
    for (; passages > 0; --passages) {
      Xapian::Document doc;
      doc.add_term(normalize(word));
      writer.add_document(doc);
    }
    writer.commit();
  }
};

// Asks until the suggester has a table (read on another thread); false
// after 20 s.
bool ask_until_table(SpellingSuggester& suggester, const Xapian::Database& db) {
  for (int i = 0; i < 20000 && !suggester.table(); ++i) {
    suggester.suggest(db, normalize("الحكوممة"));
    if (!suggester.table()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return suggester.table() != nullptr;
}

}  // namespace

TEST_SUITE("spelling_suggester") {
  TEST_CASE("suggesters of one database share one table, read off their thread") {
    DiskWords words;
    for (const char* w : {"الشركات", "الحكومة", "استراتيجية"}) words.add(w, 2);
    Xapian::Database first_db(words.path), second_db(words.path);
    SpellingSuggester first, second;
    first.share_tables(words.path);
    second.share_tables(words.path);
    // Questions before and while the table is read are answered all the same.
    for (size_t i = 0; i <= kQuestionsBeforeTable; ++i)
      CHECK(first.suggest(first_db, normalize("الحكوممة")) == normalize("الحكومة"));
    REQUIRE(ask_until_table(first, first_db));
    REQUIRE(ask_until_table(second, second_db));
    CHECK(first.table() == second.table());
    CHECK(first.size() == 3);
    CHECK(second.suggest(second_db, normalize("الشرمات")) == normalize("الشركات"));
  }

  TEST_CASE("a shared table read before a commit is taken with the words the commit changed") {
    DiskWords words;
    for (const char* w : {"الشركات", "الحكومة", "استراتيجية"}) words.add(w, 2);
    Xapian::Database early_db(words.path), late_db(words.path), later_db(words.path);
    SpellingSuggester early, late, later;
    for (auto* s : {&early, &late, &later}) s->share_tables(words.path);
    REQUIRE(ask_until_table(early, early_db));    // read before the commit
    late.suggest(late_db, normalize("الشرمات"));  // its first question: before the commit too
    words.add("الرقائق", 1);
    late_db.reopen();
    late.follow(late_db, {normalize("الرقائق")});
    REQUIRE(ask_until_table(late, late_db));
    CHECK(late.table() == early.table());  // the same words, and the one followed
    CHECK(late.size() == early.size() + 1);
    CHECK(late.suggest(late_db, normalize("الرقايق")) == normalize("الرقائق"));
    CHECK(early.suggest(early_db, normalize("الرقايق")).empty());  // not told, at its commit
    // A suggester whose first question came after the commit cannot take a
    // table read before it (it was told of no change): one is read again.
    later_db.reopen();
    REQUIRE(ask_until_table(later, later_db));
    CHECK(later.table() != early.table());
    CHECK(later.suggest(later_db, normalize("الرقايق")) == normalize("الرقائق"));
  }

  TEST_CASE("a database no other handle can read: the suggester reads its own table") {
    DiskWords words;
    for (const char* w : {"الشركات", "الحكومة"}) words.add(w, 1);
    Xapian::Database db(words.path);
    SpellingSuggester suggester;
    suggester.share_tables((words.dir.path / "elsewhere").string());  // no index there
    REQUIRE(ask_until_table(suggester, db));
    CHECK(suggester.size() == 2);
    CHECK(suggester.suggest(db, normalize("الشرمات")) == normalize("الشركات"));
  }
}

TEST_SUITE("spelling_suggester") {
  TEST_CASE("two searchers of the corpus index read its spelling table once") {
    testing::CorpusIndex index;
    Searcher first({index.path.string()}), second({index.path.string()});
    const std::string misspelled = "الحكوممة";
    const std::string meant = "الحكومة";  // as the user writes it, with its ة
    uint64_t before = spelling_tables_read();
    for (int i = 0; i < 20000 && spelling_tables_read() == before; ++i) {
      CHECK(first.suggestion_for(misspelled) == meant);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    REQUIRE(spelling_tables_read() == before + 1);
    for (size_t i = 0; i < 3 * kQuestionsBeforeTable; ++i) {
      CHECK(first.suggestion_for(misspelled) == meant);
      CHECK(second.suggestion_for(misspelled) == meant);
    }
    CHECK(spelling_tables_read() == before + 1);  // the second took the first's
  }
}
