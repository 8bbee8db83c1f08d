// Tests of searcher/present/highlighter.h: whole original words, through stems and
// phonetic keys; snippets keep highlights and cut at word boundaries.
#include <doctest/doctest.h>

#include <thread>

#include "highlighter.h"
#include "light_stemmer.h"
#include "normalizer.h"

using namespace fahras;

namespace {
std::vector<std::string> marked(const std::string& text, const HighlightTerms& terms) {
  std::vector<std::string> out;
  for (auto [b, e] : find_highlights(text, terms)) out.push_back(text.substr(b, e - b));
  return out;
}
}  // namespace

TEST_SUITE("highlighter") {
  TEST_CASE("vocalized and clitic-bearing originals are marked through stems") {
    HighlightTerms t;
    t.stems = {"كتاب", "صين"};
    CHECK(marked("قرأ الطالب الْكِتَابَ عن الصِّين وبالكتاب", t) ==
          std::vector<std::string>{"الْكِتَابَ", "الصِّين", "وبالكتاب"});
  }
  TEST_CASE("a leading ب ل ك ف read as a clitic is marked too") {
    HighlightTerms t;
    t.stems = {"شراء"};
    CHECK(marked("إلزام الشركة بشراء شرائح", t) == std::vector<std::string>{"بشراء"});
  }
  TEST_CASE("names found through their key are marked through its stems, in either script") {
    HighlightTerms t;
    t.stems = {stem_word("انفيديا"), stem_word("nvidia"), "بايت", "دانس"};
    CHECK(marked("شرائح إنفيديا وNvidia", t) == std::vector<std::string>{"إنفيديا", "وNvidia"});
    CHECK(marked("خطة بايت دانس الجديدة", t) == std::vector<std::string>{"بايت", "دانس"});
  }
  TEST_CASE("stems that are not substrings of their word: English, الله") {
    // The highlighter skips stemming Arabic words that cannot contain a stem;
    // English stems change letters and every clitic form of الله stems to الله.
    HighlightTerms t;
    t.stems = {"polici", "studi", "الله"};
    CHECK(marked("new policies and Studies لله", t) ==
          std::vector<std::string>{"policies", "Studies", "لله"});
  }
  TEST_CASE("stop words are marked only as phrase words") {
    HighlightTerms t;
    t.stems = {"كتاب"};
    CHECK(marked("الكتاب في البيت", t) == std::vector<std::string>{"الكتاب"});
    t.phrases = {{{"في"}}};
    CHECK(marked("الكتاب في البيت", t) == std::vector<std::string>{"الكتاب", "في"});
  }
  TEST_CASE("phrase words are marked only where the whole phrase stands") {
    HighlightTerms t;
    t.phrases = {{{"علي", "بابا"}, 2}};
    // على normalizes to علي: alone it is a preposition, not half of the name.
    CHECK(marked("وافقت على بيع الرقائق لشركة علي بابا، وبابا", t) ==
          std::vector<std::string>{"علي", "بابا"});
    t.phrases.insert({{"الذكاء", "الاصطناعي"}, 2});
    CHECK(marked("الذكاء البشري والذكاء الاصطناعي في الذكاء الاصطناعي", t) ==
          std::vector<std::string>{"الذكاء", "الاصطناعي"});
    CHECK(marked("بابا علي", t).empty());
  }
  TEST_CASE("ADJ and NEAR groups: their words within the window, in order for ADJ") {
    HighlightTerms t;
    const std::string slides = normalize("شرائح");  // شراءح: hamza seats are folded
    t.phrases = {{{slides, "h200"}, 4, true}};
    CHECK(marked("شرائح الذكاء الاصطناعي H200 وشرائح أخرى", t) ==
          std::vector<std::string>{"شرائح", "H200"});
    CHECK(marked("H200 الذكاء شرائح", t).empty());
    CHECK(marked("شرائح الذكاء الاصطناعي المتقدمة H200", t).empty());
    t.phrases = {{{slides, "h200"}, 3, false}};
    CHECK(marked("H200 الذكاء شرائح", t) == std::vector<std::string>{"H200", "شرائح"});
  }
  TEST_CASE("one highlighter over many passages marks each as a fresh one does") {
    // It remembers the stems of the words it has seen: what it marks in a
    // passage must not depend on the passages before.
    HighlightTerms terms;
    terms.stems = {stem_word(normalize("الصين")), stem_word(normalize("شرائح")), "nvidia"};
    const std::vector<std::string> passages = {
        "وافقت الصين على شراء شرائح إنفيديا", "الصينية والصينيون في الصين",
        "Nvidia chips: شرائح وشريحة", "لا شيء هنا يطابق", "الصين الصين، وبالصين ولشرائحها"};
    Highlighter shared(terms);
    for (int round = 0; round < 3; ++round)
      for (const std::string& text : passages)
        CHECK_MESSAGE(shared.find(text, terms.stems) == find_highlights(text, terms), text);
    CHECK_FALSE(find_highlights(passages[4], terms).empty());
  }

  TEST_CASE("what a thread remembers of earlier searches changes no later highlight") {
    // Every highlighter of a thread shares its memo of word stems, which
    // forgets all when full: a search after 30,000 distinct words (the memo
    // filled and emptied several times) marks what one on a new thread does.
    const std::vector<std::string> roots = {"كتب", "درس", "علم", "شرح", "صنع", "حكم"};
    const std::vector<std::string> prefixes = {"", "و", "ال", "وال", "بال", "فس"};
    const std::vector<std::string> suffixes = {"", "ات", "ون", "ين", "ها", "هم", "ية"};
    std::vector<std::string> words;
    for (int n = 0; words.size() < 30000; ++n)
      for (const std::string& p : prefixes)
        for (const std::string& s : suffixes)
          words.push_back(p + roots[n % roots.size()] + std::to_string(n) + s);
    std::string passage;
    std::vector<std::string> passages;
    for (size_t i = 0; i < words.size(); ++i) {
      passage += words[i] + (i % 7 == 6 ? "، " : " ");
      if (i % 40 == 39) passages.push_back(std::move(passage)), passage.clear();
    }
    auto highlights_of = [&](const HighlightTerms& terms) {
      std::vector<std::vector<ByteRange>> out;
      Highlighter highlighter(terms);
      for (const std::string& text : passages) out.push_back(highlighter.find(text, terms.stems));
      return out;
    };
    HighlightTerms first, second;
    for (size_t i = 0; i < words.size(); i += 997)
      first.stems.insert(stem_word(normalize(words[i])));
    for (size_t i = 500; i < words.size(); i += 1009) {
      second.stems.insert(stem_word(normalize(words[i])));
      second.stems.insert(alternative_stem(normalize(words[i + 1])));
    }
    second.stems.erase("");
    highlights_of(first);  // this thread's memo now holds what the first search left
    const auto here = highlights_of(second);
    std::vector<std::vector<ByteRange>> fresh;
    std::thread([&] { fresh = highlights_of(second); }).join();
    CHECK(here == fresh);
    size_t marked_words = 0;
    for (const auto& ranges : here) marked_words += ranges.size();
    CHECK(marked_words > 20);
  }

  TEST_CASE("snippets: short texts whole, long ones cut around the highlights") {
    SnippetStyle style;
    std::string text = "وافقت الصين على الاستيراد";
    auto ranges = find_highlights(text, HighlightTerms{.stems = {"صين"}});
    CHECK(make_snippet(text, ranges, style) == "وافقت **الصين** على الاستيراد");
    std::string long_text;
    for (int i = 0; i < 200; ++i) long_text += "كلمة ";
    long_text += "الصين ";
    for (int i = 0; i < 200; ++i) long_text += "كلمة ";
    ranges = find_highlights(long_text, HighlightTerms{.stems = {"صين"}});
    std::string snippet = make_snippet(long_text, ranges, style);
    CHECK(snippet.find("**الصين**") != std::string::npos);
    CHECK(snippet.rfind("…", 0) == 0);
    CHECK(snippet.size() < 500);
  }
}
