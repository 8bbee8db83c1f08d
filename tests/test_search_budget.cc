// Tests of searcher/match/search_budget.h and of what bounds a query's cost:
// the time budget inside and between the searcher's stages, a caller that
// leaves, wildcard expansion, and "did you mean" on very long words.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "corpus_index.h"
#include "e2e_support.h"
#include "query_limits.h"
#include "query_plan.h"
#include "search_budget.h"
#include "searcher.h"
#include "spelling_suggester.h"

using namespace fahras;

namespace {

bool has_notice(const SearchResult& r, const std::string& part) {
  for (const std::string& n : r.notices)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_SUITE("search_budget") {
  TEST_CASE("a budget is spent after its deadline, or when its asker leaves, and stays spent") {
    SearchBudget unlimited;
    CHECK_FALSE(unlimited.spent());
    SearchBudget short_one(1, {});
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    CHECK(short_one.spent());
    CHECK(short_one.was_spent());
    bool gone = false;
    SearchBudget asked(0, [&] { return gone; });
    CHECK_FALSE(asked.spent());
    gone = true;
    CHECK(asked.spent());
    gone = false;
    CHECK(asked.spent());
  }

  TEST_CASE("the decider throws once the budget is spent, and only then") {
    SearchBudget budget(0, {});
    BudgetDecider decider(budget);
    Xapian::Document d;
    for (unsigned i = 0; i < 3 * BudgetDecider::kChecksEvery; ++i) CHECK(decider(d));
    bool gone = true;
    SearchBudget left(0, [&] { return gone; });
    BudgetDecider stops(left);
    bool thrown = false;
    try {
      for (unsigned i = 0; i <= BudgetDecider::kChecksEvery; ++i) stops(d);
    } catch (const BudgetSpent&) {
      thrown = true;
    }
    CHECK(thrown);
  }

  TEST_CASE("BudgetSpent leaves Xapian's matcher cleanly, and the database stays usable") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    for (int i = 0; i < 2000; ++i) {
      Xapian::Document d;
      d.add_term("Zالصين");
      d.add_term(i % 2 ? "Zبكين" : "Zترامب");
      db.add_document(d);
    }
    db.commit();
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("Zالصين"), Xapian::Query("Zترامب")));
    bool gone = true;
    SearchBudget budget(0, [&] { return gone; });
    BudgetDecider decider(budget);
    CHECK_THROWS_AS(enquire.get_mset(0, 10, 0, nullptr, &decider), BudgetSpent);
    CHECK(enquire.get_mset(0, 10).get_matches_estimated() == 1000);
  }

  TEST_CASE("a search whose caller left ends with a notice; the next one is whole") {
    testing::CorpusIndex index;
    Searcher searcher({index.path.string()});
    SearchOptions options;
    options.abandoned = [] { return true; };
    SearchResult gone = searcher.search("H200 الصين موافقة", options);
    CHECK(has_notice(gone, "abandoned by its caller"));
    CHECK_FALSE(gone.suggestion);

    SearchResult whole = searcher.search("H200 الصين موافقة");
    CHECK_FALSE(has_notice(whole, "abandoned"));
    CHECK_FALSE(has_notice(whole, "time budget"));
    REQUIRE_FALSE(whole.hits.empty());
    CHECK(whole.hits[0].file == "004_14b02d1ffb8d8581.txt");
  }

  TEST_CASE("a spent budget stops Xapian's matcher mid-way, with a notice") {
    testing::CorpusIndex index;
    Searcher searcher({index.path.string()});
    SearchOptions options;
    options.time_budget_ms = 1e-6;  // spent before the match starts
    // NOT keeps the query on Xapian's matcher, where the decider is asked.
    SearchResult r = searcher.search("الصين* NOT ترامب", options);
    CHECK(has_notice(r, "time budget of"));
    SearchResult again = searcher.search("الصين* NOT ترامب");
    CHECK_FALSE(has_notice(again, "time budget"));
    CHECK_FALSE(again.hits.empty());
  }

  TEST_CASE("wildcards: each stands for at most kMaxWildcardExpansion words, and few are wild") {
    testing::CorpusIndex index;
    Synonyms none;
    TermStatistics statistics(index.db);
    QueryPlanner planner(index.db, none, statistics);
    QueryPlan one = planner.plan("ا*");
    bool cut = false;
    for (const std::string& n : one.notices)
      cut = cut || n.find("matches more than " + std::to_string(kMaxWildcardExpansion)) !=
                       std::string::npos;
    CHECK(cut);
    std::string many;
    for (size_t i = 0; i < kMaxWildcards + 3; ++i) many += "ا* ";
    QueryPlan plan = planner.plan(many);
    bool plain = false;
    for (const std::string& n : plan.notices)
      plain = plain || n.find("3 searched as plain words") != std::string::npos;
    CHECK(plain);
    // Xapian expands each wildcard to its most frequent words only.
    Xapian::Enquire enquire(index.db);
    enquire.set_query(one.query);
    CHECK_NOTHROW(enquire.get_mset(0, 10));
  }

  TEST_CASE("no suggestion is looked for in a word longer than kMaxSuggestionLetters") {
    testing::CorpusIndex index;
    SpellingSuggester suggester;
    std::string long_word(kMaxSuggestionLetters + 1, 'q');
    CHECK(suggester.suggest(index.db, long_word, 2).empty());
    std::string longest(120, 'x');
    CHECK(suggester.suggest(index.db, longest, 2).empty());
    CHECK(suggester.suggest(index.db, "الصنييه", 2) == "الصينيه");
  }
}
