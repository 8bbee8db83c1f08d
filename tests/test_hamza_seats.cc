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
  TEST_CASE("a bare yeh or waw may be a seated hamza, and seats swap") {
    CHECK(offers("الرقايق", "الرقائق"));
    CHECK(offers("مسئول", "مسؤول"));
    CHECK(offers("مسؤول", "مسئول"));
    CHECK(offers("شئون", "شؤون"));
    CHECK(offers("الشرائح", "الشرايح"));
    CHECK(offers("مسوول", "مسؤول"));
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
