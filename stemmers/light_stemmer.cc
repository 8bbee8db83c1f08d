// Rules of the Arabic light stemmer (see light_stemmer.h for the contract).
#include "light_stemmer.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>

#include "arabic_letters.h"
#include "stopwords.h"
#include "utf8.h"

namespace fahras {
namespace {

using namespace letters;
using std::u32string;
using std::u32string_view;

constexpr size_t kMinStem = 3;         // letters a suffix removal must leave
constexpr size_t kMinPronounStem = 4;  // letters a pronoun-suffix removal must leave
constexpr size_t kMinArticleStem = 2;  // letters an article removal must leave (as Lucene)

// Articles, alone or after ب/ك, longest first; only one is removed.
constexpr std::array<u32string_view, 4> kArticles = {U"بال", U"كال", U"لل", U"ال"};

// Object and possessive pronoun suffixes, longest first.
constexpr std::array<u32string_view, 7> kPronounSuffixes = {U"هما", U"كما", U"هم", U"هن",
                                                            U"كم",  U"كن",  U"نا"};

// Lucene's suffix list in Lucene's order (ية and ة are already يه and ه after
// normalization); every one that matches is removed in turn.
constexpr std::array<u32string_view, 8> kSuffixes = {U"ها", U"ان", U"ات", U"ون",
                                                     U"ين", U"يه", U"ه",  U"ي"};

// Words that begin with one of these keep their first letter: the letter is
// part of the root (و ب ل), not a clitic. Matched as prefixes of the word.
constexpr std::array<u32string_view, 62> kRootInitialStems = {
    // و-initial roots and names
    U"وزير", U"وزار", U"وزراء", U"وطن", U"ولد", U"ولاي", U"وصل", U"وقت", U"وقف", U"وجه", U"وجد",
    U"وضع", U"وفد", U"وكال", U"وسط", U"وحد", U"واحد", U"ورق", U"وعد", U"وفق", U"وافق", U"وقع",
    U"وثيق", U"وثاءق", U"وصف", U"وراء", U"وظيف", U"وفر", U"وفاه", U"ولي", U"وسيل", U"وساءل",
    U"وباء", U"وارد", U"واضح", U"واقع", U"واجه", U"واشنطن", U"وسع", U"وصول", U"وحيد", U"وكيل",
    U"وزن", U"وعي", U"ويب", U"وول", U"وانغ", U"ويندوز", U"وارن", U"ويليام", U"وريث", U"وداءع",
    // ب and ل before alef where the letter is radical
    U"باكستان", U"باريس", U"باحث", U"بارز", U"لاعب", U"لاجء", U"لاتين", U"لاحق", U"لازم", U"لافت"};

bool starts_with(u32string_view w, u32string_view p) { return w.substr(0, p.size()) == p; }
bool ends_with(u32string_view w, u32string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

bool has_root_initial_letter(u32string_view w) {
  for (u32string_view stem : kRootInitialStems)
    if (starts_with(w, stem)) return true;
  return false;
}

bool starts_with_article(u32string_view w) {
  for (u32string_view a : kArticles)
    if (starts_with(w, a) && w.size() - a.size() >= kMinArticleStem) return true;
  return false;
}

// الله with any proclitics (والله، بالله، لله، فلله) is kept as الله.
bool is_allah(u32string_view w) {
  if (!w.empty() && (w[0] == kWaw || w[0] == kFeh)) w.remove_prefix(1);
  if (!w.empty() && (w[0] == kBeh || w[0] == kTeh)) w.remove_prefix(1);
  return w == U"الله" || w == U"لله";
}

void strip_conjunction(u32string& w) {
  if (w.size() < 3 || (w[0] != kWaw && w[0] != kFeh)) return;
  u32string_view rest = u32string_view(w).substr(1);
  bool before_article = starts_with_article(rest);
  bool bare_waw = w[0] == kWaw && rest.size() >= kMinStem && !has_root_initial_letter(w);
  if (before_article || bare_waw) w.erase(0, 1);
}

void strip_article_or_preposition(u32string& w) {
  for (u32string_view a : kArticles) {
    if (starts_with(w, a) && w.size() - a.size() >= kMinArticleStem) {
      w.erase(0, a.size());
      return;
    }
  }
  // ب or ل attached to a word that begins with alef (from أ/إ/ا).
  if (w.size() >= 6 && (w[0] == kBeh || w[0] == kLam) && w[1] == kAlef &&
      !has_root_initial_letter(w))
    w.erase(0, 1);
}

bool strip_suffix(u32string& w, u32string_view s, size_t min_stem) {
  if (!ends_with(w, s) || w.size() - s.size() < min_stem) return false;
  w.erase(w.size() - s.size());
  return true;
}

// A feminine ت left bare by a removed suffix was a teh marbuta (مكتبتي),
// unless it ends a plural ات with a stem before it: then the ات goes too
// (شركاتها, منتجاتي → شرك, منتج, as شركة and منتجات stem). A short word's ات
// is a teh marbuta after alef (حياتها → حيا, as حياة stems).
void strip_uncovered_feminine_teh(u32string& w) {
  if (w.size() <= kMinStem || w.back() != kTeh) return;
  bool plural = w.size() >= kMinStem + 2 && w[w.size() - 2] == kAlef;
  w.erase(plural ? w.size() - 2 : w.size() - 1);
}

void strip_suffixes(u32string& w) {
  for (u32string_view s : kPronounSuffixes) {
    // نا after و or ي is usually the end of a name (كورونا، سينا), not "our".
    if (s == U"نا" && (ends_with(w, U"ونا") || ends_with(w, U"ينا"))) continue;
    if (strip_suffix(w, s, kMinPronounStem)) {
      strip_uncovered_feminine_teh(w);
      break;
    }
  }
  if (strip_suffix(w, U"تا", kMinStem + 1) || strip_suffix(w, U"تان", kMinStem) ||
      strip_suffix(w, U"تين", kMinStem))
    return;
  for (u32string_view s : kSuffixes) {
    // Not after ه: with ة folded to ه, ته may be a teh marbuta (لافتة).
    bool possessive = s == U"ي" || s == U"ها";
    if (strip_suffix(w, s, kMinStem) && possessive) strip_uncovered_feminine_teh(w);
  }
}

bool is_latin_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= 0xC0 && c < 0x250); }
bool is_arabic_letter(char32_t c) { return c >= kHamza && c <= 0x06FF; }

struct EnglishStemmer {
  sb_stemmer* handle = sb_stemmer_new("english", "UTF_8");
  ~EnglishStemmer() { sb_stemmer_delete(handle); }
};

std::string stem_english(std::string_view word) {
  thread_local EnglishStemmer english;
  if (!english.handle) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(english.handle, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(english.handle)));
}

