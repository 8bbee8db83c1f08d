// Tests of searcher/present/page_passages.h: a page's passages read through
// value streams are what passage_data_of() reads document by document.
#include <doctest/doctest.h>

#include <algorithm>

#include "corpus_index.h"
#include "fahras/mapped_index_reads.h"
#include "fahras/schema.h"
#include "location_column.h"
#include "page_passages.h"

using namespace fahras;
namespace schema = fahras::schema;

namespace {

void check_same(const PassageData& got, const PassageData& want) {
  CHECK(got.file == want.file);
  CHECK(got.line == want.line);
  CHECK(got.title == want.title);
  CHECK(got.heading == want.heading);
  CHECK(got.text == want.text);
}

}  // namespace

TEST_SUITE("page_passages") {
  TEST_CASE("a page read in docid order is each passage as read alone, in the page's order") {
    testing::CorpusIndex index;
    const Xapian::Database& db = index.db;
    // A page in rank order: docids falling, rising and apart.
    std::vector<Xapian::docid> page;
    for (Xapian::docid d = db.get_lastdocid(); d >= 1 && page.size() < 10; d -= 3)
      page.push_back(d);
    std::swap(page.front(), page[page.size() / 2]);
    LocationColumn column;
    column.for_search(db);
    const LocationColumn* read = column.for_search(db);
    REQUIRE(read != nullptr);
    for (const LocationColumn* with : {read, static_cast<const LocationColumn*>(nullptr)}) {
      CAPTURE(with != nullptr);
      std::vector<PassageData> got = read_page_passages(db, page, with);
      REQUIRE(got.size() == page.size());
      for (size_t i = 0; i < page.size(); ++i) {
        CAPTURE(page[i]);
        check_same(got[i], passage_data_of(db.get_document(page[i])));
        CHECK(!got[i].text.empty());
      }
    }
    CHECK(read_page_passages(db, {}, read).empty());
  }

  TEST_CASE("fewer table blocks are read than passage by passage") {
    testing::CorpusIndex index;
    Xapian::Database db(index.path.string());  // read through the mappings
    std::vector<Xapian::docid> page;
    for (Xapian::docid d = db.get_lastdocid(); d >= 1 && page.size() < 10; d -= 2)
      page.push_back(d);
    uint64_t before = mapped_index_reads();
    for (Xapian::docid d : page) passage_data_of(db.get_document(d, Xapian::DOC_ASSUME_VALID));
    uint64_t alone = mapped_index_reads() - before;
    Xapian::Database fresh(index.path.string());
    before = mapped_index_reads();
    read_page_passages(fresh, page, nullptr);
    uint64_t paged = mapped_index_reads() - before;
    CAPTURE(alone);
    CAPTURE(paged);
    REQUIRE(alone > 0);
    CHECK(paged < alone);
  }

  TEST_CASE("passages stored as indexed before: JSON as document data, no location slot") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    PassageData older;
    older.file = "أخبار/الصين.txt";
    older.line = 4;
    older.title = "شرائح إنفيديا";
    older.text = "وافقت الصين على استيراد شرائح H200";
    Xapian::Document legacy;
    legacy.set_data(older.to_json());
    Xapian::docid first = db.add_document(legacy);
    // A file name that is not UTF-8 is exact only in the location value.
    PassageData newer = older;
    newer.line = 5;
    newer.text = "وقالت الشركة إن الموافقة تشمل مئات الآلاف من الشرائح";
    Xapian::Document located;
    located.add_value(schema::kSlotPassageData, newer.to_json());
    located.add_value(schema::kSlotLocation, schema::location_value("\xC8\xE3.txt", 5));
    Xapian::docid second = db.add_document(located);
    db.commit();
    std::vector<PassageData> got = read_page_passages(db, {second, first}, nullptr);
    REQUIRE(got.size() == 2);
    CHECK(got[0].file == "\xC8\xE3.txt");
    CHECK(got[0].text == newer.text);
    CHECK(got[1].file == older.file);
    CHECK(got[1].line == 4);
    CHECK(got[1].text == older.text);
  }
}
