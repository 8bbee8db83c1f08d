// Implementation of the normalization stages described in normalizer.h.
#include "normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "arabic_letters.h"
#include "utf8.h"

namespace fahras {
namespace {

using namespace letters;

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold is unavailable");
    return n;
  }();
  return *instance;
}

// Every combining mark the Unicode Arabic blocks define: harakat and the
// Quranic annotation marks of the Arabic block (the honorific signs
// U+0610-061A among them), of Arabic Extended-A and -B (U+0898-089F,
// U+08CA-08FF but the format character U+08E2) and -C (U+10EFD-10EFF),
// and tatweel; not the signs that stand for themselves (end of ayah,
// rub el hizb, place of sajdah).
bool is_removed_arabic_mark(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= kFathatan && c <= kWavyHamzaBelow) ||
         c == kSuperscriptAlef ||
         (c >= kSmallHighLigatureSadLamAlef && c <= kSmallHighNoon && c != kEndOfAyah &&
          c != kRubElHizb && c != kPlaceOfSajdah) ||
         c == kTatweel || (c >= 0x0898 && c <= 0x089F) ||
         (c >= 0x08CA && c <= 0x08FF && c != 0x08E2) || (c >= 0x10EFD && c <= 0x10EFF);
}

// Stage 3 for one code point: returns the replacement, or 0 to drop it.
char32_t fold_arabic(char32_t c) {
  if (c < 0x80) return c;
  if (is_removed_arabic_mark(c)) return 0;
  switch (c) {
    case kAlefWithMaddaAbove:
    case kAlefWithHamzaAbove:
    case kAlefWithHamzaBelow:
    case kAlefWasla:
    case 0x0672:  // ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE
    case 0x0673:  // ARABIC LETTER ALEF WITH WAVY HAMZA BELOW
      return kAlef;
    case kAlefMaksura:
    case kFarsiYeh:
    case kYehBarree:
      return kYeh;
    case kTehMarbuta:
    case kTehMarbutaGoal:
    case kHehGoal:
    case kHehDoachashmee:
    case kAeArabic:
      return kHeh;
    case kKeheh:
      return kKaf;
    // Hamza's seat inside a word is a spelling choice writers make either
    // way (مسئولية/مسؤولية, شئون/شؤون, رئيس/رءيس): every seat but alef's
    // (folded above) is the bare hamza.
    case kWawWithHamzaAbove:
    case kYehWithHamzaAbove:
      return kHamza;
    case kArabicDecimalSeparator:
      return U'.';
    case kArabicThousandsSeparator:
      return U',';
    default:
      break;
  }
  if (c >= kHamza && c <= kYeh) return c;  // the basic letters: no digit among them
  if (u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER) {
    int32_t value = u_charDigitValue(static_cast<UChar32>(c));
    if (value >= 0 && value <= 9) return U'0' + value;
  }
  return c;
}

// fold_arabic over the Arabic block (U+0600 + index), computed once: the
// common case of every character of every passage is one table read.
const std::array<char32_t, 256>& arabic_block_folds() {
  static const std::array<char32_t, 256> table = [] {
    std::array<char32_t, 256> folds{};
    for (char32_t i = 0; i < 256; ++i) folds[i] = fold_arabic(0x0600 + i);
    return folds;
  }();
  return table;
}

char32_t fold_arabic_fast(char32_t c) {
  if (c < 0x80) return c;
  if (c >= 0x0600 && c <= 0x06FF) return arabic_block_folds()[c - 0x0600];
  return fold_arabic(c);
}

// Code points whose NFKC_Casefold image is themselves (or, for ASCII, the
// lower-case letter) when they stand in a segment of such code points: plain
// Arabic letters and the eight harakat. Lets the common case skip ICU.
bool needs_no_icu(char32_t c) { return c < 0x80 || (c >= kHamza && c <= kSukun); }

// The length (1 or 2 bytes) of the character at s[i] when it is ASCII or a
// basic Arabic letter, code points that start an NFKC segment and need no
// ICU; 0 otherwise. Sets c to it.
size_t simple_char_at(std::string_view s, size_t i, char32_t& c) {
  auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) {
    c = lead;
    return 1;
  }
  char32_t code = arabic_two_byte_at(s, i);
  if (code < kHamza || code > kYeh) return 0;
  c = code;
  return 2;
}

// Writes normalized bytes and, kOffsets, their origins. The buffers are sized
// ahead and written by index (a push_back per byte into three buffers was a
// third of normalization's time); finish() trims them to what was written.
template <bool kOffsets>
struct Sink {
  static constexpr bool with_offsets = kOffsets;
  NormalizedText* out;
  size_t length = 0;