// Arabic proclitics that may stand before a Latin-script word (وAlibaba, الـiPhone).
constexpr std::array<u32string_view, 8> kProcliticsBeforeLatin = {U"وال", U"بال", U"لل", U"ال",
                                                                  U"و",   U"ب",   U"ل",  U"ف"};

}  // namespace

// Number words the affix rules would cut into fragments or stop words
// (ألفي → في, مائتي → مائ): each form's stem is its number's.
const std::map<u32string_view, u32string_view>& number_word_stems() {
  static const std::map<u32string_view, u32string_view> stems = {
      // thousand: ألف, its dual and plurals (hamza and alef forms normalized)
      {U"الف", U"الف"}, {U"الفا", U"الف"}, {U"الفان", U"الف"}, {U"الفين", U"الف"},
      {U"الفي", U"الف"}, {U"الاف", U"الف"}, {U"الوف", U"الف"},
      // hundred: مائة and مئة, and their duals
      {U"ماءه", U"ماءه"}, {U"مءه", U"ماءه"}, {U"ماءتان", U"ماءه"}, {U"ماءتين", U"ماءه"},
      {U"ماءتي", U"ماءه"}, {U"ماءتا", U"ماءه"}, {U"مءتان", U"ماءه"}, {U"مءتين", U"ماءه"},
      {U"مءتي", U"ماءه"}, {U"مءتا", U"ماءه"}};
  return stems;
}

u32string stem_arabic(u32string w) {
  if (w.size() < 3) return w;
  if (is_allah(w)) return U"الله";
  if (auto number = number_word_stems().find(w); number != number_word_stems().end())
    return u32string(number->second);
  strip_conjunction(w);
  strip_article_or_preposition(w);
  strip_suffixes(w);
  return w;
}

std::string strip_proclitics(std::string_view word) {
  u32string w = to_utf32(word);
  if (w.size() < 3 || is_allah(w)) return std::string(word);
  strip_conjunction(w);
  strip_article_or_preposition(w);
  return to_utf8(w);
}

std::string alternative_stem(std::string_view word) {
  u32string w = to_utf32(word);
  if (w.size() < 5) return {};
  for (char32_t c : w)
    if (!is_arabic_letter(c)) return {};
  u32string primary = stem_arabic(w);
  u32string alternative;
  // A leading ب ل ك ف the stemmer kept (unless it already removed it).
  if ((w[0] == kBeh || w[0] == kLam || w[0] == kKaf || w[0] == kFeh) && !primary.empty() &&
      primary[0] == w[0])
    alternative = stem_arabic(w.substr(1));
  // Else a final ته kept whole: a feminine ة written ت before the pronoun ه.
  if ((alternative.size() < kMinStem || alternative == primary) && ends_with(w, U"ته"))
    alternative = stem_arabic(w.substr(0, w.size() - 2) + kHeh);
  if (alternative.size() < kMinStem || alternative == primary) return {};
  return to_utf8(alternative);
}

