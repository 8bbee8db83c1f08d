// Tests of searcher/match/postings_cache.h: decoded posting lists, least recently
// used out first, within a byte budget.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "e2e_support.h"
#include "postings_cache.h"

using namespace fahras;

namespace {

// Passages as term lists: Zصين in 3, Zشرائح in 2, Zترامب in 1 (wdf 2).
Xapian::WritableDatabase small_index() {
  Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](std::initializer_list<std::pair<const char*, unsigned>> terms) {
    Xapian::Document doc;
    for (auto [t, wdf] : terms) doc.add_term(t, wdf);
    db.add_document(doc);
  };
  add({{"Zصين", 1}, {"Zشرائح", 1}});
  add({{"Zصين", 3}});
  add({{"Zصين", 1}, {"Zشرائح", 2}, {"Zترامب", 2}});
  db.commit();
  return db;
}

std::vector<std::pair<Xapian::docid, Xapian::termcount>> as_pairs(const PostingsPtr& p) {
  std::vector<std::pair<Xapian::docid, Xapian::termcount>> out;
  for (const Posting& x : p->list) out.emplace_back(x.docid, x.wdf);
  return out;
}

// The bytes `postings` postings in `lists` lists of under 65 take, bounds included.
constexpr size_t bytes(size_t postings, size_t lists) {
  return postings * sizeof(Posting) + lists * sizeof(Xapian::termcount);
}

}  // namespace

TEST_SUITE("postings_cache") {
  TEST_CASE("a term's postings are its documents in docid order, with their wdf") {
    Xapian::WritableDatabase db = small_index();
    PostingsCache cache;
    using Pairs = std::vector<std::pair<Xapian::docid, Xapian::termcount>>;
    CHECK(as_pairs(cache.postings(db, "Zصين")) == Pairs{{1, 1}, {2, 3}, {3, 1}});
    CHECK(as_pairs(cache.postings(db, "Zشرائح")) == Pairs{{1, 1}, {3, 2}});
    CHECK(cache.postings(db, "Zشرائح")->max_wdf == 2);
    CHECK(cache.postings(db, "Zبكين")->list.empty());
    CHECK(cache.contains("Zصين"));
    CHECK(cache.bytes() == bytes(5, 2));
  }

  TEST_CASE("the least recently used list leaves first when the budget is full") {
    Xapian::WritableDatabase db = small_index();
    PostingsCache cache(bytes(5, 2));
    cache.postings(db, "Zصين");    // 3 postings
    cache.postings(db, "Zترامب");  // 1
    cache.postings(db, "Zصين");    // used again: Zترامب is now the oldest
    cache.postings(db, "Zشرائح");  // 2 more: over budget by one
    CHECK(cache.contains("Zصين"));
    CHECK(cache.contains("Zشرائح"));
    CHECK_FALSE(cache.contains("Zترامب"));
    CHECK(cache.bytes() == bytes(5, 2));
  }

  TEST_CASE("a list larger than the whole budget is returned but not kept") {
    Xapian::WritableDatabase db = small_index();
    PostingsCache cache(bytes(2, 1));
    cache.postings(db, "Zترامب");
    CHECK(cache.postings(db, "Zصين")->list.size() == 3);
    CHECK_FALSE(cache.contains("Zصين"));
    CHECK(cache.contains("Zترامب"));
  }

  TEST_CASE("erase() forgets one list and its bytes; the others stay") {
    Xapian::WritableDatabase db = small_index();
    PostingsCache cache;
    cache.postings(db, "Zصين");
    cache.postings(db, "Zترامب");
    Xapian::Document doc;
    doc.add_term("Zترامب");
    db.add_document(doc);
    db.commit();
    cache.erase("Zترامب");
    cache.erase("Zبكين");  // never cached: nothing to do
    CHECK(cache.contains("Zصين"));
    CHECK_FALSE(cache.contains("Zترامب"));
    CHECK(cache.bytes() == bytes(3, 1));
    CHECK(cache.postings(db, "Zترامب")->list.size() == 2);
    CHECK(cache.bytes() == bytes(5, 2));
  }

  TEST_CASE("a list handed out stays whole when the cache drops it") {
    Xapian::WritableDatabase db = small_index();
    PostingsCache cache(bytes(3, 1));
    PostingsPtr held = cache.postings(db, "Zصين");
    cache.postings(db, "Zترامب");  // over budget: Zصين leaves
    CHECK_FALSE(cache.contains("Zصين"));
    CHECK(as_pairs(held) == std::vector<std::pair<Xapian::docid, Xapian::termcount>>{{1, 1}, {2, 3}, {3, 1}});
  }

  TEST_CASE("inherit() takes the lists a commit did not change, and no group's") {
    Xapian::WritableDatabase db = small_index();
    PostingsCache older;
    older.postings(db, "Zصين");
    older.postings(db, "Zترامب");
    older.made(std::string(1, kGroupKeyMark) + "Zصين", [&] { return older.postings(db, "Zصين"); });
    PostingsCache newer;
    newer.inherit(older, {"Zترامب"});
    CHECK(newer.contains("Zصين"));
    CHECK(newer.find("Zصين") == older.find("Zصين"));  // the same list, not a copy
    CHECK_FALSE(newer.contains("Zترامب"));
    CHECK_FALSE(newer.contains(std::string(1, kGroupKeyMark) + "Zصين"));
    CHECK(newer.bytes() == bytes(3, 1));
  }

  TEST_CASE("threads share one cache: every one reads the same lists") {
    e2e::TempDir dir;
    {
      Xapian::WritableDatabase on_disk((dir.path / "db").string(), Xapian::DB_CREATE);
      Xapian::WritableDatabase db = small_index();
      for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) on_disk.add_document(db.get_document(d));
      on_disk.commit();
    }
    PostingsCache cache(bytes(4, 2));  // lists come and go as threads ask
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        Xapian::Database own((dir.path / "db").string());  // a handle per thread
        for (int i = 0; i < 200; ++i) {
          const char* term = (i + t) % 3 == 0 ? "Zصين" : (i + t) % 3 == 1 ? "Zشرائح" : "Zترامب";
          size_t expected = (i + t) % 3 == 0 ? 3 : (i + t) % 3 == 1 ? 2 : 1;
          if (cache.postings(own, term)->list.size() != expected) ++wrong;
        }
      });
    for (std::thread& thread : threads) thread.join();
    CHECK(wrong == 0);
    CHECK(cache.bytes() <= bytes(4, 2));
  }

  TEST_CASE("clear() forgets every list, so a reopened index is read afresh") {
    Xapian::WritableDatabase db = small_index();
    PostingsCache cache;
    CHECK(cache.postings(db, "Zترامب")->list.size() == 1);
    Xapian::Document doc;
    doc.add_term("Zترامب");
    db.add_document(doc);
    db.commit();
    CHECK(cache.postings(db, "Zترامب")->list.size() == 1);  // the cached revision
    cache.clear();
    CHECK(cache.bytes() == 0);
    CHECK(cache.postings(db, "Zترامب")->list.size() == 2);
  }
  TEST_CASE("the budget grows with the index past a million passages, up to a bound") {
    CHECK(postings_cache_budget(0) == kPostingsCacheBytes);
    CHECK(postings_cache_budget(48'121) == kPostingsCacheBytes);
    CHECK(postings_cache_budget(1'000'000) == kPostingsCacheBytes);
    CHECK(postings_cache_budget(3'053'004) == 3'053'004u * kPostingsCacheBytesPerPassage);
    CHECK(postings_cache_budget(50'000'000) == kMaxPostingsCacheBytes);
  }
}
