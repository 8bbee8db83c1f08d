// Tests of stemmers/bounded_memo.h and its users: a memo only saves work, so
// every result through it equals a fresh one, and it never holds more than
// its capacity.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bounded_memo.h"
#include "normalizer.h"
#include "passage_document.h"
#include "tokenizer.h"
#include "xapian_stem.h"

using namespace fahras;

namespace {

// The seed corpus's articles, normalized, one string each.
std::vector<std::string> corpus_texts() {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(FAHRAS_SOURCE_DIR "/corpus")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    texts.push_back(normalize(text.str()));
  }
  return texts;
}

}  // namespace

TEST_SUITE("bounded_memo") {
  TEST_CASE("a word is computed once while remembered, and the memo forgets all when full") {
    BoundedMemo<std::string> memo(3);
    int computed = 0;
    auto first_letter = [&](std::string_view word) {
      ++computed;
      return std::string(word.substr(0, 2));  // an Arabic letter is two bytes
    };
    CHECK(memo.get("شرائح", first_letter) == "ش");
    CHECK(memo.get("شرائح", first_letter) == "ش");
    CHECK(computed == 1);
    memo.get("الصين", first_letter);
    memo.get("إنفيديا", first_letter);
    CHECK(memo.size() == 3);
    memo.get("موافقة", first_letter);  // the fourth: the memo starts over
    CHECK(memo.size() == 1);
    CHECK(computed == 4);
    memo.get("شرائح", first_letter);
    CHECK(computed == 5);
    CHECK(memo.size() <= memo.capacity());
  }

  TEST_CASE("the memo stemmer stems every word of the corpus as the plain one") {
    Xapian::Stem plain = make_stemmer();
    Xapian::Stem small = make_memo_stemmer(7);  // starts over every seven words
    Xapian::Stem large = make_memo_stemmer(1 << 15);
    size_t words = 0;
    for (const std::string& text : corpus_texts())
      for (int pass = 0; pass < 2; ++pass)
        for (const std::string& word : split_words(text)) {
          std::string expected = plain(word);
          CHECK_MESSAGE(small(word) == expected, word);
          CHECK_MESSAGE(large(word) == expected, word);
          ++words;
        }
    CHECK(words > 5000);
  }

  TEST_CASE("word_terms_of gives the same terms and key entries with a memo as without") {
    IndexWordMemo small(5), large(kIndexWordMemoCapacity);
    size_t lines = 0, keyed = 0;
    for (const std::string& text : corpus_texts()) {
      std::istringstream in(text);
      for (std::string line; std::getline(in, line); ++lines) {
        WordTerms fresh = word_terms_of(line);
        for (IndexWordMemo* memo : {&small, &large, &large}) {
          WordTerms remembered = word_terms_of(line, memo);
          CHECK(remembered.terms == fresh.terms);
          CHECK(remembered.keyed_stems == fresh.keyed_stems);
          CHECK(remembered.long_words == fresh.long_words);
        }
        keyed += fresh.keyed_stems.size();
      }
    }
    CHECK(lines > 50);
    CHECK(keyed > 1000);
    CHECK(large.size() <= large.capacity());
  }
}
