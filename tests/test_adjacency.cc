// Tests of searcher/rank/adjacency.h: where adjacent query words stand together,
// read from the positions of a passage indexed as the indexer indexes it.
#include <doctest/doctest.h>

#include "adjacency.h"
#include "normalizer.h"
#include "passage_document.h"

using namespace fahras;

namespace {

// One passage of real text in an in-memory index; returns its docid.
Xapian::docid index_passage(Xapian::WritableDatabase& db, const std::string& text) {
  Article article = split_article("عنوان\n" + text + "\n");
  PassageDocumentBuilder builder;
  size_t long_words = 0;
  return db.add_document(builder.build("a.txt", article, article.passages[1], long_words).document);
}

WordPair pair_of(const char* first, const char* second) {
  return {{normalize(first)}, {normalize(second)}};
}

}  // namespace

TEST_SUITE("adjacency") {
  TEST_CASE("positions of two stems: the first followed by the second at the next position") {
    CHECK(count_together({1, 7}, {2, 8}) == 2);
    CHECK(count_together({2}, {1}) == 0);  // order matters
    CHECK(count_together({1}, {3}) == 0);  // a word between
    CHECK(count_together({}, {2}) == 0);
    CHECK(count_together({1, 2}, {3}) == 1);
  }

  TEST_CASE("written forms stand together or apart, in order, in a real passage") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::docid doc =
        index_passage(db,
                      "وافقت السلطات الصينية على استيراد رقائق H200، وقالت إن الرقائق المتقدمة "
                      "ستصل إلى الشركات الصينية قريباً.");
    std::vector<WordPair> pairs = {pair_of("السلطات", "الصينيّة"), pair_of("رقائق", "H200"),
                                   pair_of("الشركات", "الصينيه"), pair_of("الصينية", "السلطات"),
                                   pair_of("وافقت", "الرقائق"),   pair_of("الشركه", "الصينية")};
    auto holds = [&](const std::string& term) {
      return db.postlist_begin(term) != db.postlist_end(term);
    };
    auto count = [&](const std::vector<WordPair>& wanted) {
      PositionBatch batch;
      want_adjacent(batch, doc, wanted, holds);
      batch.read(db);
      return count_adjacent(batch, doc, wanted);
    };
    std::vector<unsigned> counts = count(pairs);
    REQUIRE(counts.size() == pairs.size());
    CHECK(counts[0] == 1);  // السلطات الصينية, marks and all
    CHECK(counts[1] == 1);  // رقائق H200 (Latin lower-cased)
    CHECK(counts[2] == 1);  // الشركات الصينية, ة typed ه
    CHECK(counts[3] == 0);  // the other order
    CHECK(counts[4] == 0);  // far apart
    CHECK(counts[5] == 0);  // another form: not that word
    // Either of a side's forms counts.
    WordPair either{{normalize("الشركه"), normalize("الشركات")}, {normalize("الصينية")}};
    CHECK(count({either}) == std::vector<unsigned>{1});
    CHECK(count({}).empty());

    // A pair with a word the passage lacks counts 0 without reading the
    // other word's positions.
    std::vector<WordPair> half = {pair_of("الشركه", "الصينية"), pair_of("رقائق", "H200")};
    PositionBatch batch;
    want_adjacent(batch, doc, half, holds);
    batch.read(db);
    CHECK(batch.of(normalize("الصينية"), doc).empty());
    CHECK_FALSE(batch.of(normalize("رقائق"), doc).empty());
    CHECK(count_adjacent(batch, doc, half) == std::vector<unsigned>{0, 1});
  }
}
