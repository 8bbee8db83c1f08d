// Tests of indexer/bulk_build.h: a created index is written without fsync at
// each commit and synced once; an existing one keeps fsync.
#include <doctest/doctest.h>

#include <cstdlib>

#include "bulk_build.h"
#include "corpus_index.h"

using namespace fahras;

TEST_SUITE("bulk_build") {
  TEST_CASE("only a database that does not exist yet is written without fsync") {
    e2e::TempDir dir;
    CHECK((writer_flags(dir.path / "new") & Xapian::DB_NO_SYNC) != 0);
    testing::CorpusIndex index;  // an index of the real corpus
    CHECK((writer_flags(index.path) & Xapian::DB_NO_SYNC) == 0);
    CHECK_NOTHROW(sync_database_files(index.path));
    CHECK_THROWS_AS(sync_database_files(dir.path / "missing"), std::exception);
  }

  TEST_CASE("the flush threshold is tuned unless the user set one") {
    ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
    tune_flush_threshold();
    CHECK(std::string(std::getenv("XAPIAN_FLUSH_THRESHOLD")) == kBulkFlushThreshold);
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "500", 1);
    tune_flush_threshold();
    CHECK(std::string(std::getenv("XAPIAN_FLUSH_THRESHOLD")) == "500");
    ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  }

  TEST_CASE("a new database appears whole: built beside, renamed into place") {
    e2e::TempDir dir;
    std::filesystem::path db = dir.path / "db";
    // What a process killed while creating one left beside it.
    e2e::write_file(dir.path / "db.creating" / "postlist.glass", "half");
    CHECK(create_database_atomically(db));
    CHECK_FALSE(std::filesystem::exists(dir.path / "db.creating"));
    CHECK(Xapian::Database(db.string()).get_doccount() == 0);
    CHECK_FALSE(create_database_atomically(db));  // there is one: left as it is
  }
}
