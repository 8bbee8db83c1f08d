// Tests of searcher/query/word_groups.h: the groups of words a parsed query
// matches as written, with their windows.
#include <doctest/doctest.h>
#include <xapian.h>

#include "word_groups.h"

using namespace fahras;

namespace {
std::set<WordGroup> groups_of(const std::string& query) {
  Xapian::QueryParser parser;
  std::set<WordGroup> groups;
  collect_word_groups(parser.parse_query(query), groups);
  return groups;
}
}  // namespace

TEST_SUITE("word_groups") {
  TEST_CASE("a quoted phrase is one ordered group of adjacent words") {
    CHECK(groups_of("\"الذكاء الاصطناعي\"") ==
          std::set<WordGroup>{{{"الذكاء", "الاصطناعي"}, 2, true}});
  }
  TEST_CASE("ADJ and NEAR keep their windows; NEAR in any order") {
    CHECK(groups_of("شرائح ADJ/3 h200") == std::set<WordGroup>{{{"شرائح", "h200"}, 4, true}});
    CHECK(groups_of("شرائح NEAR/3 h200") == std::set<WordGroup>{{{"شرائح", "h200"}, 4, false}});
  }
  TEST_CASE("other unprefixed words stand alone; prefixed terms are no words") {
    std::set<WordGroup> groups = groups_of("700000 OR \"الذكاء الاصطناعي\"");
    CHECK(groups.count({{"700000"}, 1, true}) == 1);
    CHECK(groups.size() == 2);
    Xapian::Query stemmed("Zصين");
    std::set<WordGroup> none;
    collect_word_groups(stemmed, none);
    CHECK(none.empty());
  }
}
