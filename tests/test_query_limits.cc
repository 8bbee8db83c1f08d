// Tests of searcher/query/query_limits.h: phrases, NEAR and ADJ, and wildcards are
// cut at their limits, with a notice, and what is cut stays as plain words.
#include <doctest/doctest.h>

#include <algorithm>

#include "query_limits.h"

using namespace fahras;

namespace {

std::string repeated(const std::string& unit, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += (out.empty() ? "" : " ") + unit;
  return out;
}

bool has(const std::vector<std::string>& notices, const std::string& part) {
  for (const std::string& n : notices)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_SUITE("query_limits") {
  TEST_CASE("a query within the limits is unchanged, with no notice") {
    std::vector<std::string> notices;
    std::string q = "\"الصين توافق\" H200 NEAR إنفيديا استير* title: ترامب";
    CHECK(within_query_limits(q, notices) == q);
    CHECK(notices.empty());
  }

  TEST_CASE("a long phrase keeps its first kMaxPhraseWords words as the phrase") {
    std::vector<std::string> notices;
    std::string words = repeated("في", kMaxPhraseWords + 5);
    std::string out = within_query_limits("\"" + words + "\" الصين", notices);
    CHECK(out == "\"" + repeated("في", kMaxPhraseWords) + " \" " + repeated("في", 5) + " الصين");
    CHECK(has(notices, "its first 32 searched as a phrase"));
  }

  TEST_CASE("phrases past the kMaxPhrases-th lose their quotes") {
    std::vector<std::string> notices;
    std::string out = within_query_limits(repeated("\"في من\"", kMaxPhrases + 2), notices);
    CHECK(std::count(out.begin(), out.end(), '"') == static_cast<long>(2 * kMaxPhrases));
    CHECK(out.find("في من في من") != std::string::npos);
    CHECK(has(notices, "2 searched as plain words"));
  }

  TEST_CASE("NEAR and ADJ past the kMaxProximityOperators-th are dropped, their words kept") {
    std::vector<std::string> notices;
    std::string out = within_query_limits(repeated("عام NEAR/3", 12) + " مصر", notices);
    size_t kept = 0;
    for (size_t at = out.find("NEAR"); at != std::string::npos; at = out.find("NEAR", at + 1))
      ++kept;
    CHECK(kept == kMaxProximityOperators);
    CHECK(has(notices, "4 ignored"));
    CHECK(out.find("مصر") != std::string::npos);
  }

  TEST_CASE("wildcards past the kMaxWildcards-th are plain words") {
    std::vector<std::string> notices;
    std::string out = within_query_limits(repeated("ال*", kMaxWildcards + 3), notices);
    CHECK(std::count(out.begin(), out.end(), '*') == static_cast<long>(kMaxWildcards));
    CHECK(has(notices, "3 searched as plain words"));
  }
}
