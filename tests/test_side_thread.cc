// Tests of searcher/match/side_thread.h: work runs beside the caller only
// while the side thread is free and no other search is in progress.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "side_thread.h"

using namespace fahras;

TEST_SUITE("side_thread") {
  TEST_CASE("work runs on another thread, and its error reaches the caller") {
    SideThread side;
    std::thread::id ran_on;
    REQUIRE(side.try_start([&] { ran_on = std::this_thread::get_id(); }));
    side.wait();
    CHECK(ran_on != std::thread::id());
    CHECK(ran_on != std::this_thread::get_id());
    REQUIRE(side.try_start([] { throw std::runtime_error("الصين"); }));
    CHECK_THROWS_WITH_AS(side.wait(), "الصين", std::runtime_error);
    REQUIRE(side.try_start([] {}));  // free again after an error
    side.wait();
  }

  TEST_CASE("a busy side thread takes no more work until waited for") {
    SideThread side;
    std::atomic<bool> release{false};
    REQUIRE(side.try_start([&] {
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }));
    int ran = 0;
    CHECK_FALSE(side.try_start([&] { ++ran; }));
    release = true;
    side.wait();
    CHECK(ran == 0);
    REQUIRE(side.try_start([&] { ++ran; }));
    side.wait();
    CHECK(ran == 1);
  }

  TEST_CASE("the side thread helps only a search alone") {
    SideThread side;
    CHECK(SearchInProgress::count() == 0);
    SearchInProgress first;
    {
      SearchInProgress second;
      CHECK(SearchInProgress::count() == 2);
      CHECK_FALSE(side.try_start([] {}));
    }
    CHECK(SearchInProgress::count() == 1);
    REQUIRE(side.try_start([] {}));
    side.wait();
  }
}
