// Tests of searcher/spelling/two_word_spellings.h on indexes of real sentences.
#include <doctest/doctest.h>

#include "light_stemmer.h"
#include "normalizer.h"
#include "one_article_index.h"
#include "phonetic_key.h"
#include "term_statistics.h"
#include "two_word_spellings.h"

using namespace fahras;

namespace {

// Corpus sentences (corpus/001, 004) naming companies in two Arabic words.
const char* const kArticle =
    "شركات الصين\n"
    "قال ترامب إن بايت دانس ستشتري الرقائق من إنفيديا.\n"
    "وأطلقت ديب سيك نموذجا جديدا بعد أن حظرت واشنطن تيك توك.\n"
    "اشترى بيت مال المسلمين شرائح كثيرة.\n";

struct ArticleIndex : testing::OneArticleIndex {
  ArticleIndex() : OneArticleIndex(kArticle) {}
};

// The two-word spellings of a word read from `source`: its key source, or
// (as the planner reads a word whose key source finds nothing) the word as written.
std::vector<TwoWordSpelling> spellings_from(const Xapian::Database& db, const std::string& source) {
  TermStatistics statistics(db);
  return two_word_spellings(statistics, source, phonetic_pair_key(source));
}

std::vector<TwoWordSpelling> spellings_of(const Xapian::Database& db, const std::string& word) {
  return spellings_from(db, phonetic_key_source(normalize(word)));
}

TwoWordSpelling stems(const char* first, const char* second) {
  return {stem_word(normalize(first)), stem_word(normalize(second))};
}

}  // namespace

TEST_SUITE("two_word_spellings") {
  TEST_CASE("a Latin name meets its transcription in two words") {
    ArticleIndex index;
    auto bytedance = spellings_of(index.db, "ByteDance");
    REQUIRE(bytedance.size() >= 1);
    CHECK(bytedance.front() == stems("بايت", "دانس"));
    // Too short for a pair key: the vowel-marked key of the two joined.
    CHECK(spellings_of(index.db, "DeepSeek") == std::vector{stems("ديب", "سيك")});
    CHECK(spellings_of(index.db, "TikTok") == std::vector{stems("تيك", "توك")});
  }

  TEST_CASE("an Arabic word written joined meets the two words") {
    ArticleIndex index;
    // بايتدانس is keyed on ايتدانس (ب read as a clitic), so also as written.
    CHECK(spellings_of(index.db, "بايتدانس").empty());
    auto joined = spellings_from(index.db, normalize("بايتدانس"));
    REQUIRE(joined.size() >= 1);
    CHECK(joined.front() == stems("بايت", "دانس"));
    CHECK(spellings_of(index.db, "ديبسيك") == std::vector{stems("ديب", "سيك")});
  }

  TEST_CASE("words that only share the key are not the name") {
    ArticleIndex index;
    // Latin words with the skeleton of بيت مال that could not be written so.
    for (std::string other : {"Botmoll", "Bootmill"})
      CHECK_MESSAGE(spellings_of(index.db, other).empty(), other);
    // Written joined, it is: بيتمال.
    auto joined = spellings_from(index.db, normalize("بيتمال"));
    REQUIRE(joined.size() == 2);
    CHECK(joined[0] == stems("بيت", "مال"));
    CHECK(joined[1] == stems("بايت", "مال"));  // one edit away
    // A key too short to be a pair's.
    CHECK(spellings_of(index.db, "Tik").empty());
    CHECK(spellings_of(index.db, "").empty());
  }
}
