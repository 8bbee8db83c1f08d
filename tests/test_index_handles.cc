// Tests of server/index_handles.h: a read runs on its caller's thread with a
// lent handle; one client's reads in turn reuse one handle; no more reads
// run at once than there are handles; a failure, opening the index
// included, reaches its caller and leaves the handle to the next read.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "corpus_index.h"
#include "index_handles.h"

using namespace fahras;

TEST_SUITE("index_handles") {
  TEST_CASE("reads in turn run on the caller's thread with one handle") {
    testing::CorpusIndex corpus;
    IndexHandles handles({corpus.path.string()}, {}, 4);
    std::set<const Index*> used;
    for (int i = 0; i < 20; ++i) {
      Results results = handles.run([&](Index& index) {
        used.insert(&index);
        CHECK(handles.lent() == 1);
        return index.search("الصين رقائق");
      });
      CHECK(!results.matches.empty());
    }
    CHECK(used.size() == 1);
    CHECK(handles.lent() == 0);
  }

  TEST_CASE("no more reads run at once than there are handles") {
    testing::CorpusIndex corpus;
    IndexHandles handles({corpus.path.string()}, {}, 2);
    std::atomic<int> running{0}, most{0};
    std::vector<size_t> hits(8);
    std::vector<std::thread> clients;
    for (size_t c = 0; c < hits.size(); ++c)
      clients.emplace_back([&, c] {
        for (int i = 0; i < 5; ++i)
          hits[c] += handles.run([&](Index& index) {
            int now = ++running;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            size_t n = index.search("إنفيديا H200").matches.size();
            --running;
            return n;
          });
      });
    for (std::thread& t : clients) t.join();
    for (size_t h : hits) CHECK(h > 0);
    CHECK(most.load() == 2);
    CHECK(handles.lent() == 0);
  }

  TEST_CASE("a read's failure reaches its caller and frees the handle") {
    testing::CorpusIndex corpus;
    IndexHandles handles({corpus.path.string()}, {}, 1);
    CHECK_THROWS_WITH_AS(
        handles.run([](Index&) -> int { throw std::runtime_error("قراءة فاشلة"); }), "قراءة فاشلة",
        std::runtime_error);
    CHECK(handles.lent() == 0);
    CHECK(handles.run([](Index& index) { return index.search("موافقة").matches.size(); }) > 0);
  }

  TEST_CASE("an index that cannot be opened is reported to each read") {
    testing::CorpusIndex corpus;
    IndexHandles handles({(corpus.path / "missing").string()}, {}, 2);
    CHECK_THROWS(handles.run([](Index& index) { return index.search("الصين").matches.size(); }));
    CHECK_THROWS(handles.run([](Index& index) { return index.search("الصين").matches.size(); }));
    CHECK(handles.lent() == 0);
  }
}
