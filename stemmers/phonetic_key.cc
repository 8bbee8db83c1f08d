// Sound classes of Arabic and Latin letters (see phonetic_key.h).
#include "phonetic_key.h"

#include "light_stemmer.h"
#include "utf8.h"

namespace fahras {
namespace {

// Class of an Arabic letter, or 0 when it is dropped.
char arabic_class(char32_t c) {
  switch (c) {
    case U'ب':
    case U'پ':
      return 'B';
    case U'ف':
    case U'ڤ':
      return 'F';
    case U'ت':
    case U'ط':
    case U'ث':
      return 'T';
    case U'د':
    case U'ذ':
    case U'ض':
      return 'D';
    case U'س':
    case U'ص':
    case U'ز':
    case U'ظ':
    case U'ش':
    case U'ژ':
    case U'چ':
      return 'S';
    case U'ج':
    case U'ك':
    case U'ق':
    case U'غ':
    case U'خ':
    case U'گ':
      return 'K';
    case U'ح':
    case U'ه':
      return 'H';
    case U'ل':
      return 'L';
    case U'م':
      return 'M';
    case U'ن':
      return 'N';
    case U'ر':
      return 'R';
    default:
      return 0;
  }
}

bool is_latin_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
}

// Whether the h at w[i] is sounded: at the start of a word, or between
// vowels (Ohio, Graham); not after a consonant or before one (John, Sarah).
bool sounded_h(std::string_view w, size_t i) {
  return i == 0 || (is_latin_vowel(w[i - 1]) && i + 1 < w.size() && is_latin_vowel(w[i + 1]));
}

// Walks a lower-case Latin word letter by letter: on_vowel(c) for each vowel
// letter (glides w and y included), on_sound(classes) for each consonant or
// digraph with the classes it sounds ("" for a silent h, "KS" for x).
template <class OnVowel, class OnSound>
void walk_latin(std::string_view w, OnVowel on_vowel, OnSound on_sound) {
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    char next = i + 1 < w.size() ? w[i + 1] : 0;
    if (is_latin_vowel(c)) {
      on_vowel(c);
      continue;
    }
    if (next == 'h' && (c == 's' || c == 'c' || c == 't' || c == 'p' || c == 'k' || c == 'g')) {
      on_sound(c == 's' || c == 'c' ? "S" : c == 't' ? "T" : c == 'p' ? "F" : "K");
      ++i;
      continue;
    }
    switch (c) {
      case 'b':
      case 'p':
        on_sound("B");
        break;
      case 'f':
      case 'v':
        on_sound("F");
        break;
      case 't':
        on_sound("T");
        break;
      case 'd':
        on_sound("D");
        break;
      case 's':
      case 'z':
        on_sound("S");
        break;
      case 'c':
        on_sound((next == 'e' || next == 'i' || next == 'y') ? "S" : "K");
        break;
      case 'g':
      case 'j':
      case 'k':
      case 'q':
        on_sound("K");
        break;
      case 'x':
        on_sound("KS");
        break;
      case 'h':
        on_sound(sounded_h(w, i) ? "H" : "");
        break;
      case 'l':
        on_sound("L");
        break;
      case 'm':
        on_sound("M");
        break;
      case 'n':
        on_sound("N");
        break;
      case 'r':
        on_sound("R");
        break;
      default:
        break;
    }
  }
}

// Appends the classes of a lower-case Latin word.
void latin_classes(std::string_view w, std::string& out) {
  walk_latin(
      w, [](char) {}, [&](std::string_view classes) { out += classes; });
}

}  // namespace

