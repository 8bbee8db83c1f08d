// Tests of fahras::Index::document (api/fahras_api.cc): a document's passages
// come in line and window order, as indexed now (the line in the location
// value, the window only where it is not 0) and as indexed before 2026-12-08
// (a line and a window value on every passage).
#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "e2e_support.h"
#include "fahras/fahras.h"
#include "fahras/schema.h"

using namespace fahras;

namespace {

// (line, window) of each passage Index::document lists, in its order.
std::vector<std::pair<unsigned, unsigned>> places_listed(const std::string& path) {
  Index index(path);
  std::optional<StoredDocument> document = index.document("long.txt", {});
  REQUIRE(document);
  std::vector<std::pair<unsigned, unsigned>> places;
  for (const auto& passage : document->passages) places.emplace_back(passage.line, passage.window);
  return places;
}

}  // namespace

TEST_SUITE("index_documents") {
  TEST_CASE("a document's passages in line and window order, in the layouts before and since") {
    e2e::TempDir tmp;
    std::string path = (tmp.path / "db").string();
    std::string long_line;  // about 500 words: a line of several windows
    for (int i = 0; i < 125; ++i) long_line += "قالت الشركة إن الرقائق ";
    {
      Index index(path, Index::kWritable);
      index.put(
          {"long.txt", "رقائق الشركة", "سطر أول قصير.\n" + long_line + "\nسطر أخير.", "", ""});
      index.commit();
    }
    std::vector<std::pair<unsigned, unsigned>> since = places_listed(path);
    REQUIRE(since.size() >= 5);
    CHECK(std::is_sorted(since.begin(), since.end()));
    CHECK(std::adjacent_find(since.begin(), since.end()) == since.end());  // each place once
    // The title (line 1), the first line, the long line's windows, the last line.
    CHECK(since[1] == std::pair<unsigned, unsigned>{2, 0});
    CHECK(since[2] == std::pair<unsigned, unsigned>{3, 0});
    CHECK(since[3] == std::pair<unsigned, unsigned>{3, 1});
    CHECK(since.back() == std::pair<unsigned, unsigned>{4, 0});
    {  // Written only where the window is not 0.
      Xapian::Database db(path);
      size_t with_window = 0;
      for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p)
        with_window += !db.get_document(*p).get_value(schema::kSlotWindow).empty();
      CHECK(with_window + 4 == since.size());  // all but each line's window 0
    }
    {  // As written before: line and window values on every passage, no location.
      Xapian::WritableDatabase db(path);
      for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        Xapian::Document doc = db.get_document(*p);
        std::string file;
        uint32_t line = 0;
        REQUIRE(schema::parse_location_value(doc.get_value(schema::kSlotLocation), file, line));
        std::string window = doc.get_value(schema::kSlotWindow);
        doc.add_value(schema::kSlotLine, Xapian::sortable_serialise(line));
        doc.add_value(schema::kSlotWindow, window.empty() ? Xapian::sortable_serialise(0) : window);
        doc.remove_value(schema::kSlotLocation);
        db.replace_document(*p, doc);
      }
      db.commit();
    }
    CHECK(places_listed(path) == since);
  }
}