std::vector<std::string> clitic_readings(std::string_view word) {
  u32string w = to_utf32(word);
  std::vector<std::string> out;
  for (char32_t c : w)
    if (!is_arabic_letter(c)) return out;
  auto is_conjunction = [](char32_t c) { return c == kWaw || c == kFeh; };
  auto is_preposition = [](char32_t c) { return c == kBeh || c == kLam || c == kKaf; };
  if (w.size() >= kMinStem + 1 && (is_conjunction(w[0]) || is_preposition(w[0])))
    out.push_back(to_utf8(w.substr(1)));
  if (w.size() >= kMinStem + 2 && is_conjunction(w[0]) && is_preposition(w[1]))
    out.push_back(to_utf8(w.substr(2)));
  // The future particle س before a present tense (ستسمح → تسمح, وسيكون → يكون).
  auto is_present_prefix = [](char32_t c) {
    return c == kTeh || c == kYeh || c == kNoon || c == kAlef;
  };
  size_t at = is_conjunction(w[0]) ? 1 : 0;
  if (w.size() >= at + kMinStem + 2 && w[at] == kSeen && is_present_prefix(w[at + 1]))
    out.push_back(to_utf8(w.substr(at + 1)));
  return out;
}

std::string construct_plural_reading(std::string_view word) {
  u32string w = to_utf32(word);
  if (w.size() < kMinStem + 1 || w.back() != kWaw) return {};
  for (char32_t c : w)
    if (!is_arabic_letter(c)) return {};
  return to_utf8(w + kNoon);
}

std::vector<std::string> pronoun_suffix_readings(std::string_view word) {
  u32string w = to_utf32(strip_proclitics(word));
  std::vector<std::string> out;
  for (char32_t c : w)
    if (!is_arabic_letter(c)) return out;
  // ته: a feminine noun's ة written ت before the pronoun ه (شركته → شركة).
  if (w.size() >= kMinStem + 2 && ends_with(w, U"ته"))
    out.push_back(to_utf8(w.substr(0, w.size() - 2) + kHeh));
  // A pronoun after a three-letter noun (سوقهم → سوق, قيدها → قيد).
  for (u32string_view s : kPronounSuffixes)
    if (w.size() == kMinStem + s.size() && ends_with(w, s))
      out.push_back(to_utf8(w.substr(0, kMinStem)));
  for (u32string_view s : {U"ها", U"ه"})
    if (w.size() == kMinStem + s.size() && ends_with(w, s))
      out.push_back(to_utf8(w.substr(0, kMinStem)));
  return out;
}

std::vector<std::string> related_verb_stems(std::string_view stem) {
  u32string w = to_utf32(stem);
  if (w.size() != 5 || w[0] != kMeem || w[2] != kAlef) return {};
  u32string verb = w.substr(1);  // فاعل
  return {to_utf8(verb), to_utf8(verb + kTeh), to_utf8(kYeh + verb), to_utf8(kTeh + verb)};
}

std::string stem_word(std::string_view word) {
  u32string w = to_utf32(word);
  bool any_latin = false, any_arabic = false;
  for (char32_t c : w) {
    any_latin = any_latin || is_latin_letter(c);
    any_arabic = any_arabic || is_arabic_letter(c);
  }
  if (!any_latin && !any_arabic) return std::string(word);
  if (!any_latin) {
    std::string stem = to_utf8(stem_arabic(std::move(w)));
    // A word that is the article before a stop word is no such thing: its
    // alef and lam are radicals (الفي, two thousand, is not في). A clitic
    // before a stop word is one (ولكن, بما: stop words as the stem says).
    if (word.size() == stem.size() + 4 && word.starts_with("\u0627\u0644") && word.ends_with(stem) &&
        is_stopword(stem) && !is_stopword(word))
      return std::string(word);
    return stem;
  }
  if (any_arabic) {
    // Arabic proclitics before a Latin word: remove them, stem the rest.
    for (u32string_view p : kProcliticsBeforeLatin) {
      if (starts_with(w, p) && w.size() > p.size() && is_latin_letter(w[p.size()])) {
        u32string rest = w.substr(p.size());
        for (char32_t c : rest)
          if (is_arabic_letter(c)) return std::string(word);
        return stem_english(to_utf8(rest));
      }
    }
    return std::string(word);
  }
  return stem_english(word);
}

}  // namespace fahras
