// Tests of searcher/rank/keyword_titles.h: an article titled in another script
// than its text is given a title of its most salient stems.
#include <doctest/doctest.h>
#include <xapian.h>

#include "e2e_support.h"
#include "fahras/fahras.h"
#include "fahras/schema.h"
#include "keyword_titles.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "passage_document.h"

using namespace fahras;

namespace {

std::vector<std::string> stems_of(std::initializer_list<const char*> words) {
  std::vector<std::string> out;
  for (const char* w : words) out.push_back(stem_word(normalize(w)));
  return out;
}

}  // namespace

TEST_SUITE("keyword_titles") {
  TEST_CASE("an English title over Arabic text: a title of the text's salient words") {
    e2e::TempDir tmp;
    std::string path = (tmp.path / "db").string();
    {
      Index index(path, Index::kWritable);
      index.put({"xquad_warsaw.txt", "Warsaw",
                 "تقع وارسو على نهر فيستولا في وسط بولندا.\n"
                 "كانت وارسو مركزا للتجارة والثقافة في أوروبا الوسطى.\n"
                 "دمرت وارسو في الحرب ثم أعيد بناء وارسو القديمة.",
                 "", ""});
      index.put(
          {"arwiki_saxon.txt", "الحديقة الساكسونية",
           "الحديقة الساكسونية حديقة عامة في المدينة.\nافتتحت الحديقة للناس في القرن الثامن عشر.",
           "", ""});
      index.commit();
    }
    Xapian::Database db(path);
    KeywordTitles titles;
    auto title_of = [&](const std::string& file) {
      return [&db, file] { return stored_article_title(db, file); };
    };
    CHECK_FALSE(titles.has_arabic_title("xquad_warsaw.txt", title_of("xquad_warsaw.txt")));
    CHECK(titles.has_arabic_title("arwiki_saxon.txt", title_of("arwiki_saxon.txt")));

    const std::vector<std::string>& keywords = titles.keywords(db, "xquad_warsaw.txt");
    CHECK(keywords.size() == kKeywordTitleWords);
    CHECK(keywords.front() ==
          stem_word(normalize("وارسو")));  // the most frequent, rarest elsewhere

    // A question about Warsaw: the article's keyword title holds it.
    std::vector<std::vector<std::string>> concepts = {stems_of({"سكان"}), stems_of({"وارسو"})};
    std::unique_ptr<TitleEvidence> e = titles.evidence(db, "xquad_warsaw.txt", concepts, 100);
    REQUIRE(e);
    CHECK_FALSE(e->concepts[0]);
    CHECK(e->concepts[1]);
    CHECK(e->weight > 0);
    // Weighed as a title of kKeywordTitleWords words holding one of them.
    CHECK(e->weight <
          titles.evidence(db, "xquad_warsaw.txt", {stems_of({"وارسو"})}, 100)->weight * 1.0001);
    // Words the text holds but not among its keywords give nothing; too few
    // articles give no title evidence at all.
    CHECK_FALSE(titles.evidence(db, "xquad_warsaw.txt", {stems_of({"البحر"})}, 100));
    CHECK_FALSE(titles.evidence(db, "xquad_warsaw.txt", concepts, 10));
  }
}
