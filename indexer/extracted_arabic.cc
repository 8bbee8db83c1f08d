// Repairs of extracted Arabic text (see extracted_arabic.h).
#include "extracted_arabic.h"

#include <unicode/normalizer2.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>
#include <stdexcept>

namespace fahras {
namespace {

constexpr UChar32 kAlef = 0x0627, kAlefHamzaAbove = 0x0623, kAlefHamzaBelow = 0x0625,
                  kAlefMadda = 0x0622, kLam = 0x0644, kWaw = 0x0648, kYeh = 0x064A,
                  kAlefMaksura = 0x0649, kHamzaAboveMark = 0x0654, kHamzaBelowMark = 0x0655;

bool is_alef(UChar32 c) {
  return c == kAlef || c == kAlefHamzaAbove || c == kAlefHamzaBelow || c == kAlefMadda;
}

bool is_directional_control(UChar32 c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// The letter a hamza mark and the seat after it make, or 0.
UChar32 seated_hamza(UChar32 mark, UChar32 seat) {
  if (mark == kHamzaAboveMark) {
    if (seat == kAlef) return kAlefHamzaAbove;
    if (seat == kWaw) return 0x0624;
    if (seat == kYeh || seat == kAlefMaksura) return 0x0626;
  }
  if (mark == kHamzaBelowMark && seat == kAlef) return kAlefHamzaBelow;
  return 0;
}

struct ScriptCounts {
  int arabic = 0, latin = 0;
};

ScriptCounts count_scripts(std::string_view text) {
  icu::UnicodeString line = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  ScriptCounts counts;
  for (int32_t i = 0; i < line.length(); i = line.moveIndex32(i, 1)) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(line.char32At(i), &status);
    if (script == USCRIPT_ARABIC) ++counts.arabic;
    if (script == USCRIPT_LATIN) ++counts.latin;
  }
  return counts;
}

std::u32string code_points(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  std::u32string out;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) out.push_back(s.char32At(i));
  return out;
}

}  // namespace

bool is_mostly_arabic(std::string_view text) {
  ScriptCounts counts = count_scripts(text);
  return counts.arabic > counts.latin;
}

std::string logical_from_visual(std::string_view visual) {
  ScriptCounts counts = count_scripts(visual);
  if (counts.arabic == 0) return std::string(visual);
  icu::UnicodeString line =
      icu::UnicodeString::fromUTF8(icu::StringPiece(visual.data(), visual.size()));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, decltype(&ubidi_close)> bidi(ubidi_open(), &ubidi_close);
  ubidi_setReorderingMode(bidi.get(), UBIDI_REORDER_INVERSE_LIKE_DIRECT);
  ubidi_setPara(bidi.get(), line.getBuffer(), line.length(),
                counts.arabic > counts.latin ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
  if (U_FAILURE(status)) return std::string(visual);
  icu::UnicodeString logical;
  int32_t capacity = line.length() * 2 + 8;
  UChar* buffer = logical.getBuffer(capacity);
  int32_t length = ubidi_writeReordered(bidi.get(), buffer, capacity,
                                        UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
  logical.releaseBuffer(U_SUCCESS(status) ? length : 0);
  if (U_FAILURE(status)) return std::string(visual);
  std::string out;
  logical.toUTF8String(out);
  return out;
}

std::string repair_extracted_arabic(std::string_view text, bool* reversed_lam_alef) {
  std::u32string in = code_points(text);
  std::u32string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    UChar32 c = static_cast<UChar32>(in[i]);
    if (is_directional_control(c)) continue;
    // A mark after a letter it seats on belongs to that letter (NFC joins
    // them); only after another letter does it stand before its seat.
    bool after_seat = !out.empty() && seated_hamza(c, static_cast<UChar32>(out.back())) != 0;
    if ((c == kHamzaAboveMark || c == kHamzaBelowMark) && i + 1 < in.size() && !after_seat) {
      if (UChar32 letter = seated_hamza(c, static_cast<UChar32>(in[i + 1]))) {
        out.push_back(static_cast<char32_t>(letter));
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char32_t>(c));
    // An alef, then another alef and lam: the second pair is a lam-alef
    // ligature read backwards (no Arabic word holds two alefs in a row).
    size_t n = out.size();
    if (n >= 3 && out[n - 1] == static_cast<char32_t>(kLam) &&
        is_alef(static_cast<UChar32>(out[n - 2])) && is_alef(static_cast<UChar32>(out[n - 3]))) {
      std::swap(out[n - 1], out[n - 2]);
      if (reversed_lam_alef) *reversed_lam_alef = true;
    }
  }
  // An alef and lam standing alone: no word is only an article, so it is the
  // word لا read backwards.
  auto in_word = [](char32_t c) {
    return u_isalpha(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
  };
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    bool starts = i == 0 || !in_word(out[i - 1]);
    bool ends = i + 2 == out.size() || !in_word(out[i + 2]);
    if (out[i] == static_cast<char32_t>(kAlef) && out[i + 1] == static_cast<char32_t>(kLam) &&
        starts && ends) {
      std::swap(out[i], out[i + 1]);
      if (reversed_lam_alef) *reversed_lam_alef = true;
    }
  }
  icu::UnicodeString repaired;
  for (char32_t c : out) repaired.append(static_cast<UChar32>(c));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) repaired = nfc->normalize(repaired, status);
  std::string result;
  repaired.toUTF8String(result);
  return result;
}

std::vector<std::string> lam_alef_readings(std::string_view normalized_word) {
  static constexpr std::string_view kAlefLam = "\u0627\u0644", kLamAlef = "\u0644\u0627";
  std::vector<std::string> out;
  for (size_t at = normalized_word.find(kAlefLam, 1); at != std::string_view::npos;
       at = normalized_word.find(kAlefLam, at + kAlefLam.size())) {
    std::string reading(normalized_word);
    reading.replace(at, kAlefLam.size(), kLamAlef);
    out.push_back(std::move(reading));
  }
  return out;
}

}  // namespace fahras
