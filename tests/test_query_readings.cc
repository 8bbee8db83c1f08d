// Tests of searcher/query/query_readings.h on an index of corpus/: the readings of
// query words the index does not hold as typed, and model names in two parts.
#include <doctest/doctest.h>
#include <xapian.h>

#include "corpus_index.h"
#include "e2e_support.h"
#include "index_run.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "query_readings.h"
#include "searcher.h"

using namespace fahras;

using testing::CorpusIndex;

TEST_SUITE("query_readings") {
  TEST_CASE("words the index knows as typed have no readings") {
    CorpusIndex index;
    TermStatistics statistics(index.db);
    WordReadings read = read_word("الصينيه", statistics);
    CHECK(read.stems.empty());
    CHECK(read.meant_word == "الصينيه");
    CHECK(read_word("مقايضه", statistics).stems.empty());  // in no reading either
  }

  TEST_CASE("another hamza seat, a kept clitic, a plural without its ن") {
    CorpusIndex index;
    TermStatistics statistics(index.db);
    // (Hamza seats are folded: شرائح is شراءح, رقائق رقاءق.)
    CHECK(read_word("شرايح", statistics).stems == std::vector<std::string>{"شراءح"});
    WordReadings paper = read_word(normalize("ورقائق"), statistics);  // و kept: ورق begins it
    CHECK(paper.stems == std::vector<std::string>{"رقاءق"});
    CHECK(paper.meant_word == "رقاءق");
    CHECK(read_word(normalize("فشرائح"), statistics).stems == std::vector<std::string>{"شراءح"});
    CHECK(read_word("محللو", statistics).stems == std::vector<std::string>{"محلل"});
    CHECK(read_word("فمحللو", statistics).stems == std::vector<std::string>{"محلل"});
    // A pronoun suffix the stemmer keeps: the corpus writes السياسة, الحكومة, السوق.
    CHECK(read_word("سياسته", statistics).stems == std::vector<std::string>{"سياس"});
    CHECK(read_word("وحكومته", statistics).stems == std::vector<std::string>{"حكوم"});
    CHECK(read_word("سوقهم", statistics).stems == std::vector<std::string>{"سوق"});
  }

  TEST_CASE("a model name in two parts is joined only when the index holds it") {
    CorpusIndex index;
    TermStatistics statistics(index.db);
    CHECK(join_model_names("رقائق h 200", statistics) == "رقائق h200");
    CHECK(join_model_names("h-200 الصين", statistics) == "h200 الصين");
    CHECK(join_model_names("h 20", statistics) == "h20");
    CHECK(join_model_names("rtx pro 6000 d", statistics) == "rtx pro 6000d");
    CHECK(join_model_names("pro 7", statistics) == "pro 7");
    CHECK(join_model_names("AND 200", statistics) == "AND 200");  // operators stay
  }

  TEST_CASE("Latin letters spelled by their Arabic names are the word the index holds") {
    CorpusIndex index;
    TermStatistics statistics(index.db);
    CHECK(join_spelled_letters("اتش 200 الصين", statistics) == "h200 الصين");
    CHECK(join_spelled_letters("ار تي اكس برو", statistics) == "rtx برو");
    CHECK(join_spelled_letters("سي ان بي سي", statistics) == "cnbc");  // بي: b, not p
    // Not a word of the index, or a single letter name: as typed (في is "in").
    CHECK(join_spelled_letters("جي بي يو", statistics) == "جي بي يو");
    CHECK(join_spelled_letters("في الصين", statistics) == "في الصين");
    CHECK(join_spelled_letters("ايه جيه كورابي", statistics) == "ايه جيه كورابي");
  }

  TEST_CASE("a word unknown or rare, one sound-alike letter from a known word, is read as it") {
    // موريتانيا in 25 passages, موريطانيا (ط for ت) in one; the name جندح in
    // one, جند (the word without its ح) in 25; تامر in 4 passages, ثامر in one.
    e2e::TempDir dir;
    std::string mauritania = "موريتانيا\n", army = "جيش\n";
    for (int i = 0; i < 25; ++i) {
      mauritania +=
          "تقع موريتانيا في شمال غرب أفريقيا على المحيط الأطلسي " + std::to_string(i) + ".\n";
      army += "انضم الجند إلى الحامية في المدينة " + std::to_string(i) + ".\n";
    }
    e2e::write_file(dir.path / "c/mauritania.txt", mauritania);
    e2e::write_file(dir.path / "c/army.txt", army);
    e2e::write_file(dir.path / "c/tribes.txt",
                    "قبائل\nاستقرت قبائل بني معقل في موريطانيا.\nكان جندح شاعرا من كندة.\n"
                    "غنى ثامر في الحفل.\nغنى تامر في المسرح.\nغنى تامر في القاهرة.\n"
                    "غنى تامر في عمان.\nغنى تامر في بيروت.\nعولج السرطان مبكرا.\n");
    IndexOptions options;
    options.database = dir.path / "db";
    options.corpus_roots = {dir.path / "c"};
    run_index(options);
    Xapian::Database db(options.database.string());
    TermStatistics statistics(db);
    CHECK(read_word("موريطانيا", statistics).stems ==
          std::vector<std::string>{stem_word("موريتانيا")});
    CHECK(read_word("موريطانيا", statistics).meant_word == "موريتانيا");
    CHECK(read_word("موريتانيا", statistics).stems.empty());  // the common spelling
    CHECK(read_word("جندح", statistics).stems.empty());       // a letter left out: another word
    CHECK(read_word("ثامر", statistics).stems.empty());       // تامر not 20 times as common
    // A word the index does not know at all: any sound-alike reading it knows.
    WordReadings cancer = read_word("الصرطان", statistics);
    CHECK(cancer.stems == std::vector<std::string>{stem_word("السرطان")});
    CHECK(cancer.meant_word == "السرطان");
    CHECK(read_word("الصرتان", statistics).stems.empty());  // ت is no س

    // The question typed with the rare spelling finds the common one's passages.
    Searcher searcher({options.database.string()});
    SearchResult result = searcher.search("ما عاصمة موريطانيا؟", SearchOptions{});
    const std::vector<Hit>& hits = result.hits;
    // and shows the word it was read as: "did you mean"
    REQUIRE(result.suggestion);
    CHECK(result.suggestion->find("موريتانيا") != std::string::npos);
    CHECK(result.suggestion->find("موريطانيا") == std::string::npos);
    size_t common = std::count_if(hits.begin(), hits.end(),
                                  [](const Hit& hit) { return hit.file == "mauritania.txt"; });
    CHECK(common >= 5);
  }
}