std::string phonetic_key(std::string_view word) {
  std::string classes;
  std::u32string w = to_utf32(word);
  // A final ه is a folded teh marbuta (a vowel) far more often than an h.
  if (w.size() > 1 && w.back() == U'ه') w.pop_back();
  std::string latin_run;
  for (char32_t c : w) {
    if (c < 0x80) {
      if (c >= U'a' && c <= U'z') {
        latin_run.push_back(static_cast<char>(c));
      }
      continue;
    }
    if (!latin_run.empty()) {
      latin_classes(latin_run, classes);
      latin_run.clear();
    }
    if (char k = arabic_class(c)) classes += k;
  }
  if (!latin_run.empty()) latin_classes(latin_run, classes);
  std::string key;
  for (char k : classes)
    if (key.empty() || key.back() != k) key += k;
  return key.size() >= kMinPhoneticClasses ? key : std::string();
}

std::string phonetic_key_source(std::string_view normalized_word) {
  // Latin words keep their endings (the e of ByteDance softens its c); Arabic
  // words lose their proclitics (لإنفيديا) but keep their endings (برنشتاين).
  bool latin = true, any_ascii = false;
  for (char c : normalized_word) {
    bool ascii = static_cast<unsigned char>(c) < 0x80;
    latin = latin && ascii;
    any_ascii = any_ascii || ascii;
  }
  if (latin) return std::string(normalized_word);
  // Stemming only removes letters, so a word with no ASCII has an Arabic stem.
  if (!any_ascii) return strip_proclitics(normalized_word);
  std::string stem = stem_word(normalized_word);
  // A Latin word behind Arabic proclitics (وNvidia) is keyed as written.
  for (char c : stem)
    if (static_cast<unsigned char>(c) >= 0x80) return strip_proclitics(normalized_word);
  return stem;
}

std::string phonetic_key_of_word(std::string_view normalized_word) {
  return phonetic_key(phonetic_key_source(normalized_word));
}

namespace {

// A word's sound classes, each with the vowel letters written before it
// since the previous class; repeats collapsed (their vowels carry over).
struct Skeleton {
  std::string classes;
  std::vector<std::string> vowels_before;  // per class; Arabic vowels as UTF-8
  std::string vowels_after;                // after the last class
};

// How a repeated class collapses: always, as phonetic_key does (its vowels
// carry over), or only with no vowel between, as short_name_key does (Google:
// KVKL, not the KVL of قول).
enum class Repeats { kCollapse, kKeepAcrossVowels };

void add_class(Skeleton& s, char k, std::string& pending, Repeats repeats) {
  bool repeat = !s.classes.empty() && s.classes.back() == k;
  if (repeat && (repeats == Repeats::kCollapse || pending.empty()))
    return;  // collapsed: pending carries over
  s.classes += k;
  s.vowels_before.push_back(std::move(pending));
  pending.clear();
}

Skeleton latin_skeleton(std::string_view w, Repeats repeats) {
  Skeleton s;
  std::string pending;
  walk_latin(
      w, [&](char c) { pending += c; },
      [&](std::string_view classes) {
        for (char k : classes) add_class(s, k, pending, repeats);
      });
  s.vowels_after = pending;
  return s;
}

bool is_arabic_vowel(char32_t c) {
  return c == U'ا' || c == U'و' || c == U'ي' || c == U'ى' || c == U'ء' || c == U'ئ' || c == U'ؤ';
}

Skeleton arabic_skeleton(std::string_view word, Repeats repeats) {
  Skeleton s;
  std::string pending;
  std::u32string w = to_utf32(word);
  if (w.size() > 1 && w.back() == U'ه') w.pop_back();  // as phonetic_key reads it
  for (char32_t c : w) {
    if (char k = arabic_class(c)) {
      add_class(s, k, pending, repeats);
    } else if (is_arabic_vowel(c)) {
      pending += to_utf8(std::u32string(1, c));
    }
  }
  s.vowels_after = pending;
  return s;
}

bool contains_any(std::string_view s, std::string_view letters) {
  return s.find_first_of(letters) != std::string_view::npos;
}

}  // namespace

