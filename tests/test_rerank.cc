// Tests of searcher/rerank.h: proximity of adjacent query words, and the
// whole sequence of a query's words standing together.
#include <doctest/doctest.h>

#include "normalizer.h"
#include "rerank.h"
#include "term_documents.h"

using namespace fahras;

TEST_SUITE("rerank") {
  TEST_CASE("every pair of the sequence together: a remembered phrase scores above its pairs") {
    // من كل شيء: two pairs; من in every passage, كل in two, شيء in one.
    Xapian::WritableDatabase db = Xapian::InMemory::open();
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
    CHECK(first_only - apart == doctest::Approx(kProximityWeight * idf_first));
    CHECK(both - first_only == doctest::Approx(kProximityWeight * idf_second +
                                               kSequenceWeight * (idf_first + idf_second)));
  }
}
