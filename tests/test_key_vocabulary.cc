// Tests of indexer/key_vocabulary.h: the stems under each phonetic key, with
// reference counts kept exact by the batch writer under add, replace and
// delete, and united across shards by the searcher's statistics.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>

#include "article_documents.h"
#include "batch_writer.h"
#include "e2e_support.h"
#include "fahras/schema.h"
#include "key_vocabulary.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "passage_document.h"
#include "phonetic_key.h"
#include "term_statistics.h"

using namespace fahras;

namespace {

std::string key_of(const std::string& word) {
  return phonetic_key(phonetic_key_source(normalize(word)));
}

// The stored vocabulary of the key of `word`.
KeyVocabulary vocabulary_of(const Xapian::Database& db, const std::string& word) {
  return parse_key_vocabulary(
      db.get_metadata(std::string(schema::kMetaKeyVocabularyPrefix) + key_of(word)));
}

// The documents of an article whose lines after the title are `lines`.
std::vector<PassageDocument> article(const std::string& file, const std::string& lines) {
  return testing::article_documents(file, "عنوان\n" + lines);
}

}  // namespace

TEST_SUITE("key_vocabulary") {
  TEST_CASE("a stored value reads back, skips malformed lines, and merges by summing") {
    KeyVocabulary v = {{"انفيدي", 3}, {"nvidia", 1}};
    CHECK(parse_key_vocabulary(format_key_vocabulary(v)) == v);
    CHECK(format_key_vocabulary({{"ترامب", 0}}).empty());
    CHECK(parse_key_vocabulary("ترامب\t2\nبلا عدد\nترمب\tx\n\t4\nترمب\t1\n") ==
          KeyVocabulary{{"ترامب", 2}, {"ترمب", 1}});
    CHECK(merge_key_vocabularies({"ترامب\t2\n", "ترامب\t3\nترمب\t1\n", ""}) ==
          "ترامب\t5\nترمب\t1\n");
  }

  TEST_CASE("a passage's entries are its words' keys and stems, each once, stop words left out") {
    WordTerms terms = word_terms_of(normalize("شرائح إنفيديا وشرائح إنفيديا في الصين"));
    std::string nvidia = stem_word(normalize("إنفيديا"));
    CHECK(std::count(terms.keyed_stems.begin(), terms.keyed_stems.end(),
                     KeyedStem{key_of("إنفيديا"), nvidia}) == 1);
    for (const KeyedStem& entry : terms.keyed_stems) CHECK(entry.stem != "في");
    // No posting per word for its key, nor per pair of words: the terms are
    // alternative stems.
    for (const std::string& term : terms.terms) CHECK(term[0] == 'Z');
  }

  TEST_CASE("counts follow passages added, replaced and deleted, and a key nobody holds goes") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    const std::string nvidia = stem_word(normalize("إنفيديا"));
    const std::string trump = stem_word(normalize("ترامب"));
    const std::string trump_short = stem_word(normalize("ترمب"));
    {
      BatchWriter batch(db, 1000);
      batch.replace_article("a.txt", article("a.txt", "باعت إنفيديا شرائح.\nقالت إنفيديا إنها.\n"),
                            "sa", "1");
      batch.replace_article("b.txt", article("b.txt", "قال ترامب إن إنفيديا.\nوقال ترمب.\n"), "sb",
                            "1");
      batch.finish();
    }
    CHECK(vocabulary_of(db, "إنفيديا") == KeyVocabulary{{nvidia, 3}});
    CHECK(vocabulary_of(db, "ترامب") == KeyVocabulary{{trump, 1}, {trump_short, 1}});
    {
      BatchWriter batch(db, 1000);  // a.txt edited: one passage left
      batch.replace_article("a.txt", article("a.txt", "باعت إنفيديا شرائح.\n"), "sa", "2");
      batch.remove_article("b.txt", "sb");
      batch.finish();
    }
    CHECK(vocabulary_of(db, "إنفيديا") == KeyVocabulary{{nvidia, 1}});
    CHECK(db.get_metadata(std::string(schema::kMetaKeyVocabularyPrefix) + key_of("ترامب")).empty());
    {
      BatchWriter batch(db, 1000);  // not committed: nothing changes
      batch.remove_article("a.txt", "sa");
    }
    CHECK(vocabulary_of(db, "إنفيديا") == KeyVocabulary{{nvidia, 1}});
    {
      BatchWriter batch(db, 1000);
      batch.remove_article("a.txt", "sa");
      batch.finish();
    }
    CHECK(vocabulary_of(db, "إنفيديا").empty());
  }

  TEST_CASE("a restarted vocabulary counts only passages added since, and never goes below zero") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    const std::string nvidia = stem_word(normalize("إنفيديا"));
    {
      BatchWriter batch(db, 1000);
      batch.replace_article("a.txt", article("a.txt", "باعت إنفيديا شرائح.\n"), "sa", "1");
      batch.replace_article("b.txt", article("b.txt", "اشترت الصين من إنفيديا.\n"), "sb", "1");
      batch.finish();
    }
    {
      BatchWriter batch(db, 1000);  // as a run over another analysis version's index
      batch.restart_key_vocabulary();
      batch.replace_article("a.txt", article("a.txt", "باعت إنفيديا شرائح.\n"), "sa", "2");
      batch.finish();
    }
    CHECK(vocabulary_of(db, "إنفيديا") == KeyVocabulary{{nvidia, 1}});
    {
      BatchWriter batch(db, 1000);  // b.txt is from before: not subtracted
      batch.replace_article("b.txt", article("b.txt", "اشترت الصين من إنفيديا.\n"), "sb", "2");
      batch.finish();
    }
    CHECK(vocabulary_of(db, "إنفيديا") == KeyVocabulary{{nvidia, 2}});
  }

  TEST_CASE("the searcher's statistics unite the stems of every shard") {
    Xapian::WritableDatabase first = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY), second = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    KeyVocabularyChanges a, b;
    a.count({{"TRMB", "ترامب"}}, +1);
    b.count({{"TRMB", "ترمب"}, {"TRMB", "ترامب"}}, +1);
    a.apply(first);
    b.apply(second);
    Xapian::Database both;
    both.add_database(first);
    both.add_database(second);
    TermStatistics statistics(both);
    CHECK(statistics.stems_with_key("TRMB") == std::vector<std::string>{"ترامب"});  // shard 0 only
    statistics.set_shards({first, second});
    statistics.forget();
    CHECK(statistics.stems_with_key("TRMB") == std::vector<std::string>{"ترامب", "ترمب"});
    CHECK(statistics.stems_with_key("NFD").empty());
  }
}
