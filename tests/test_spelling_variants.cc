// Tests of searcher/spelling/spelling_variants.h: the other spellings of a known word,
// read off an index's stems.
#include <doctest/doctest.h>

#include <algorithm>

#include "fahras/schema.h"
#include "key_vocabulary.h"
#include "phonetic_key.h"
#include "spelling_variants.h"
#include "utf8.h"

using namespace fahras;

namespace {

// An index where each given stem is a word in the key vocabulary under its
// phonetic key, as the indexer keeps it (key_vocabulary.h), one document each.
Xapian::WritableDatabase index_of(std::initializer_list<const char*> stems) {
  Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
  KeyVocabularyChanges vocabulary;
  for (const char* stem : stems) {
    Xapian::Document doc;
    doc.add_term(std::string("Z") + stem);
    db.add_document(doc);
    vocabulary.count({{phonetic_key(stem), stem}}, +1);
  }
  vocabulary.apply(db);
  db.commit();
  return db;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> variants(const Xapian::Database& db, const std::string& stem) {
  TermStatistics index(db);
  return spelling_variants(index, phonetic_key(stem), stem);
}

}  // namespace

TEST_SUITE("spelling_variants") {
  TEST_CASE("edit distance counts letters, not bytes, and stops past its limit") {
    CHECK(edit_distance(to_utf32("ترامب"), to_utf32("ترمب"), 1) == 1);
    CHECK(edit_distance(to_utf32("هوانغ"), to_utf32("هوانج"), 1) == 1);
    CHECK(edit_distance(to_utf32("استثمار"), to_utf32("استمرار"), 1) == 2);  // limit + 1
    CHECK(edit_distance(to_utf32("الصين"), to_utf32("الصين"), 0) == 0);
    CHECK(edit_distance(to_utf32("a"), to_utf32("abcdef"), 2) == 3);
  }

  TEST_CASE("within one edit is edit distance at most one") {
    CHECK(within_one_edit(to_utf32("ترامب"), to_utf32("ترمب")));
    CHECK(within_one_edit(to_utf32("هوانغ"), to_utf32("هوانج")));
    CHECK_FALSE(within_one_edit(to_utf32("استثمار"), to_utf32("استمرار")));
    CHECK(within_one_edit(U"", U"ب"));
    CHECK_FALSE(within_one_edit(U"", U"بت"));
    // Against the table on every pair of short strings of a few letters
    // (Arabic and Latin), lengths 0 to 5: all the shapes one edit can take.
    const std::u32string letters = U"ابتa";
    std::vector<std::u32string> strings{U""};
    for (size_t from = 0; strings[from].size() < 5; ++from)
      for (char32_t c : letters) strings.push_back(strings[from] + c);
    size_t near = 0;
    for (size_t i = 0; i < strings.size(); i += 3)
      for (size_t j = 0; j < strings.size(); j += 5) {
        bool table = edit_distance(strings[i], strings[j], 1) <= 1;
        CHECK_MESSAGE(within_one_edit(strings[i], strings[j]) == table,
                      to_utf8(strings[i]) << " / " << to_utf8(strings[j]));
        near += table;
      }
    CHECK(near > 1000);
  }

  TEST_CASE("spellings of a name pair up; words that only share a skeleton do not") {
    Xapian::WritableDatabase db =
        index_of({"ترامب", "ترمب", "trump", "هوانغ", "هوانج", "استثمار", "استمرار", "صين"});
    std::vector<std::string> trump = variants(db, "ترامب");
    CHECK(has(trump, "ترمب"));
    CHECK(has(trump, "trump"));  // across scripts the key decides
    CHECK_FALSE(has(trump, "ترامب"));
    CHECK(trump.size() == 2);
    CHECK(has(variants(db, "ترمب"), "ترامب"));
    CHECK(variants(db, "هوانج") == std::vector<std::string>{"هوانغ"});
    CHECK(variants(db, "استثمار").empty());  // two letters apart
    CHECK(variants(db, "صين").empty());      // a key of its own
    CHECK(variants(db, "غائب").empty());     // not in the index
  }

  TEST_CASE("a long vowel written in or left out") {
    using fahras::differs_by_a_long_vowel;
    CHECK(differs_by_a_long_vowel("نفيديا", "انفيديا"));
    CHECK(differs_by_a_long_vowel("ترامب", "ترمب"));
    CHECK(differs_by_a_long_vowel("هوانغ", "هونغ"));
    CHECK_FALSE(differs_by_a_long_vowel("محلي", "محلل"));   // a letter changed
    CHECK_FALSE(differs_by_a_long_vowel("ترمب", "ترمبت"));  // not a vowel
    CHECK_FALSE(differs_by_a_long_vowel("ترمب", "ترمب"));
    CHECK_FALSE(differs_by_a_long_vowel("كتب", "كتابات"));
  }
}
