// Tests of stemmers/hamza_seats.h: the other seats a typed hamza may stand on.
#include <doctest/doctest.h>

#include <algorithm>

#include "hamza_seats.h"
#include "normalizer.h"

using namespace fahras;

namespace {
bool offers(const std::string& typed, const std::string& written) {
  std::vector<std::string> v = hamza_seat_variants(normalize(typed));
  return std::find(v.begin(), v.end(), normalize(written)) != v.end();
}
}  // namespace

TEST_SUITE("hamza_seats") {
  TEST_CASE("every seat is one letter after normalization") {
    CHECK(normalize("مسئول") == normalize("مسؤول"));
    CHECK(normalize("شئون") == normalize("شؤون"));
    CHECK(normalize("رئيس") == normalize("رءيس"));
    CHECK(normalize("المسئولية") == normalize("المسؤولية"));
  }
  TEST_CASE("a bare yeh or waw may be a seated hamza, and a hamza a bare letter") {
    CHECK(offers("الرقايق", "الرقائق"));
    CHECK(offers("مسوول", "مسؤول"));
    CHECK(offers("الشرائح", "الشرايح"));
    CHECK(offers("رئيس", "رييس"));
  }
  TEST_CASE("every bare seat of a word at once, no duplicates, never the word itself") {
    CHECK(offers("فوايد", "فؤائد"));  // both seats typed bare
    std::vector<std::string> v = hamza_seat_variants(normalize("الرقايق"));
    CHECK(std::find(v.begin(), v.end(), normalize("الرقايق")) == v.end());
    std::vector<std::string> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    CHECK(hamza_seat_variants(normalize("الصين")).size() == 1);  // its one yeh
    CHECK(hamza_seat_variants("h200").empty());
  }
}
