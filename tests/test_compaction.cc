// Unit tests of in-place compaction (indexer/compaction.h), on indexes of
// the articles in corpus/.
#include <doctest/doctest.h>
#include <xapian.h>

#include <random>
#include <sstream>

#include "compaction.h"
#include "e2e_support.h"
#include "fahras/schema.h"
#include "index_contents.h"
#include "index_report.h"
#include "index_run.h"
#include "searcher.h"
#include "term_statistics.h"

using namespace fahras;
namespace fs = std::filesystem;

namespace {

// Twenty articles (the corpus's five, four times over) indexed by run_index,
// so that changing one of them is a small incremental run.
struct TwentyArticles {
  e2e::TempDir dir;
  fs::path corpus = dir.path / "corpus";
  IndexOptions options;
  TwentyArticles(const std::string& db_name = "db") {
    fs::create_directories(corpus);
    std::vector<fs::path> articles;
    for (const auto& entry : fs::directory_iterator(FAHRAS_SOURCE_DIR "/corpus"))
      if (entry.path().extension() == ".txt") articles.push_back(entry.path());
    std::sort(articles.begin(), articles.end());
    for (int copy = 0; copy < 4; ++copy)
      for (const fs::path& article : articles)
        fs::copy_file(article, corpus / (std::to_string(copy) + "-" + article.filename().string()));
    options.database = dir.path / db_name;
    options.corpus_roots = {corpus};
  }
  IndexReport index() { return run_index(options); }
  // Appends a paragraph to one article: a small run.
  void edit_one(const std::string& paragraph) {
    std::ofstream(corpus / "0-000_0fdb8642d30cb6d2.txt", std::ios::app) << "\n"
                                                                        << paragraph << "\n";
  }
};

}  // namespace

