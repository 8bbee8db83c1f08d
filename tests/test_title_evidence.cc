// Tests of searcher/rank/title_evidence.h: a passage's article title as evidence,
// weighted by how few titles hold the word.
#include <doctest/doctest.h>

#include "e2e_support.h"
#include "fahras/schema.h"
#include "index_run.h"
#include "passage_document.h"
#include "rerank.h"
#include "searcher.h"
#include "title_evidence.h"

using namespace fahras;

namespace {

// A title passage of `file` holding the title stems given, its text `title`.
void add_title(Xapian::WritableDatabase& db, const std::string& file,
               std::initializer_list<const char*> stems, const std::string& title) {
  Xapian::Document doc;
  doc.add_boolean_term(schema::article_term(file));
  for (const char* stem : stems) doc.add_term("ZS" + std::string(stem));
  doc.add_value(schema::kSlotArticle, file);
  PassageData data;
  data.file = file;
  data.line = 1;
  data.title = data.text = title;
  doc.add_value(schema::kSlotPassageData, compress_passage_data(data.to_json()));
  db.add_document(doc);
}

}  // namespace

TEST_SUITE("title_evidence") {
  TEST_CASE("a candidate's article title holding query concepts, by their idf among articles") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    add_title(db, "ar.txt", {"ارجنتين"}, "الأرجنتين");
    add_title(db, "br.txt", {"برازيل", "منتخب", "منتخبات"}, "منتخبات البرازيل");
    add_title(db, "fr.txt", {"فرنس", "منتخب", "منتخبات"}, "منتخبات فرنسا");
    add_title(db, "de.txt", {"المان"}, "ألمانيا");
    for (int i = 0; i < 56; ++i)
      add_title(db, "other" + std::to_string(i) + ".txt", {"تاريخ"}, "تاريخ");
    db.commit();
    Xapian::doccount articles = count_articles(db);
    CHECK(articles == 60);
    // Three concepts; the second read two ways (منتخب, منتخبات), counted once.
    std::vector<std::vector<std::string>> concepts = {{"ارجنتين"}, {"منتخب", "منتخبات"}, {"كره"}};
    TitleWordCounts counts;
    QueryTitles titles(db, concepts, articles, nullptr, counts);
    // de.txt's title holds none of the concepts.
    CHECK(titles.of("de.txt") == nullptr);
    REQUIRE(titles.of("ar.txt"));
    REQUIRE(titles.of("br.txt"));
    CHECK(titles.of("ar.txt")->weight == doctest::Approx(bm25_idf(60, 1)));
    // The title of br.txt is two words, the query holds one: half its idf.
    CHECK(titles.of("br.txt")->weight == doctest::Approx(bm25_idf(60, 2) / 2));
    // a word fewer titles hold tells more
    CHECK(titles.of("ar.txt")->weight > titles.of("br.txt")->weight);
    // Which concepts each title holds.
    CHECK(titles.of("ar.txt")->concepts == std::vector<bool>{true, false, false});
    CHECK(titles.of("br.txt")->concepts == std::vector<bool>{false, true, false});
    // The subjects: the rarest first, ties by file.
    CHECK(titles.subjects(2) == std::vector<std::string>{"ar.txt", "br.txt"});
    CHECK(titles.subjects(3) == std::vector<std::string>{"ar.txt", "br.txt", "fr.txt"});
    CHECK(QueryTitles(db, {{"ارجنتين"}}, 0, nullptr, counts).of("ar.txt") == nullptr);
    // A handful of articles tell no subject from a common word.
    CHECK(QueryTitles(db, {{"ارجنتين"}}, kMinArticlesForTitleEvidence - 1, nullptr, counts)
              .of("ar.txt") == nullptr);
  }

  TEST_CASE("a title's words: distinct stems, stop words left out") {
    CHECK(title_word_count("نجيب محفوظ") == 2);
    CHECK(title_word_count("الثورة الفرنسية") == 2);
    CHECK(title_word_count("منتخب ومنتخبات") == 1);    // one stem
    CHECK(title_word_count("قائمة من الأفلام") == 2);  // من is a stop word
    CHECK(title_word_count("") == 0);
  }

  TEST_CASE("a word most titles hold names no subject, though its titles are evidence") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (Xapian::doccount i = 0; i <= kMaxSubjectTitles; ++i)
      add_title(db, "history" + std::to_string(i) + ".txt", {"تاريخ"}, "تاريخ");
    db.commit();
    TitleWordCounts counts;
    QueryTitles titles(db, {{"تاريخ"}}, count_articles(db), nullptr, counts);
    REQUIRE(titles.of("history0.txt"));
    CHECK(titles.of("history0.txt")->weight > 0);
    CHECK(titles.of("history0.txt")->subject_weight == 0);
    CHECK(titles.subjects(3).empty());
  }

  TEST_CASE("a question's subject article brings in its passage that BM25 ranks below the depth") {
    // The answer says زوجة once and names no one; forty passages of other
    // articles say زوجة twice, so BM25 ranks them all above it.
    e2e::TempDir dir;
    e2e::write_file(dir.path / "c/mahfouz.txt",
                    "نجيب محفوظ\nولد في القاهرة وكتب روايات كثيرة، وكانت زوجة هادئة بعيدة عن "
                    "الأضواء.\n");
    for (int i = 0; i < 40; ++i)
      e2e::write_file(dir.path / ("c/king" + std::to_string(i) + ".txt"),
                      "مملكة رقم " + std::to_string(i) + "\nكانت زوجة الملك زوجة محبوبة.\n");
    for (int i = 0; i < 10; ++i)
      e2e::write_file(dir.path / ("c/history" + std::to_string(i) + ".txt"),
                      "تاريخ رقم " + std::to_string(i) + "\nحدث في التاريخ القديم.\n");
    IndexOptions options;
    options.database = dir.path / "db";
    options.corpus_roots = {dir.path / "c"};
    run_index(options);
    Searcher searcher({options.database.string()});
    SearchOptions search;
    auto rank_of = [&](const std::string& file, uint32_t line) {
      for (const Hit& hit : searcher.search("ما زوجة نجيب محفوظ؟", search).hits)
        if (hit.file == file && hit.line == line) return hit.rank;
      return size_t{0};
    };
    // The article's title covers نجيب محفوظ: the answer ranks above the kings.
    size_t answer = rank_of("mahfouz.txt", 2);
    CHECK(answer >= 1);
    CHECK(answer <= 2);  // the title passage itself may come first
    CHECK(rank_of("king0.txt", 2) > answer);
  }
}
