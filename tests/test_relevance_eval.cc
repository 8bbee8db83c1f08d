// Tests of searcher/relevance_eval.h: judgments of a passage (FILE:LINE) and
// of a whole document (FILE:*), as known items in document formats are judged.
#include <doctest/doctest.h>

#include <fstream>

#include "e2e_support.h"
#include "fahras/fahras.h"
#include "relevance_eval.h"

using namespace fahras;

TEST_SUITE("relevance_eval") {
  TEST_CASE("a document judged whole counts once, at its first passage") {
    e2e::TempDir tmp;
    std::string db = (tmp.path / "db").string();
    {
      Index index(db, Index::kWritable);
      index.put({"statute.pdf", "نظام العمل",
                 "تسري أحكام نظام العمل على العمال\nيستحق العامل أجرا عن ساعات العمل الإضافية\n"
                 "تحدد ساعات العمل الإضافية بقرار من الوزير",
                 "", ""});
      index.put({"book.epub", "الورق", "صناعة الورق في بغداد\nسوق الوراقين في بغداد", "", ""});
      index.commit();
    }
    std::ofstream(tmp.path / "queries.tsv") << "q1\tساعات العمل الإضافية\nq2\tسوق الوراقين\n"
                                               "q3\tصناعة الورق\n";
    std::ofstream(tmp.path / "qrels.txt") << "q1 0 statute.pdf:* 1\nq2 0 book.epub:* 1\n"
                                             "q3 0 statute.pdf:* 1\n";
    Index index(db);
    EvalReport report =
        evaluate(index, (tmp.path / "queries.tsv").string(), (tmp.path / "qrels.txt").string(), 0);
    REQUIRE(report.by_query.size() == 3);
    // Two passages of statute.pdf match q1: the document is found once.
    CHECK(report.by_query[0].second.mrr10 == doctest::Approx(1.0));
    CHECK(report.by_query[0].second.recall10 == doctest::Approx(1.0));
    CHECK(report.by_query[0].second.p5 == doctest::Approx(0.2));
    CHECK(report.by_query[1].second.mrr10 == doctest::Approx(1.0));
    // q3 finds only book.epub: the judged document is missed.
    CHECK(report.by_query[2].second.mrr10 == doctest::Approx(0.0));
  }
}
