// Tests of server/search_workers.h: reads run on the workers, one client's
// reads in turn go to one worker (its caches warm), concurrent reads all
// answer, and a failure reaches the caller.
#include <doctest/doctest.h>

#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "corpus_index.h"
#include "search_workers.h"

using namespace fahras;

TEST_SUITE("search_workers") {
  TEST_CASE("reads one after another go to the same worker") {
    testing::CorpusIndex corpus;
    SearchWorkers workers({corpus.path.string()}, {}, 4);
    std::set<std::thread::id> ran_on;
    for (int i = 0; i < 40; ++i) {
      Results results = workers.run([&](Index& index) {
        ran_on.insert(std::this_thread::get_id());
        return index.search("الصين رقائق");
      });
      CHECK(!results.matches.empty());
    }
    CHECK(ran_on.size() == 1);
    CHECK(ran_on.count(std::this_thread::get_id()) == 0);
  }

  TEST_CASE("concurrent reads all answer, and a failure reaches its caller") {
    testing::CorpusIndex corpus;
    SearchWorkers workers({corpus.path.string()}, {}, 2);
    std::vector<size_t> hits(8);
    std::vector<std::thread> clients;
    for (size_t c = 0; c < hits.size(); ++c)
      clients.emplace_back([&, c] {
        for (int i = 0; i < 10; ++i)
          hits[c] += workers.run([](Index& index) { return index.search("إنفيديا H200").matches.size(); });
      });
    for (std::thread& t : clients) t.join();
    for (size_t h : hits) CHECK(h > 0);
    CHECK_THROWS_WITH_AS(workers.run([](Index&) -> int { throw std::runtime_error("قراءة فاشلة"); }),
                         "قراءة فاشلة", std::runtime_error);
    CHECK(workers.run([](Index& index) { return index.search("موافقة").matches.size(); }) > 0);
  }

  TEST_CASE("an index that cannot be opened is reported to each read") {
    testing::CorpusIndex corpus;
    SearchWorkers workers({(corpus.path / "missing").string()}, {}, 2);
    CHECK_THROWS(workers.run([](Index& index) { return index.search("الصين").matches.size(); }));
    CHECK_THROWS(workers.run([](Index& index) { return index.search("الصين").matches.size(); }));
  }
}