  void emit(char32_t c, uint32_t begin, uint32_t end) {
    make_room(4);
    if (c < 0x80) {
      byte(static_cast<char>(c), begin, end);
    } else if (c < 0x800) {  // every Arabic letter
      byte(static_cast<char>(0xC0 | (c >> 6)), begin, end);
      byte(static_cast<char>(0x80 | (c & 0x3F)), begin, end);
    } else {
      std::string bytes;
      append_utf8(bytes, c);
      for (char b : bytes) byte(b, begin, end);
    }
  }
  // Folds the run of simple characters (simple_char_at) from input[i] that
  // are segments of their own, each followed by another simple character or
  // the end, straight into the buffers; returns where the run stops. Folding
  // never lengthens a simple character: ASCII stays one byte (NUL, as
  // fold_arabic_fast's 0, none), a basic Arabic letter folds to a basic letter
  // (two bytes) or, tatweel, to nothing.
  size_t fold_simple_run(std::string_view input, size_t i) {
    make_room(input.size() - i);
    const std::array<char32_t, 256>& folds = arabic_block_folds();
    char* text = out->text.data();
    uint32_t* origin_begin = with_offsets ? out->origin_begin.data() : nullptr;
    uint32_t* origin_end = with_offsets ? out->origin_end.data() : nullptr;
    size_t written = length;
    auto put = [&](char b, uint32_t begin, uint32_t end) {
      text[written] = b;
      if (with_offsets) {
        origin_begin[written] = begin;
        origin_end[written] = end;
      }
      ++written;
    };
    char32_t c = 0;
    size_t c_length = simple_char_at(input, i, c);
    while (c_length) {
      size_t after = i + c_length;
      char32_t next = 0;
      size_t next_length = after < input.size() ? simple_char_at(input, after, next) : 0;
      if (after < input.size() && !next_length) break;  // marks may follow c
      auto begin = static_cast<uint32_t>(i), end = static_cast<uint32_t>(after);
      if (c < 0x80) {
        if (c != 0) put(static_cast<char>(c >= U'A' && c <= U'Z' ? c + 32 : c), begin, end);
      } else if (char32_t folded = folds[c - 0x0600]) {
        put(static_cast<char>(0xC0 | (folded >> 6)), begin, end);
        put(static_cast<char>(0x80 | (folded & 0x3F)), begin, end);
      }
      i = after;
      c = next;
      c_length = next_length;
    }
    length = written;
    return i;
  }
  void finish() {
    out->text.resize(length);
    if (with_offsets) {
      out->origin_begin.resize(length);
      out->origin_end.resize(length);
    }
  }

 private:
  void make_room(size_t bytes) {
    if (length + bytes <= out->text.size()) return;
    size_t size = std::max(length + bytes, out->text.size() * 2 + 16);
    out->text.resize(size);
    if (with_offsets) {
      out->origin_begin.resize(size);
      out->origin_end.resize(size);
    }
  }
  void byte(char b, uint32_t begin, uint32_t end) {
    out->text[length] = b;
    if (with_offsets) {
      out->origin_begin[length] = begin;
      out->origin_end[length] = end;
    }
    ++length;
  }
};

// Stage 2 (Latin case) and 3 for a code point NFKC leaves as it is.
template <typename Sink>
void fold_and_emit_simple(char32_t c, uint32_t begin, uint32_t end, Sink& sink) {
  if (c >= U'A' && c <= U'Z') c += 32;
  if (char32_t folded = fold_arabic_fast(c)) sink.emit(folded, begin, end);
}

// The code points of one NFKC segment (a code point with a boundary before
// it and the code points after it that have none), awaiting normalization.
// Most segments are one letter, which is folded without touching `rest`.
struct Segment {
  char32_t first = 0;
  bool empty = true;
  std::u32string rest;
  bool needs_icu = false;
  uint32_t begin = 0;

  void start(char32_t c, uint32_t at) {
    first = c;
    empty = false;
    begin = at;
    needs_icu = !needs_no_icu(c);
  }
  void extend(char32_t c) {
    if (empty) return start(c, begin);
    rest.push_back(c);
    needs_icu = needs_icu || !needs_no_icu(c);
  }
  // Normalizes the segment, which ends at byte `end` of the input, into the sink.
  template <typename Sink>
  [[gnu::always_inline]] void flush(uint32_t end, Sink& sink) {
    if (empty) return;
    if (!needs_icu) {
      fold_and_emit(first, end, sink);
      for (char32_t c : rest) fold_and_emit(c, end, sink);
    } else {
      normalize_with_icu(end, sink);
    }
    rest.clear();
    empty = true;
  }

