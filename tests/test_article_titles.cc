// Tests of searcher/present/article_titles.h: a passage's article title read
// from the shard that holds it, once per article of a page.
#include <doctest/doctest.h>
#include <xapian.h>

#include "article_titles.h"
#include "fahras/schema.h"

using namespace fahras;

namespace {

// A shard holding `passages` passages of `file`, its title stored once.
Xapian::WritableDatabase shard_of(const std::string& file, const std::string& title, int passages) {
  Xapian::WritableDatabase shard(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < passages; ++i) {
    Xapian::Document doc;
    doc.add_boolean_term(schema::article_term(file));
    shard.add_document(doc);
  }
  shard.set_metadata(schema::article_title_key(file), title);
  return shard;
}

// Two shards of one index, one article each, combined as Xapian opens them.
struct TwoShards {
  Xapian::WritableDatabase first, second;
  Xapian::Database both;
  TwoShards(Xapian::WritableDatabase a, Xapian::WritableDatabase b)
      : first(std::move(a)), second(std::move(b)) {
    both.add_database(first);
    both.add_database(second);
  }
  std::vector<Xapian::Database> shards() const { return {first, second}; }
};

PassageData passage(const std::string& file, const std::string& title = {}) {
  return PassageData{.file = file, .title = title};
}

}  // namespace

TEST_SUITE("article_titles") {
  TEST_CASE("a title is read from the shard holding the passage") {
    TwoShards index(shard_of("cairo.txt", "القاهرة", 2), shard_of("baghdad.txt", "بغداد", 2));
    const std::vector<Xapian::Database> shards = index.shards();
    // Docids interleave: 1 and 3 are cairo's, 2 and 4 baghdad's.
    CHECK(stored_title_of(index.both, shards, 3, "cairo.txt") == "القاهرة");
    CHECK(stored_title_of(index.both, shards, 4, "baghdad.txt") == "بغداد");
    CHECK(stored_title_of(index.both, shards, 2, "cairo.txt").empty());         // not that shard's
    CHECK(stored_title_of(index.first, {}, 1, "cairo.txt") == "القاهرة");       // one database
    CHECK(stored_title_of(index.both, {index.first}, 1, "cairo.txt").empty());  // shards unknown
  }

  TEST_CASE("a page's passages get their titles; a title the passage holds is kept") {
    TwoShards index(shard_of("cairo.txt", "القاهرة", 2), shard_of("baghdad.txt", "بغداد", 2));
    std::vector<PassageData> page = {passage("baghdad.txt"), passage("cairo.txt"),
                                     passage("baghdad.txt"), passage("cairo.txt", "عنوان قديم")};
    add_article_titles(index.both, index.shards(), page, {4, 1, 2, 3});
    CHECK(page[0].title == "بغداد");
    CHECK(page[1].title == "القاهرة");
    CHECK(page[2].title == "بغداد");
    CHECK(page[3].title == "عنوان قديم");  // written before titles were stored once
  }

  TEST_CASE("two indexes may hold a file of the same name: each keeps its own title") {
    TwoShards index(shard_of("a.txt", "أخبار", 1), shard_of("a.txt", "أنظمة", 1));
    std::vector<PassageData> page = {passage("a.txt"), passage("a.txt")};
    add_article_titles(index.both, index.shards(), page, {2, 1});
    CHECK(page[0].title == "أنظمة");
    CHECK(page[1].title == "أخبار");
  }
}
