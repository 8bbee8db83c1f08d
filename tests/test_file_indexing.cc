// Tests of indexer/file_indexing.h: a file of many passages is analyzed and
// written in chunks, and gives the index one pass over it would.
#include <doctest/doctest.h>
#include <xapian.h>

#include <fstream>
#include <string>

#include "e2e_support.h"
#include "fahras/schema.h"
#include "file_state.h"
#include "index_contents.h"
#include "index_run.h"

using namespace fahras;

namespace {

// The news corpus's paragraphs, over and over: `lines` lines in one file,
// one of them holding a word longer than the indexer keeps.
std::string long_article(size_t lines) {
  std::ifstream in(std::string(FAHRAS_SOURCE_DIR) + "/corpus/000_0fdb8642d30cb6d2.txt");
  std::vector<std::string> paragraphs;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) paragraphs.push_back(line);
  std::string text;
  for (size_t i = 0; i < lines; ++i) {
    text += paragraphs[i % paragraphs.size()];
    if (i == lines - 10) text += " " + std::string(200, 'x');
    text += "\n";
  }
  return text;
}

IndexReport build(const std::filesystem::path& corpus, const std::filesystem::path& db,
                  unsigned threads, unsigned writers) {
  IndexOptions options;
  options.database = db;
  options.corpus_roots = {corpus};
  options.threads = threads;
  options.writers = writers;
  return run_index(options);
}

}  // namespace

TEST_SUITE("file_indexing") {
  TEST_CASE("a file of 4,500 passages is written in chunks, as one pass would write it") {
    e2e::TempDir dir;
    e2e::write_file(dir.path / "c/archive.txt", long_article(4500));
    e2e::write_file(dir.path / "c/short.txt", "عنوان\nوافقت بكين على شرائح H200.\n");
    IndexReport one = build(dir.path / "c", dir.path / "one", 1, 1);
    IndexReport two = build(dir.path / "c", dir.path / "two", 2, 2);
    CHECK(one.passages_written == 4502);
    CHECK(two.passages_written == 4502);
    CHECK(one.added.size() == 2);
    // The long word's warning comes once, after the last chunk.
    size_t warned = 0;
    for (const std::string& w : one.warnings)
      if (w.find("archive.txt: 1 words longer than") == 0) ++warned;
    CHECK(warned == 1);
    CHECK(testing::index_contents(dir.path / "one") == testing::index_contents(dir.path / "two"));
    Xapian::Database db((dir.path / "one").string());
    auto state = FileState::decode(db.get_metadata(schema::file_state_key("archive.txt")));
    REQUIRE(state);
    CHECK(state->passages == 4500);
    // Passages in line order, each line once.
    uint32_t previous = 0;
    size_t lines = 0;
    for (auto d = db.postlist_begin(schema::article_term("archive.txt"));
         d != db.postlist_end(schema::article_term("archive.txt")); ++d) {
      std::string file;
      uint32_t line = 0;
      REQUIRE(schema::parse_location_value(
          db.get_document(*d).get_value(schema::kSlotLocation), file, line));
      CHECK(line == previous + 1);
      previous = line;
      ++lines;
    }
    CHECK(lines == 4500);
    // Changed and indexed again, incrementally: the same as a clean build.
    e2e::write_file(dir.path / "c/archive.txt", long_article(4300));
    build(dir.path / "c", dir.path / "one", 2, 0);
    build(dir.path / "c", dir.path / "clean", 2, 0);
    CHECK(testing::index_contents(dir.path / "one") == testing::index_contents(dir.path / "clean"));
  }
}