bool may_transcribe_latin(std::string_view arabic_word) {
  // ع ح ض ظ: U+0639, U+062D, U+0636, U+0638, in UTF-8 0xD8 then 0xB9, 0xAD, 0xB6, 0xB8.
  for (size_t i = 0; i + 1 < arabic_word.size(); ++i) {
    if (static_cast<unsigned char>(arabic_word[i]) != 0xD8) continue;
    unsigned char next = static_cast<unsigned char>(arabic_word[i + 1]);
    if (next == 0xB9 || next == 0xAD || next == 0xB6 || next == 0xB8) return false;
  }
  return true;
}

std::string phonetic_pair_key(std::string_view joined) {
  std::string key = phonetic_key(joined);
  if (key.size() >= kMinPhoneticPairClasses) return key;
  return key.size() + 1 == kMinPhoneticPairClasses ? vowel_marked_key(joined) : "";
}

std::string short_name_key(std::string_view source) {
  return phonetic_key(source).empty() ? vowel_marked_key(source) : "";
}

std::string vowel_marked_key(std::string_view source) {
  bool latin = is_ascii(source);
  if (!latin && !may_transcribe_latin(source)) return "";  // it joins only transcriptions
  Skeleton skeleton = latin ? latin_skeleton(source, Repeats::kKeepAcrossVowels)
                            : arabic_skeleton(source, Repeats::kKeepAcrossVowels);
  if (skeleton.classes.size() < 2) return "";
  std::string key;
  for (size_t i = 0; i < skeleton.classes.size(); ++i) {
    if (!skeleton.vowels_before[i].empty()) key += 'V';
    key += skeleton.classes[i];
  }
  return key.size() > skeleton.classes.size() ? key : "";
}

namespace {

// may_transcribe, answering `unaligned` for skeletons that do not align.
bool transcribes(std::string_view latin_word, std::string_view arabic_word, bool unaligned) {
  if (!may_transcribe_latin(arabic_word)) return false;
  if (!contains_any(latin_word, "aeiouy")) return false;
  Skeleton latin = latin_skeleton(latin_word, Repeats::kCollapse);
  Skeleton arabic = arabic_skeleton(arabic_word, Repeats::kCollapse);
  if (latin.classes != arabic.classes) return unaligned;
  bool short_name = latin.classes.size() < kMinPhoneticClasses;
  // A vowel written before the first consonant stands for one in the Latin
  // word, or is the alef Arabic puts before two consonants (إنفيديا: Nvidia).
  bool cluster = latin.classes.size() > 1 && latin.vowels_before[1].empty();
  const std::string& leading = arabic.vowels_before[0];
  bool prosthetic_alef = cluster && leading == "ا";
  if (!leading.empty() && latin.vowels_before[0].empty() && !prosthetic_alef) return false;
  for (size_t i = 1; i < arabic.classes.size(); ++i) {
    const std::string& written = arabic.vowels_before[i];
    const std::string& sounded = latin.vowels_before[i];
    // Short vowels go unwritten, except in the shortest names (بايدو, ميتا).
    if (written.empty() && (!short_name || sounded.empty())) continue;
    if (sounded.empty()) return false;
    // A short name's vowels are all written: about a letter for each (دويين
    // for Douyin, not دون).
    if (short_name && to_utf32(written).size() + 1 < sounded.size()) return false;
    if (written.find("و") != std::string::npos && !contains_any(sounded, "ouw")) return false;
    if (written.find("ي") != std::string::npos && !contains_any(sounded, "aeiy")) return false;
    if (written.find("ا") != std::string::npos && !contains_any(sounded, "aiuy")) return false;
  }
  return true;
}

}  // namespace

bool may_transcribe(std::string_view latin_word, std::string_view arabic_word) {
  return transcribes(latin_word, arabic_word, true);
}

bool is_transcription(std::string_view latin_word, std::string_view arabic_word) {
  return transcribes(latin_word, arabic_word, false);
}

}  // namespace fahras
