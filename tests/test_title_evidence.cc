// Tests of searcher/title_evidence.h: a passage's article title as evidence,
// weighted by how few titles hold the word.
#include <doctest/doctest.h>

#include "fahras/schema.h"
#include "rerank.h"
#include "title_evidence.h"

using namespace fahras;

namespace {

// A title passage of `file` holding the title stems given.
void add_title(Xapian::WritableDatabase& db, const std::string& file,
               std::initializer_list<const char*> stems) {
  Xapian::Document doc;
  doc.add_boolean_term(schema::article_term(file));
  for (const char* stem : stems) doc.add_term("ZS" + std::string(stem));
  doc.add_value(schema::kSlotArticle, file);
  db.add_document(doc);
}

}  // namespace

TEST_SUITE("title_evidence") {
  TEST_CASE("a candidate's article title holding query concepts, by their idf among articles") {
    Xapian::WritableDatabase db = Xapian::InMemory::open();
    add_title(db, "ar.txt", {"ارجنتين"});
    add_title(db, "br.txt", {"برازيل", "منتخب", "منتخبات"});
    add_title(db, "fr.txt", {"فرنس", "منتخب", "منتخبات"});
    add_title(db, "de.txt", {"المان"});
    for (int i = 0; i < 56; ++i) add_title(db, "other" + std::to_string(i) + ".txt", {"تاريخ"});
    db.commit();
    Xapian::doccount articles = count_articles(db);
    CHECK(articles == 60);
    // Three concepts; the second read two ways (منتخب, منتخبات), counted once.
    std::vector<std::vector<std::string>> concepts = {{"ارجنتين"}, {"منتخب", "منتخبات"}, {"كره"}};
    auto evidence = title_evidence(db, concepts, {"ar.txt", "br.txt", "de.txt"}, articles, nullptr);
    // fr.txt is no candidate; de.txt's title holds none of the concepts.
    CHECK(evidence.size() == 2);
    CHECK(evidence["ar.txt"].weight == doctest::Approx(bm25_idf(60, 1)));
    CHECK(evidence["br.txt"].weight == doctest::Approx(bm25_idf(60, 2)));
    // a word fewer titles hold tells more
    CHECK(evidence["ar.txt"].weight > evidence["br.txt"].weight);
    // Which concepts each title holds.
    CHECK(evidence["ar.txt"].concepts == std::vector<bool>{true, false, false});
    CHECK(evidence["br.txt"].concepts == std::vector<bool>{false, true, false});
    CHECK(title_evidence(db, {{"ارجنتين"}}, {"ar.txt"}, 0, nullptr).empty());
    // A handful of articles tell no subject from a common word.
    CHECK(title_evidence(db, {{"ارجنتين"}}, {"ar.txt"}, kMinArticlesForTitleEvidence - 1, nullptr)
              .empty());
  }
}
