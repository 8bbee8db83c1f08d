// Tests of searcher/query/query_plan.h on a small in-memory-like index.
#include <doctest/doctest.h>

#include "e2e_support.h"
#include "index_run.h"
#include "key_vocabulary.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "one_article_index.h"
#include "phonetic_key.h"
#include "query_plan.h"

using namespace fahras;

namespace {

const char* const kSmallArticle =
    "عنوان عن إنفيديا\nوافقت السلطات الصينية على استيراد شرائح إنفيديا H200.\n"
    "قال ترامب إن بايت دانس ستشتري الرقائق من Nvidia.\n"
    "خطة بايت دانس للشراء\n";

// An index of one article.
struct SmallIndex : testing::OneArticleIndex {
  explicit SmallIndex(const std::string& article = kSmallArticle) : OneArticleIndex(article) {}
};

}  // namespace

TEST_SUITE("query_plan") {
  TEST_CASE("operators and file: values survive normalization") {
    CHECK(normalize_query_text("الصِّين AND إنفيديا NOT H200") == "الصين AND انفيديا NOT h200");
    CHECK(normalize_query_text("file:A.txt الكتاب") == "file:A.txt الكتاب");
    CHECK(normalize_query_text("\"شرائح  H200\" NEAR/3 بكين") == "\"شراءح h200\" NEAR/3 بكين");
  }

  TEST_CASE("a field name takes the value after a space; with none it is no word") {
    std::vector<std::string> dropped;
    CHECK(with_field_values_attached("title: ترامب الصين", dropped) == "title:ترامب الصين");
    CHECK(with_field_values_attached("heading: موافقة", dropped) == "heading:موافقة");
    CHECK(dropped.empty());
    CHECK(with_field_values_attached("الصين title:", dropped) == "الصين");
    CHECK(with_field_values_attached("title: AND الصين", dropped) == "AND الصين");
    CHECK(with_field_values_attached("file: title:ترامب", dropped) == "title:ترامب");
    CHECK(dropped == std::vector<std::string>{"title:", "title:", "file:"});
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    // Xapian's parser read a lone "title:" as the English word.
    QueryPlan alone = planner.plan("title:");
    CHECK(alone.query.get_description().find("titl") == std::string::npos);
    CHECK(alone.notices == std::vector<std::string>{"title: with nothing after it: ignored"});
    CHECK(planner.plan("title: ترامب").query.get_description().find("ZSترامب") !=
          std::string::npos);
  }

  TEST_CASE("a query of exclusions only excludes: every passage without them") {
    CHECK(exclusions_only_as_not("-ترامب") == "NOT ترامب");
    CHECK(exclusions_only_as_not("-ترامب  -\"بايت دانس\" -h200") ==
          "NOT ترامب NOT \"بايت دانس\" NOT h200");
    for (const char* kept :
         {"الصين -ترامب", "-ترامب الصين", "- ترامب", "-", "NOT ترامب", "", "-5", "-ترامب -40"})
      CHECK(exclusions_only_as_not(kept) == kept);
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    std::string described = planner.plan("-ترامب").query.get_description();
    CHECK(described.find("<alldocuments> AND_NOT") != std::string::npos);
    CHECK(described.find("Zترامب") != std::string::npos);
    Xapian::Enquire enquire(index.db);
    enquire.set_query(planner.plan("-ترامب -بايت").query);
    Xapian::MSet hits = enquire.get_mset(0, 10);
    CHECK(hits.size() == 2);  // the title and the first line; both others name ترامب or بايت
  }

  TEST_CASE("concepts: content words, without stop words, operators, fields or negated words") {
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    QueryPlan plan = planner.plan("الصين في title:إنفيديا -ترامب NOT بكين");
    CHECK(plan.concept_words == std::vector<std::string>{"الصين", "انفيديا"});
  }

  TEST_CASE("a concept matches by its stem; a word that starts with a digit, as written") {
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    QueryPlan plan = planner.plan("الشرائح H200 ٢٠٢٦");
    REQUIRE(plan.concept_terms.size() == 3);
    CHECK(plan.concept_terms[0].count("Zشراءح") == 1);
    CHECK(plan.concept_terms[0].count("الشرائح") == 0);
    CHECK(plan.concept_terms[1].count("Zh200") == 1);
    CHECK(plan.concept_terms[2].count("2026") == 1);  // Xapian indexes it unstemmed
    // Every passage with the word has its stem term: the plan's terms suffice.
    Xapian::Enquire enquire(index.db);
    enquire.set_query(Xapian::Query("h200"));
    Xapian::MSet with_word = enquire.get_mset(0, 10);
    enquire.set_query(Xapian::Query("Zh200"));
    CHECK(enquire.get_mset(0, 10).size() == with_word.size());
  }

  TEST_CASE("Latin and unknown words expand through their phonetic key") {
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    QueryPlan plan = planner.plan("Nvidia");
    // The key's stems in the index (its vocabulary, key_vocabulary.h) match.
    CHECK(plan.query.get_description().find("Zانفيديا") != std::string::npos);
    // The words found through the key are highlighted as themselves.
    CHECK(plan.highlight.stems.count("انفيديا") == 1);
    // A known Arabic word follows its other spellings (Nvidia) weakly, not its key.
    std::string known = planner.plan("إنفيديا").query.get_description();
    CHECK(known.find("0.1") != std::string::npos);
    CHECK(known.find("Znvidia") != std::string::npos);
    CHECK(known.find("0.59") == std::string::npos);
    // A known word with no other spelling in the index: nothing is added.
    CHECK(planner.plan("ترامب").query.get_description() == "Query(Zترامب@1)");
    // An unknown spelling is.
    CHECK(planner.plan("نفيديا").query.get_description().find("Zانفيديا") != std::string::npos);
  }

  TEST_CASE("expansion is bounded: a key's words within two edits, the four commonest spellings") {
    // Stems under one key as a real vocabulary has them (key_vocabulary.h),
    // each in `count` passages.
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    KeyVocabularyChanges vocabulary;
    auto add = [&](const std::string& word, int count) {
      std::string stem = stem_word(normalize(word));
      for (int i = 0; i < count; ++i) {
        Xapian::Document doc;
        doc.add_term("Z" + stem);
        doc.add_posting(normalize(word), 1);
        db.add_document(doc);
        vocabulary.count({{phonetic_key(phonetic_key_source(normalize(word))), stem}}, +1);
      }
    };
    for (const char* word : {"تأسست", "تستطيع", "تشتيت", "توسطت", "تعززت"}) add(word, 1);
    for (auto [word, count] : std::initializer_list<std::pair<const char*, int>>{
             {"بطول", 20}, {"بطل", 5}, {"بتول", 4}, {"بطال", 3}, {"ببطول", 2}, {"بطويل", 1}})
      add(word, count);
    vocabulary.apply(db);
    db.commit();
    Synonyms none;
    QueryPlanner planner(db, none);
    // A word the index does not know (three s) meets its spellings, not every
    // word of its consonant skeleton.
    REQUIRE(phonetic_key(phonetic_key_source(normalize("تأسسست"))) ==
            phonetic_key(phonetic_key_source(normalize("تستطيع"))));
    std::string unknown = planner.plan("تأسسست").query.get_description();
    CHECK(unknown.find("Z" + stem_word(normalize("تأسست"))) != std::string::npos);
    for (const char* other : {"تستطيع", "تشتيت", "توسطت", "تعززت"})
      CHECK_MESSAGE(unknown.find("Z" + stem_word(normalize(other))) == std::string::npos, other);
    // A known word's other spellings: the four commonest of five.
    std::string known = planner.plan("بطول").query.get_description();
    for (const char* kept : {"بطل", "بتول", "بطال", "ببطول"})
      CHECK_MESSAGE(known.find("Z" + stem_word(normalize(kept))) != std::string::npos, kept);
    CHECK(known.find("Z" + stem_word(normalize("بطويل"))) == std::string::npos);
  }

  TEST_CASE("two adjacent words follow their joined key, to the name written as one word") {
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    // بايت دانس: the key of the two words side by side, and no word has it.
    std::string before = planner.plan("بايت دانس").query.get_description();
    const std::string bytedance = "Z" + stem_word("bytedance");
    CHECK(before.find(bytedance) == std::string::npos);
    e2e::write_file(index.dir.path / "c/b.txt", "عنوان\nتستثمر ByteDance في الرقائق\n");
    IndexOptions options;
    options.database = index.dir.path / "db";
    options.corpus_roots = {index.dir.path / "c"};
    run_index(options);  // it compacts: the path holds another database, to open anew
    index.db = Xapian::Database(options.database.string());
    // A planner remembers what it read of one revision (term_statistics.h).
    QueryPlanner reopened(index.db, none);
    CHECK(reopened.plan("بايت دانس").query.get_description().find(bytedance) != std::string::npos);
  }

  TEST_CASE("question words are no topic: left out of concepts and of the query") {
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    QueryPlan plan = planner.plan("كم شرائح اشترت بايت دانس؟ ماهو الثمن");
    for (const std::string& w : plan.concept_words) {
      CHECK(w != normalize("كم"));
      CHECK(w != normalize("ماهو"));
    }
    std::string query = plan.query.get_description();
    CHECK(query.find(normalize("كم")) == std::string::npos);
    CHECK(query.find("Zشراءح") != std::string::npos);
    // A question, by its mark or its words; keywords are none.
    CHECK(plan.question);
    CHECK(planner.plan("متى اشترت بايت دانس الشرائح؟").question);
    CHECK(planner.plan("كم شرائح اشترت بايت دانس").question);
    CHECK_FALSE(planner.plan("شرائح بايت دانس").question);
    // A question asking for a name: its اسم is no concept.
    QueryPlan name = planner.plan("ما اسم شركة بايت دانس؟");
    CHECK(std::find(name.concept_words.begin(), name.concept_words.end(), normalize("اسم")) ==
          name.concept_words.end());
  }

  TEST_CASE("a query of plain words is a sequence, stop words included") {
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    auto pairs = [&](const char* query) {
      std::vector<std::pair<std::string, std::string>> out;
      for (const WordPair& p : planner.plan(query).adjacent_words)
        out.emplace_back(p.first.front(), p.second.front());
      return out;
    };
    // على is a stop word: it stands between its neighbours in the sequence.
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    CHECK(pairs("السلطات الصينية على استيراد") ==
          Pairs{{normalize("السلطات"), normalize("الصينية")},
                {normalize("الصينية"), normalize("على")},
                {normalize("على"), normalize("استيراد")}});
    // With an operator, content words only.
    CHECK(pairs("الصينية على استيراد NOT ترامب") ==
          Pairs{{normalize("الصينية"), normalize("استيراد")}});
  }

  TEST_CASE("a pair of content words: a dual's singular first, the second with or without و") {
    SmallIndex index(
        "عنوان\nتتوقف الصفقة على موافقة واشنطن وموافقة بكين معا.\n"
        "وقالت إن واشنطن وبكين اتفقتا على الخطة التي أعلنتها الشركة.\n");
    Synonyms none;
    QueryPlanner planner(index.db, none);
    // Eight words: not a phrase; the pairs are its content words'.
    QueryPlan plan = planner.plan("موافقتا واشنطن بكين على الخطة التي أعلنتها الشركة");
    REQUIRE(plan.adjacent_words.size() >= 2);
    auto has = [](const std::vector<std::string>& forms, const char* form) {
      return std::find(forms.begin(), forms.end(), normalize(form)) != forms.end();
    };
    CHECK(has(plan.adjacent_words[0].first, "موافقة"));  // the text writes the singular
    CHECK(has(plan.adjacent_words[1].second, "وبكين"));  // and the conjunction
    CHECK(has(plan.adjacent_words[1].second, "بكين"));
  }

  TEST_CASE("a remembered phrase: three to six plain words the index holds, not a question") {
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    std::vector<std::vector<std::string>> phrase = planner.plan("السلطات الصينية على").phrase;
    REQUIRE(phrase.size() == 3);
    CHECK(phrase[2] == std::vector<std::string>{normalize("على")});
    CHECK(planner.plan("السلطات الصينية").phrase.empty());          // two words: pairs suffice
    CHECK(planner.plan("السلطات الصينية على؟").phrase.empty());     // a question
    CHECK(planner.plan("كم السلطات الصينية على").phrase.empty());   // a question word
    CHECK(planner.plan("السلطات الصينية زقزوقية").phrase.empty());  // a word the index lacks
    CHECK(planner.plan("\"السلطات الصينية\" على").phrase.empty());  // query syntax
  }

  TEST_CASE("synonyms expand to single words and phrases") {
    SmallIndex index;
    Synonyms synonyms = Synonyms::parse("ByteDance, بايت دانس\n");
    QueryPlanner planner(index.db, synonyms);
    std::string description = planner.plan("ByteDance").query.get_description();
    CHECK(description.find("بايت") != std::string::npos);
    CHECK(description.find("PHRASE") != std::string::npos);
  }

  TEST_CASE("malformed syntax falls back to plain words with a notice") {
    SmallIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    QueryPlan plan = planner.plan("الصين AND");
    CHECK_FALSE(plan.notices.empty());
    CHECK(plan.query.get_description().find("Zصين") != std::string::npos);
    std::string huge(10000, 'a');
    CHECK(planner.plan(huge).notices.size() == 1);
  }
}