 private:
  template <typename Sink>
  void fold_and_emit(char32_t c, uint32_t end, Sink& sink) const {
    fold_and_emit_simple(c, begin, end, sink);
  }
  template <typename Sink>
  void normalize_with_icu(uint32_t end, Sink& sink) const {
    icu::UnicodeString text;
    text.append(static_cast<UChar32>(first));
    for (char32_t c : rest) text.append(static_cast<UChar32>(c));
    // Folding may drop a mark between a letter and a mark that NFKC would
    // then compose with it (ß, a Quranic mark, an acute: ss, acute, then ś):
    // normalized again until folding changes nothing, so that normalize()
    // is idempotent.
    for (int round = 0; round < 3; ++round) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString normalized = nfkc_casefold().normalize(text, status);
      if (U_FAILURE(status)) normalized = text;
      icu::UnicodeString folded = fold_segment(normalized);
      text = folded;
      if (folded == normalized) break;
    }
    for (int32_t i = 0; i < text.length();) {
      UChar32 c = text.char32At(i);
      i += U16_LENGTH(c);
      sink.emit(static_cast<char32_t>(c), begin, end);
    }
  }

  // Stage 3 over a normalized segment. Marks on a base that folding drops (a
  // tatweel) go with it: left alone, they would combine with the character
  // before (m, tatweel, acute: m then acute, then ḿ).
  static icu::UnicodeString fold_segment(const icu::UnicodeString& normalized) {
    icu::UnicodeString folded;
    bool base_dropped = false;
    for (int32_t i = 0; i < normalized.length();) {
      UChar32 c = normalized.char32At(i);
      bool base = i == 0 || u_getCombiningClass(c) == 0;
      i += U16_LENGTH(c);
      if (!base && base_dropped) continue;
      char32_t f = fold_arabic(static_cast<char32_t>(c));
      if (base) base_dropped = f == 0;
      if (f) folded.append(static_cast<UChar32>(f));
    }
    return folded;
  }
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Stage 4: drops a ',' that has a digit before it and exactly three digits
// after it, so 700,000 and ٧٠٠٬٠٠٠ both become 700000. In place: the bytes
// (and their origins) after each dropped ',' move back over it.
void remove_thousands_separators(NormalizedText& t, bool with_offsets) {
  std::string& s = t.text;
  auto is_separator = [&](size_t i) {
    if (s[i] != ',' || i == 0 || !is_ascii_digit(s[i - 1]) || i + 3 >= s.size()) return false;
    for (size_t k = 1; k <= 3; ++k)
      if (!is_ascii_digit(s[i + k])) return false;
    return i + 4 == s.size() || !is_ascii_digit(s[i + 4]);
  };
  size_t first = s.find(',');
  while (first != std::string::npos && !is_separator(first)) first = s.find(',', first + 1);
  if (first == std::string::npos) return;
  size_t kept = first;  // bytes from the first separator on move back over the separators
  for (size_t i = first; i < s.size(); ++i) {
    if (is_separator(i)) continue;
    s[kept] = s[i];
    if (with_offsets) {
      t.origin_begin[kept] = t.origin_begin[i];
      t.origin_end[kept] = t.origin_end[i];
    }
    ++kept;
  }
  s.resize(kept);
  if (with_offsets) {
    t.origin_begin.resize(kept);
    t.origin_end.resize(kept);
  }
}

template <bool kOffsets>
NormalizedText run(std::string_view input) {
  NormalizedText out;
  // Folding never lengthens the common characters: the input's size is
  // nearly always enough (make_room grows it otherwise).
  out.text.resize(input.size());
  if (kOffsets) {
    out.origin_begin.resize(input.size());
    out.origin_end.resize(input.size());
  }
  Sink<kOffsets> sink{&out};
  Segment segment;
  size_t i = 0;
  // The simple character at i and its length (0: none there), decoded once:
  // as the next character of one step, then as the character of the next.
  char32_t c = 0;
  size_t length = input.empty() ? 0 : simple_char_at(input, 0, c);
  while (i < input.size()) {
    uint32_t start = static_cast<uint32_t>(i);
    // The common case: a simple character followed by another (or by the
    // end) is a segment of its own, folded without the segment's bookkeeping.
    if (length) {
      size_t after = i + length;
      char32_t next = 0;
      size_t next_length = after < input.size() ? simple_char_at(input, after, next) : 0;
      if (after == input.size() || next_length) {
        segment.flush(start, sink);
        i = sink.fold_simple_run(input, i);
        length = i < input.size() ? simple_char_at(input, i, c) : 0;
        continue;
      }
    }
    bool valid = decode_utf8(input, i, c);
    if (!valid) {
      segment.flush(start, sink);
      sink.emit(U' ', start, static_cast<uint32_t>(i));
      segment.begin = static_cast<uint32_t>(i);
    } else if (nfkc_boundary_before(c)) {
      segment.flush(start, sink);
      segment.start(c, start);
    } else {
      segment.extend(c);
    }
    length = i < input.size() ? simple_char_at(input, i, c) : 0;
  }
  segment.flush(static_cast<uint32_t>(input.size()), sink);
  sink.finish();
  remove_thousands_separators(out, kOffsets);
  return out;
}

}  // namespace

bool nfkc_boundary_before(char32_t c) {
  // The common code points without asking ICU: ASCII and the basic Arabic
  // letters start a segment, the eight harakat never do.
  if (c < 0x80 || (c >= kHamza && c <= kYeh)) return true;
  if (c >= kFathatan && c <= kSukun) return false;
  return nfkc_casefold().hasBoundaryBefore(static_cast<UChar32>(c));
}

NormalizedText normalize_with_offsets(std::string_view utf8) { return run<true>(utf8); }

std::string normalize(std::string_view utf8) { return run<false>(utf8).text; }

}  // namespace fahras