TEST_SUITE("compaction") {
  TEST_CASE("a run compacts when it wrote and deleted a quarter of the index or more") {
    CHECK(compaction_due(100, 100));
    CHECK(compaction_due(25, 100));
    CHECK_FALSE(compaction_due(24, 100));
    CHECK_FALSE(compaction_due(0, 0));

    TwentyArticles twenty;
    IndexReport first = twenty.index();
    REQUIRE(first.compaction);  // a new index
    CHECK(first.compaction->bytes_after < first.compaction->bytes_before);
    twenty.edit_one("فقرة جديدة عن شرائح إنفيديا.");
    IndexReport small = twenty.index();
    CHECK(small.updated.size() == 1);
    CHECK(small.passages_deleted > 0);
    CHECK_FALSE(small.compaction);
    twenty.options.compaction = CompactionPolicy::kAlways;
    CHECK(twenty.index().compaction);  // asked for

    TwentyArticles never("never-compacted");
    never.options.compaction = CompactionPolicy::kNever;
    CHECK_FALSE(never.index().compaction);
    CHECK_FALSE(fs::exists(compaction_workspace(never.options.database)));
  }

  TEST_CASE("small runs add up: the one that brings the changes to a quarter compacts") {
    TwentyArticles twenty;
    REQUIRE(twenty.index().compaction);
    Xapian::Database db(twenty.options.database.string());
    CHECK(passages_changed_since_compaction(db) == 0);  // counted afresh in the copy
    size_t held = db.get_doccount(), changed = 0;
    for (int edit = 1; !compaction_due(changed, held); ++edit) {
      twenty.edit_one("فقرة " + std::to_string(edit) + " عن شرائح إنفيديا.");
      IndexReport report = twenty.index();
      db = Xapian::Database(twenty.options.database.string());
      held = db.get_doccount();
      changed += report.passages_written + report.passages_deleted;
      if (compaction_due(changed, held)) {
        CHECK(report.compaction);
        CHECK(passages_changed_since_compaction(db) == 0);
      } else {
        CHECK_FALSE(report.compaction);
        CHECK(passages_changed_since_compaction(db) == changed);
      }
      REQUIRE(edit < 10);
    }
  }

  TEST_CASE("the compacted index holds exactly what it held, in less space") {
    TwentyArticles twenty;
    twenty.index();
    twenty.edit_one("وافقت بكين على مقايضة جديدة.");
    twenty.index();
    auto before = testing::index_contents(twenty.options.database);
    Xapian::Database opened_before(twenty.options.database.string());
    CompactionReport report = compact_in_place({twenty.options.database});
    CHECK(report.bytes_after < report.bytes_before);
    CHECK(report.bytes_after == database_bytes(twenty.options.database));
    CHECK(testing::index_contents(twenty.options.database) == before);
    CHECK_FALSE(fs::exists(compaction_workspace(twenty.options.database)));
    CHECK(run_index(twenty.options).unchanged.size() == 20);  // the file states survived
    // A reader that had the index open keeps reading the copy it opened.
    Xapian::Enquire enquire(opened_before);
    enquire.set_query(Xapian::Query("Zمقايض"));
    CHECK(enquire.get_mset(0, 10).size() == 1);
  }

  TEST_CASE("blocks are packed as xapian-compact packs them by default, splitting items") {
    // Stored passages are values of a few hundred bytes, whose chunks fill
    // 4 KB blocks badly unless items may be split (Xapian's FULL level).
    e2e::TempDir dir;
    fs::path db = dir.path / "db";
    {
      Xapian::WritableDatabase writer(db.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC,
                                      schema::kBlockSize);
      std::mt19937 random(28);
      for (int i = 0; i < 20000; ++i) {
        Xapian::Document doc;
        for (int k = 0; k < 10; ++k) doc.add_posting("w" + std::to_string(random() % 3000), k + 1);
        std::string stored(200 + random() % 200, '\0');
        for (char& c : stored) c = static_cast<char>(random());
        doc.add_value(schema::kSlotPassageData, stored);
        writer.add_document(doc);
      }
      writer.commit();
    }
    auto postlist_blocks = [](const fs::path& database) {
      return fs::file_size(database / "postlist.glass") / schema::kBlockSize;
    };
    Xapian::Database source(db.string());
    source.compact((dir.path / "full").string(), Xapian::Compactor::FULL, schema::kBlockSize);
    source.compact((dir.path / "standard").string(), Xapian::Compactor::STANDARD,
                   schema::kBlockSize);
    source.close();
    const uintmax_t full = postlist_blocks(dir.path / "full");
    REQUIRE(postlist_blocks(dir.path / "standard") > full + 8);  // the levels differ here
    compact_in_place({db});
    // A few blocks more than the copy: the commit that records the compaction.
    CHECK(postlist_blocks(db) <= full + 4);
  }

  TEST_CASE("an index reached through a symbolic link is compacted where it lives") {
    TwentyArticles twenty("real-db");
    twenty.index();
    fs::path link = twenty.dir.path / "db";
    fs::create_directory_symlink(twenty.options.database, link);
    auto before = testing::index_contents(link);
    compact_in_place({link});
    CHECK(fs::is_symlink(link));
    CHECK(testing::index_contents(link) == before);
    CHECK_FALSE(fs::exists(twenty.dir.path / "real-db.compacting"));
    CHECK_FALSE(fs::exists(twenty.dir.path / "db.compacting"));
  }

  TEST_CASE("a refreshed searcher reads the compacted index, even at the revision it had") {
    TwentyArticles twenty;
    twenty.index();
    const std::string added = "وافقت بكين على مقايضة جديدة.";
    Searcher searcher({twenty.options.database.string()});
    Xapian::rev searched = Xapian::Database(twenty.options.database.string()).get_revision();
    for (const Hit& hit : searcher.search("مقايضة").hits) CHECK(hit.text != added);
    twenty.edit_one(added);
    // The compacted copy starts again at a low revision: here the one the
    // searcher had, so that only the UUID tells the databases apart.
    twenty.options.compaction = CompactionPolicy::kAlways;
    REQUIRE(twenty.index().compaction);
    CHECK(Xapian::Database(twenty.options.database.string()).get_revision() == searched);
    searcher.refresh();
    SearchResult after = searcher.search("مقايضة");
    REQUIRE_FALSE(after.hits.empty());
    CHECK(after.hits[0].text == added);
  }

  TEST_CASE("a shard's handle reopened over the compacted copy says so instead of misreading") {
    // Xapian 1.4 reopens the new version file over the old tables' open
    // files without complaint; their blocks then read as "EOF reading block".
    TwentyArticles twenty;
    twenty.index();
    const std::string path = twenty.options.database.string();
    Xapian::Database db(path);
    TermStatistics statistics(db);
    statistics.set_shards({Xapian::Database(path)});
    statistics.reopen_shards();  // the same database: nothing to say
    twenty.edit_one("وافقت بكين على مقايضة جديدة.");
    twenty.options.compaction = CompactionPolicy::kAlways;
    REQUIRE(twenty.index().compaction);
    CHECK_THROWS_AS(statistics.reopen_shards(), Xapian::DatabaseError);
  }

  TEST_CASE("what an interrupted compaction left is removed by the next run") {
    TwentyArticles twenty;
    twenty.index();
    fs::path leftover = compaction_workspace(twenty.options.database);
    e2e::write_file(leftover / "postlist.glass", "half a copy");
    CHECK(twenty.index().unchanged.size() == 20);
    CHECK_FALSE(fs::exists(leftover));
  }

  TEST_CASE("a compaction that cannot run is a warning; the index stays as it was") {
    // The copy's name, DB.compacting, is longer than a file name may be.
    TwentyArticles twenty(std::string(250, 'x'));
    twenty.options.compaction = CompactionPolicy::kAlways;
    twenty.options.writers = 2;
    IndexReport report = twenty.index();
    CHECK_FALSE(report.compaction);
    // A new index: its parts could not be built beside it (DB.parts) either
    // (indexer/parallel_build.h), so one writer built it.
    REQUIRE(report.warnings.size() == 2);
    CHECK(report.warnings[0].find("not built in parallel parts (") == 0);
    CHECK(report.warnings[0].find("): written by one writer") != std::string::npos);
    CHECK(report.warnings[1].find("not compacted: ") == 0);
    CHECK(report.added.size() == 20);
    CHECK(Xapian::Database(twenty.options.database.string()).get_doccount() > 100);
    CHECK(run_index(twenty.options).unchanged.size() == 20);

    // Xapian's errors too (here: no database to copy; in life, no space left).
    fs::path empty = twenty.dir.path / "not-an-index";
    fs::create_directories(empty);
    IndexReport failed;
    compact_if_due({empty}, 0, 0, CompactionPolicy::kAlways, failed);
    CHECK_FALSE(failed.compaction);
    REQUIRE(failed.warnings.size() == 1);
    CHECK(failed.warnings[0].find("not compacted: Database") == 0);
    CHECK_FALSE(fs::exists(compaction_workspace(empty)));
  }

  TEST_CASE("the report says when a compaction made a small index larger") {
    IndexReport grew, shrank;
    grew.compaction = CompactionReport{25000, 41000, 0.01};
    shrank.compaction = CompactionReport{148000, 82000, 0.01};
    std::ostringstream g, s;
    print_report_text(grew, false, g);
    print_report_text(shrank, false, s);
    CHECK(g.str().find("25 kB before, 41 kB after (a small index grows") != std::string::npos);
    CHECK(g.str().find("from 25 kB to 41 kB") == std::string::npos);
    CHECK(s.str().find("compacted the index from 148 kB to 82 kB") != std::string::npos);
  }
}
