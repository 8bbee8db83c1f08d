// Tests of indexer/index_directory.h and the rule that a Fahras program
// touches nothing outside its index's own files (compaction.h, index_run.h).
#include <doctest/doctest.h>
#include <xapian.h>

#include "compaction.h"
#include "e2e_support.h"
#include "fahras/schema.h"
#include "index_directory.h"
#include "index_run.h"
#include "record_ingest.h"

using namespace fahras;
namespace fs = std::filesystem;

namespace {

void make_index(const fs::path& path) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document d;
  d.add_term("Zالصين");
  db.add_document(d);
  db.commit();
}

}  // namespace

TEST_SUITE("index_directory") {
  TEST_CASE("a new, empty or index directory may be written; anything else is refused") {
    e2e::TempDir tmp;
    CHECK_NOTHROW(check_index_path(tmp.path / "new.db"));
    fs::create_directories(tmp.path / "empty");
    CHECK_NOTHROW(check_index_path(tmp.path / "empty"));
    make_index(tmp.path / "index");
    CHECK_NOTHROW(check_index_path(tmp.path / "index"));

    e2e::write_file(tmp.path / "docs/report.odt", "تقرير");
    e2e::write_file(tmp.path / "docs/sub/data.csv", "a,b");
    CHECK_THROWS_WITH_AS(check_index_path(tmp.path / "docs"),
                         doctest::Contains("is a directory that is not a Fahras index"),
                         IndexPathError);
    e2e::write_file(tmp.path / "file.db", "x");
    CHECK_THROWS_AS(check_index_path(tmp.path / "file.db"), IndexPathError);
    CHECK(fs::exists(tmp.path / "docs/report.odt"));
    CHECK(fs::exists(tmp.path / "docs/sub/data.csv"));
  }

  TEST_CASE("an index that is, contains or lies inside a corpus root is refused") {
    e2e::TempDir tmp;
    fs::path corpus = tmp.path / "corpus";
    e2e::write_file(corpus / "a.txt", "الصين\n");
    CHECK_THROWS_WITH_AS(check_index_path(corpus, {corpus}),
                         doctest::Contains(" is the corpus root"), IndexPathError);
    CHECK_THROWS_WITH_AS(check_index_path(corpus / "db", {corpus}),
                         doctest::Contains("lies inside the corpus root"), IndexPathError);
    CHECK_THROWS_WITH_AS(check_index_path(tmp.path, {corpus}),
                         doctest::Contains("contains the corpus root"), IndexPathError);
    // Through a link to the corpus as well.
    fs::create_directory_symlink(corpus, tmp.path / "link");
    CHECK_THROWS_AS(check_index_path(tmp.path / "link" / "db", {corpus}), IndexPathError);
    CHECK_NOTHROW(check_index_path(tmp.path / "db", {corpus}));
  }

  TEST_CASE("run_index refuses a foreign directory before writing anything") {
    e2e::TempDir tmp;
    e2e::write_file(tmp.path / "corpus/a.txt", "الصين\nوافقت بكين على الشرائح.\n");
    e2e::write_file(tmp.path / "docs/report.odt", "تقرير");
    IndexOptions options;
    options.database = tmp.path / "docs";
    options.corpus_roots = {tmp.path / "corpus"};
    CHECK_THROWS_AS(run_index(options), IndexPathError);
    CHECK(foreign_entries(tmp.path / "docs").size() == 1);
    CHECK_FALSE(fs::exists(tmp.path / "docs/iamglass"));
  }

  TEST_CASE("foreign files in an index are named and survive compaction, which is refused") {
    e2e::TempDir tmp;
    fs::path db = tmp.path / "db";
    make_index(db);
    CHECK(foreign_entries(db).empty());
    e2e::write_file(db / "notes.txt", "ملاحظات");
    REQUIRE(foreign_entries(db).size() == 1);
    CHECK(foreign_entries(db)[0].filename() == "notes.txt");
    CHECK_THROWS_WITH(compact_in_place({db}), doctest::Contains("notes.txt"));
    CHECK(e2e::read_file(db / "notes.txt") == "ملاحظات");
    CHECK(Xapian::Database(db.string()).get_doccount() == 1);
  }

  TEST_CASE("workspaces are emptied of Xapian's files only; a user's files there stay") {
    e2e::TempDir tmp;
    fs::path db = tmp.path / "db";
    make_index(db);
    make_index(tmp.path / "db.compacting");  // a leftover of a killed compaction
    discard_compaction_leftovers(db);
    CHECK_FALSE(fs::exists(tmp.path / "db.compacting"));

    // A directory of the user's that happens to bear a workspace's name.
    e2e::write_file(tmp.path / "db.compacting/mine.txt", "لي");
    discard_compaction_leftovers(db);
    CHECK(e2e::read_file(tmp.path / "db.compacting/mine.txt") == "لي");
    CHECK_THROWS_WITH(compact_in_place({db}), doctest::Contains("mine.txt"));
    CHECK(e2e::read_file(tmp.path / "db.compacting/mine.txt") == "لي");

    std::vector<fs::path> left = remove_index_files(tmp.path / "db.compacting");
    REQUIRE(left.size() == 1);
    CHECK(left[0].filename() == "mine.txt");
  }

  TEST_CASE("an index holding only its own files compacts, and the old copy goes") {
    e2e::TempDir tmp;
    fs::path db = tmp.path / "db";
    make_index(db);
    CompactionReport report = compact_in_place({db});
    CHECK(report.bytes_after > 0);
    CHECK_FALSE(fs::exists(tmp.path / "db.compacting"));
    CHECK(Xapian::Database(db.string()).get_doccount() == 1);
  }

  TEST_CASE("an index where a posted document took a corpus file's id is read compatibly") {
    // Before ids were kept apart, a post replaced the file's passages and
    // left both states: the passages are the document's, and stay.
    e2e::TempDir tmp;
    e2e::write_file(tmp.path / "corpus/a.txt", "الصين\nوافقت بكين على الشرائح.\n");
    IndexOptions options;
    options.database = tmp.path / "db";
    options.corpus_roots = {tmp.path / "corpus"};
    run_index(options);
    {
      Xapian::WritableDatabase db(options.database.string(), Xapian::DB_OPEN);
      db.set_metadata(record_state_key("a.txt"), "v1 10 0 1 2");
      db.commit();
    }
    size_t passages = Xapian::Database(options.database.string()).get_doccount();
    IndexReport report = run_index(options);
    REQUIRE(report.skipped.size() == 1);
    CHECK(report.skipped[0].reason.find("a posted document holds the id a.txt") !=
          std::string::npos);
    CHECK(report.removed.empty());
    Xapian::Database db(options.database.string());
    CHECK(db.get_doccount() == passages);
    CHECK(db.get_metadata(schema::file_state_key("a.txt")).empty());
    CHECK_FALSE(db.get_metadata(record_state_key("a.txt")).empty());
  }
}
