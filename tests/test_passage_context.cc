// Tests of searcher/rank/passage_context.h: where candidates are (the location slot,
// and the older article and line slots), neighbour context and the per-article
// limit.
#include <doctest/doctest.h>

#include "fahras/schema.h"
#include "passage_context.h"

using namespace fahras;
namespace schema = fahras::schema;

namespace {

// A passage as the indexer stores it; `with_location` false stores it as an
// index made before the location slot existed.
Xapian::docid add_passage(Xapian::WritableDatabase& db, const std::string& file, uint32_t line,
                          bool with_location) {
  Xapian::Document doc;
  doc.add_boolean_term(schema::article_term(file));
  doc.add_value(schema::kSlotArticle, file);
  doc.add_value(schema::kSlotLine, Xapian::sortable_serialise(line));
  if (with_location) doc.add_value(schema::kSlotLocation, schema::location_value(file, line));
  return db.add_document(doc);
}

Candidate candidate(const std::string& file, uint32_t line, double score) {
  Candidate c;
  c.file = file;
  c.line = line;
  c.score = score;
  return c;
}

}  // namespace

TEST_SUITE("passage_context") {
  TEST_CASE("location values round-trip, long lines and Arabic file names included") {
    std::string file;
    uint32_t line = 0;
    for (uint32_t l : {1u, 255u, 256u, 70000u, 4000000000u}) {
      REQUIRE(
          schema::parse_location_value(schema::location_value("أخبار/الصين.txt", l), file, line));
      CHECK(file == "أخبار/الصين.txt");
      CHECK(line == l);
    }
    CHECK_FALSE(schema::parse_location_value("", file, line));
    CHECK_FALSE(schema::parse_location_value("abcd", file, line));
  }

  TEST_CASE("candidates read the location slot, or the older slots where it is missing") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::docid lead = add_passage(db, "003_792a31c1185f3fa9.txt", 8, true);
    Xapian::docid old = add_passage(db, "000_0fdb8642d30cb6d2.txt", 6, false);
    Xapian::docid next = add_passage(db, "003_792a31c1185f3fa9.txt", 9, true);
    db.commit();
    // In rank order, not docid order.
    std::vector<Candidate> c = read_candidates(db, {next, old, lead});
    REQUIRE(c.size() == 3);
    CHECK(c[0].docid == next);
    CHECK(c[0].file == "003_792a31c1185f3fa9.txt");
    CHECK(c[0].line == 9);
    CHECK(c[1].file == "000_0fdb8642d30cb6d2.txt");
    CHECK(c[1].line == 6);
    CHECK(c[2].line == 8);
  }

  TEST_CASE("an index with no location slot at all, or none past some candidates") {
    Xapian::WritableDatabase old_index = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::docid a = add_passage(old_index, "a.txt", 1, false);
    Xapian::docid b = add_passage(old_index, "b.txt", 2, false);
    old_index.commit();
    std::vector<Candidate> c = read_candidates(old_index, {b, a});
    CHECK(c[0].file == "b.txt");
    CHECK(c[1].line == 1);

    Xapian::WritableDatabase mixed = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::docid located = add_passage(mixed, "c.txt", 3, true);
    Xapian::docid later1 = add_passage(mixed, "d.txt", 4, false);
    Xapian::docid later2 = add_passage(mixed, "e.txt", 5, false);
    mixed.commit();
    c = read_candidates(mixed, {later2, located, later1});
    CHECK(c[0].file == "e.txt");
    CHECK(c[1].file == "c.txt");
    CHECK(c[2].line == 4);
  }

  TEST_CASE("the in-memory column: read on a revision's second search, the same answers") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::docid lead = add_passage(db, "أخبار/الصين.txt", 8, true);
    Xapian::docid old = add_passage(db, "000_0fdb8642d30cb6d2.txt", 6, false);
    Xapian::docid next = add_passage(db, "أخبار/الصين.txt", 9, true);
    db.commit();
    LocationColumn column;
    CHECK(column.for_search(db) == nullptr);  // the first search reads the index
    const LocationColumn* ready = column.for_search(db);
    REQUIRE(ready != nullptr);
    std::string_view file;
    uint32_t line = 0;
    REQUIRE(ready->find(next, file, line));
    CHECK(file == "أخبار/الصين.txt");
    CHECK(line == 9);
    CHECK_FALSE(ready->find(old, file, line));  // no location slot: not in the column
    CHECK_FALSE(ready->find(next + 1, file, line));
    // Candidates come out the same with or without the column.
    std::vector<Candidate> with = read_candidates(db, {next, old, lead}, ready);
    std::vector<Candidate> without = read_candidates(db, {next, old, lead});
    REQUIRE(with.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
      CHECK(with[i].docid == without[i].docid);
      CHECK(with[i].file == without[i].file);
      CHECK(with[i].line == without[i].line);
    }
    // A new revision's column is read afresh on its second search.
    Xapian::docid added = add_passage(db, "b.txt", 2, true);
    db.commit();
    LocationColumn next_revision;
    CHECK(next_revision.for_search(db) == nullptr);
    REQUIRE(next_revision.for_search(db) != nullptr);
    CHECK(next_revision.for_search(db)->find(added, file, line));
    CHECK(file == "b.txt");
    // inherit() takes a read column and reads only the passages added since.
    Xapian::docid appended = add_passage(db, "أخبار/الصين.txt", 12, true);
    db.commit();
    LocationColumn inherited;
    inherited.inherit(next_revision, db);
    REQUIRE(inherited.for_search(db) != nullptr);  // at once: it was read
    REQUIRE(inherited.find(appended, file, line));
    CHECK(file == "أخبار/الصين.txt");
    CHECK(line == 12);
    REQUIRE(inherited.find(added, file, line));
    CHECK(file == "b.txt");
    // A column never read leaves its heir to read its own.
    LocationColumn unread, heir;
    heir.inherit(unread, db);
    CHECK(heir.for_search(db) == nullptr);
  }

  TEST_CASE("a passage beside a strong one gains, and ties go to the earlier passage") {
    std::vector<Candidate> c = {candidate("b.txt", 5, 1.0), candidate("a.txt", 9, 1.0),
                                candidate("a.txt", 3, 4.0), candidate("a.txt", 4, 1.0)};
    add_neighbour_context(c, 0.1);
    REQUIRE(c.size() == 4);
    CHECK(c[0].line == 3);  // the strong one, plus a tenth of line 4
    CHECK(c[0].score == doctest::Approx(4.1));
    CHECK(c[1].line == 4);  // beside it: 1 + 0.4
    CHECK(c[1].score == doctest::Approx(1.4));
    CHECK(c[2].file == "a.txt");  // a.txt:9 and b.txt:5 tie at 1: file order
    CHECK(c[3].file == "b.txt");
    limit_per_article(c, 1);
    REQUIRE(c.size() == 2);
    CHECK(c[0].line == 3);
    CHECK(c[1].file == "b.txt");
  }
}
