// Tests of searcher/rank/rerank.h: proximity of adjacent query words, and the
// whole sequence of a query's words standing together.
#include <doctest/doctest.h>

#include "fahras/schema.h"
#include "normalizer.h"
#include "rerank.h"
#include "term_documents.h"

using namespace fahras;

TEST_SUITE("rerank") {
  TEST_CASE("every pair of the sequence together: a remembered phrase scores above its pairs") {
    // من كل شيء: two pairs; من in every passage, كل in two, شيء in one.
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::string min = normalize("من"), kull = normalize("كل"), shay = normalize("شيء");
    testing::add_terms(db, {min.c_str(), kull.c_str(), shay.c_str()});
    testing::add_terms(db, {min.c_str(), kull.c_str()});
    testing::add_terms(db, {min.c_str()});
    testing::add_terms(db, {min.c_str()});
    QueryPlan plan;
    plan.adjacent_words = {{{min}, {kull}}, {{kull}, {shay}}};
    TermStatistics statistics(db);
    Reranker reranker(db.get_doccount(), statistics, plan);
    TermMatches::Found matched;
    double apart = reranker.score(1.0, matched, {0, 0});
    double first_only = reranker.score(1.0, matched, {1, 0});
    double both = reranker.score(1.0, matched, {1, 1});
    double idf_first = bm25_idf(4, 2), idf_second = bm25_idf(4, 1);
    CHECK(apart == doctest::Approx(1.0));
    CHECK(first_only - apart == doctest::Approx(RankingWeights{}.proximity * idf_first));
    CHECK(both - first_only == doctest::Approx(RankingWeights{}.proximity * idf_second +
                                               RankingWeights{}.sequence * (idf_first + idf_second)));
  }

  TEST_CASE("coverage: a concept the passage lacks counts when its article's title holds it") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::string wife = normalize("زوجة"), najib = normalize("نجيب"),
                      mahfouz = normalize("محفوظ");
    testing::add_terms(db, {wife.c_str(), najib.c_str(), mahfouz.c_str()});
    QueryPlan plan;
    plan.concept_terms = {{"Z" + wife}, {"Z" + najib}, {"Z" + mahfouz}};
    TermStatistics statistics(db);
    Reranker reranker(db.get_doccount(), statistics, plan);
    // The paragraph says تزوج (married), not his name: one concept of three.
    TermMatches::Found matched = {{"Z" + wife, 1}};
    CHECK(reranker.coverage(matched) == doctest::Approx(1.0 / 3));
    TitleEvidence title;  // the article نجيب محفوظ, its weight left out
    title.concepts = {false, true, true};
    const std::vector<bool>& title_holds = title.concepts;
    CHECK(reranker.coverage(matched, &title_holds) == doctest::Approx(1.0));
    CHECK(reranker.score(2.0, matched, {}, &title) == doctest::Approx(2.0));
    CHECK(reranker.score(2.0, matched, {}) == doctest::Approx(2.0 / 9));
    std::vector<bool> unrelated_title = {false, false, false};
    CHECK(reranker.coverage(matched, &unrelated_title) == doctest::Approx(1.0 / 3));
  }

  TEST_CASE("a question asking when ranks a passage without a year lower") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryPlan plan;
    plan.asked_number = std::string(schema::kHoldsYearTerm);
    TermStatistics statistics(db);
    Reranker reranker(1, statistics, plan);
    TermMatches::Found with_year = {{std::string(schema::kHoldsYearTerm), 0}};
    CHECK(reranker.score(2.0, with_year, {}) == doctest::Approx(2.0));
    CHECK(reranker.score(2.0, {}, {}) == doctest::Approx(2.0 * (1 - RankingWeights{}.no_asked_number_penalty)));
    QueryPlan keywords;  // asks for nothing
    Reranker plain(1, statistics, keywords);
    CHECK(plain.score(2.0, {}, {}) == doctest::Approx(2.0));
  }
}
