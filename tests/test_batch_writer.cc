// Tests of indexer/batch_writer.h: an article is committed with its state,
// or, when it alone has more passages than a batch, in parts with its state
// set only by the last.
#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "article_documents.h"
#include "batch_writer.h"
#include "e2e_support.h"
#include "fahras/schema.h"
#include "passage_document.h"
#include "passages.h"

using namespace fahras;

namespace {

// The documents of an article of `count` passages after its title, real
// sentences of the news corpus numbered so that each is its own.
std::vector<PassageDocument> numbered_article(const std::string& file, size_t count) {
  std::string text = "موافقة صينية على شرائح إنفيديا\n";
  for (size_t i = 0; i < count; ++i)
    text += "وافقت السلطات الصينية على استيراد الدفعة رقم " + std::to_string(i + 1) + ".\n";
  return testing::article_documents(file, text);
}

// What another process sees now: the article's passages and its state.
std::pair<Xapian::doccount, std::string> seen(const std::string& path, const std::string& file,
                                              const std::string& state_key) {
  Xapian::Database reader(path);
  return {reader.get_termfreq(schema::article_term(file)), reader.get_metadata(state_key)};
}

// A new index holding a.txt's two passages, its state "sa" = "old".
struct IndexOfOldArticle {
  e2e::TempDir dir;
  std::string path = (dir.path / "db").string();
  Xapian::WritableDatabase db{path, Xapian::DB_CREATE_OR_OPEN};
  IndexOfOldArticle() {
    BatchWriter batch(db, 100);
    batch.replace_article("a.txt", numbered_article("a.txt", 2), "sa", "old");
    batch.finish();
  }
};

}  // namespace

TEST_SUITE("batch_writer") {
  TEST_CASE("an article's title is stored once, committed and removed with its passages") {
    e2e::TempDir dir;
    std::string path = (dir.path / "db").string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    auto title_seen = [&] { return stored_article_title(Xapian::Database(path), "a.txt"); };
    auto with_title = [](const std::string& text) {  // every passage, the title's first
      Article article = split_article(text);
      PassageDocumentBuilder builder;
      size_t long_words = 0;
      std::vector<PassageDocument> out;
      for (const Passage& passage : article.passages)
        out.push_back(builder.build("a.txt", article, passage, long_words));
      return out;
    };
    {
      BatchWriter batch(db, 100);
      batch.replace_article("a.txt", with_title("موافقة صينية على شرائح إنفيديا\nفقرة أولى.\n"),
                            "sa", "s");
      CHECK(title_seen().empty());
      batch.finish();
      CHECK(title_seen() == "موافقة صينية على شرائح إنفيديا");
    }
    {
      BatchWriter batch(db, 100);
      batch.replace_article("a.txt", with_title("شرائح إنفيديا في الصين\nفقرة واحدة.\n"), "sa",
                            "s2");
      batch.finish();
      CHECK(title_seen() == "شرائح إنفيديا في الصين");
    }
    {
      BatchWriter batch(db, 100);
      batch.remove_article("a.txt", "sa");
      batch.finish();
      CHECK(title_seen().empty());
    }
    CHECK(Xapian::Database(path).get_termfreq(schema::article_term("a.txt")) == 0);
  }

  TEST_CASE("an article within a batch is committed whole, with its state") {
    IndexOfOldArticle index;
    Xapian::WritableDatabase& db = index.db;
    const std::string& path = index.path;
    BatchWriter batch(db, 100);
    batch.replace_article("a.txt", numbered_article("a.txt", 7), "sa", "new");
    CHECK(seen(path, "a.txt", "sa") == std::pair<Xapian::doccount, std::string>{2, "old"});
    batch.finish();
    CHECK(seen(path, "a.txt", "sa") == std::pair<Xapian::doccount, std::string>{7, "new"});
  }

  TEST_CASE("an article of more passages than a batch is committed in parts, its state last") {
    IndexOfOldArticle index;
    Xapian::WritableDatabase& db = index.db;
    const std::string& path = index.path;
    std::vector<PassageDocument> passages = numbered_article("a.txt", 8);
    {
      BatchWriter batch(db, 3);
      batch.begin_article("a.txt", "sa");
      batch.add_passages({passages.begin(), passages.begin() + 2});
      CHECK(seen(path, "a.txt", "sa") == std::pair<Xapian::doccount, std::string>{2, "old"});
      batch.add_passages({passages.begin() + 2, passages.begin() + 5});  // 5 >= 3: a part
      // The old passages are gone, five new ones are in, and no state says
      // the file was indexed: after a crash now the next run indexes it again.
      CHECK(seen(path, "a.txt", "sa") == std::pair<Xapian::doccount, std::string>{5, ""});
    }  // ended without end_article or finish, as by a crash
    CHECK(seen(path, "a.txt", "sa") == std::pair<Xapian::doccount, std::string>{5, ""});
    BatchWriter batch(db, 3);
    batch.begin_article("a.txt", "sa");
    batch.add_passages(passages);
    batch.end_article("new");
    batch.finish();
    CHECK(seen(path, "a.txt", "sa") == std::pair<Xapian::doccount, std::string>{8, "new"});
    Xapian::Database reader(path);
    CHECK(reader.get_doccount() == 8);
  }
}
