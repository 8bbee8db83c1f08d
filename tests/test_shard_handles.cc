// Tests of searcher/match/shard_handles.h: one handle per shard a Xapian stub file
// (or a directory's XAPIANDB stub) lists, each reading its own metadata.
#include <doctest/doctest.h>
#include <xapian.h>

#include "e2e_support.h"
#include "shard_handles.h"

using namespace fahras;
namespace fs = std::filesystem;

namespace {

// A database at `path` whose metadata "who" is `name`.
void make_database(const fs::path& path, const std::string& name) {
  fs::create_directories(path.parent_path());
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
  db.set_metadata("who", name);
  db.commit();
}

std::vector<std::string> names(const std::vector<Xapian::Database>& handles) {
  std::vector<std::string> out;
  for (const Xapian::Database& db : handles) out.push_back(db.get_metadata("who"));
  return out;
}

}  // namespace

TEST_SUITE("shard_handles") {
  TEST_CASE("a stub's local shards each on its own; anything else, one handle") {
    e2e::TempDir dir;
    make_database(dir.path / "index/shard-00", "first");
    make_database(dir.path / "index/shard-01", "second");
    make_database(dir.path / "elsewhere", "third");
    e2e::write_file(dir.path / "index/XAPIANDB", "auto shard-00\n# a comment\nglass shard-01\n");
    // A directory holding a stub: its shards, relative to it.
    CHECK(names(open_each_shard((dir.path / "index").string())) ==
          std::vector<std::string>{"first", "second"});
    // A stub file of its own, with an absolute path too.
    e2e::write_file(dir.path / "all.stub",
                    "auto index/shard-01\nauto " + (dir.path / "elsewhere").string() + "\n");
    CHECK(names(open_each_shard((dir.path / "all.stub").string())) ==
          std::vector<std::string>{"second", "third"});
    // An unsharded index.
    CHECK(names(open_each_shard((dir.path / "elsewhere").string())) ==
          std::vector<std::string>{"third"});
    // A line of a kind not read here (an in-memory database): the stub as Xapian opens it.
    e2e::write_file(dir.path / "mixed.stub", "auto index/shard-00\ninmemory\n");
    CHECK(open_each_shard((dir.path / "mixed.stub").string()).size() == 1);
    CHECK_THROWS(open_each_shard((dir.path / "missing").string()));
  }
}
