// Tests of normalizer.h: each normalization rule with real words, the offset
// map, idempotence, and robustness on hostile input.
#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <random>

#include "normalizer.h"
#include "utf8.h"

using fahras::normalize;
using fahras::normalize_with_offsets;

TEST_SUITE("normalizer") {
  TEST_CASE("segment boundaries answered without ICU agree with ICU") {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* icu = icu::Normalizer2::getNFKCCasefoldInstance(status);
    REQUIRE(U_SUCCESS(status));
    for (char32_t c = 0; c < 0x700; ++c)
      CHECK_MESSAGE(fahras::nfkc_boundary_before(c) == icu->hasBoundaryBefore(UChar32(c)), int(c));
  }
  TEST_CASE("hamza above after waw composes before harakat are dropped") {
    // و + U+0654 is ؤ under NFKC, then folded to ء; dropping the mark first
    // would give و.
    CHECK(normalize("\u0648\u0654") == "\u0621");
    CHECK(normalize("\u0627\u064E\u0654") == "\u0627");
  }
  TEST_CASE("alef forms fold to bare alef") {
    CHECK(normalize("أحمد") == "احمد");
    CHECK(normalize("إبراهيم") == "ابراهيم");
    CHECK(normalize("آمن") == "امن");
    CHECK(normalize("ٱلرحمن") == "الرحمن");  // alef wasla
  }

  TEST_CASE("alef maksura, teh marbuta and Persian variants") {
    CHECK(normalize("مستشفى") == "مستشفي");
    CHECK(normalize("الشركة") == "الشركه");
    CHECK(normalize("کتاب") == "كتاب");  // keheh
    CHECK(normalize("علی") == "علي");    // farsi yeh
  }

  TEST_CASE("harakat, superscript alef, Quranic marks and tatweel are removed") {
    CHECK(normalize("الْكِتَابُ") == "الكتاب");
    CHECK(normalize("مُحَمَّدٌ") == "محمد");
    CHECK(normalize("ٱلرَّحْمَٰنِ") == "الرحمن");
    CHECK(normalize("كتــــاب") == "كتاب");
    CHECK(normalize("قَالُوا۟") == "قالوا");  // U+06DF small high rounded zero
  }

  TEST_CASE("every combining mark of the Unicode Arabic blocks is removed") {
    // Each code point ICU calls a mark (Mn, Mc, Me) in the Arabic block,
    // Arabic Supplement, Extended-A, -B and -C, and the presentation forms.
    std::vector<std::pair<char32_t, char32_t>> blocks = {{0x0600, 0x06FF}, {0x0750, 0x077F},
                                                         {0x0870, 0x08FF}, {0x10EC0, 0x10EFF},
                                                         {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};
    size_t marks = 0;
    for (auto [first, last] : blocks)
      for (char32_t c = first; c <= last; ++c) {
        if (!(U_GET_GC_MASK(c) & U_GC_M_MASK)) continue;
        ++marks;
        std::u32string word = U"كتب";
        word.insert(1, 1, c);
        INFO("U+" << std::hex << static_cast<uint32_t>(c));
        CHECK(normalize(fahras::to_utf8(word)) == "كتب");
      }
    CHECK(marks > 110);
    CHECK(normalize("محمدؐ") == "محمد");  // U+0610 sallallahou alayhe wassallam
  }

  TEST_CASE("NFKC: presentation forms, ligatures and decomposed hamza") {
    CHECK(normalize("ﺍﻟﺴﻼﻢ") == "السلام");
    CHECK(normalize("ﻻ") == "لا");
    CHECK(normalize("\u0627\u0654\u062D\u0645\u062F") == "احمد");  // alef + hamza above
  }

  TEST_CASE("digits fold to ASCII and thousands separators go") {
    CHECK(normalize("١٢٣٤") == "1234");
    CHECK(normalize("۱۲۳۴") == "1234");
    CHECK(normalize("700,000 شريحة") == "700000 شريحه");
    CHECK(normalize("٧٠٠٬٠٠٠") == "700000");
    CHECK(normalize("3٫5") == "3.5");
    CHECK(normalize("2024,2025") == "2024,2025");  // not a thousands group
    CHECK(normalize("1,000,000") == "1000000");
    CHECK(normalize("2024,2025 و 1,000,000 و 12,5") == "2024,2025 و 1000000 و 12,5");
  }

  TEST_CASE("offsets after dropped thousands separators still point at their bytes") {
    std::string original = "بلغ ٢٠٢٤,٢٠٢٥ ثم 1,000,000 شريحة";
    auto n = normalize_with_offsets(original);
    REQUIRE(n.text == "بلغ 2024,2025 ثم 1000000 شريحه");
    REQUIRE(n.origin_begin.size() == n.text.size());
    REQUIRE(n.origin_end.size() == n.text.size());
    size_t number = n.text.find("1000000");
    auto [nb, ne] = n.original_range(number, number + 7);
    CHECK(original.substr(nb, ne - nb) == "1,000,000");
    size_t word = n.text.find("شريحه");
    auto [wb, we] = n.original_range(word, n.text.size());
    CHECK(original.substr(wb, we - wb) == "شريحة");
  }

  TEST_CASE("Latin case folding and invisible controls") {
    CHECK(normalize("Nvidia H200") == "nvidia h200");
    CHECK(normalize("وAlibaba") == "وalibaba");
    CHECK(normalize("كتاب\u200Cخانه") == "كتابخانه");  // ZWNJ
    CHECK(normalize("\u200Fالصين\u200E") == "الصين");  // RLM, LRM
    CHECK(normalize("\u202Bالصين\u202C") == "الصين");  // bidi embedding
    CHECK(normalize("\xEF\xBB\xBFالصين") == "الصين");  // BOM
  }

  TEST_CASE("a plain letter folds alike whether marks follow it or not") {
    // Runs of ASCII and basic Arabic letters take a path of their own; a
    // fatha after each letter sends every letter down the segment path.
    const std::vector<std::string> letters = {
        "a", "Q", "7", " ", ".", std::string(1, '\0'), "ا", "أ", "إ", "آ", "ة", "ى", "ؤ", "ئ",
        "ـ", "ب", "ء", "ي", "ش"};
    std::mt19937 rng(7);
    for (int round = 0; round < 500; ++round) {
      std::string plain, marked;
      for (int i = 0; i < 12; ++i) {
        const std::string& letter = letters[rng() % letters.size()];
        plain += letter;
        marked += letter + "\u064E";
      }
      CAPTURE(plain);
      CHECK(normalize(plain) == normalize(marked));
      auto n = normalize_with_offsets(plain);
      REQUIRE(n.origin_begin.size() == n.text.size());
      for (size_t b = 0; b < n.text.size(); ++b) CHECK(n.origin_end[b] <= plain.size());
    }
    CHECK(normalize(std::string("ALIF\0ا", 7)) == "alifا");
  }

  TEST_CASE("offsets point at the original word, harakat included") {
    std::string original = "وافقت السُّلُطات";
    auto n = normalize_with_offsets(original);
    CHECK(n.text == "وافقت السلطات");
    size_t begin = n.text.find("السلطات");
    auto [ob, oe] = n.original_range(begin, n.text.size());
    CHECK(original.substr(ob, oe - ob) == "السُّلُطات");
  }

  TEST_CASE("offsets across removed tatweel and folded digits") {
    std::string original = "عام ٢٠٢٦ كتــاب";
    auto n = normalize_with_offsets(original);
    CHECK(n.text == "عام 2026 كتاب");
    size_t b = n.text.find("2026");
    auto [ob, oe] = n.original_range(b, b + 4);
    CHECK(original.substr(ob, oe - ob) == "٢٠٢٦");
    b = n.text.find("كتاب");
    auto [kb, ke] = n.original_range(b, n.text.size());
    CHECK(original.substr(kb, ke - kb) == "كتــاب");
  }

  TEST_CASE("idempotent on corpus-like text and on random Arabic") {
    std::string sample = "أوقفت الصِّين شراءَ رقائق إنفيديا H200 بـ٧٠٠٬٠٠٠ دولار، وAlibaba ﻻ تزال…";
    CHECK(normalize(normalize(sample)) == normalize(sample));
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0x0600, 0x06FF);
    for (int round = 0; round < 2000; ++round) {
      std::u32string s;
      for (int k = 0; k < 12; ++k) s.push_back(static_cast<char32_t>(pick(rng)));
      s.push_back(U',');
      s.push_back(static_cast<char32_t>(0x0660 + round % 10));
      std::string utf8 = fahras::to_utf8(s);
      std::string once = normalize(utf8);
      REQUIRE_MESSAGE(normalize(once) == once, "input: " << utf8);
    }
  }

  TEST_CASE("hostile input neither crashes nor hangs") {
    CHECK(normalize("") == "");
    CHECK(normalize("\xFF\xFE\x80") == "   ");
    CHECK(normalize("ab\xC3") == "ab ");  // truncated sequence
    std::string marks = "ب";
    for (int i = 0; i < 10000; ++i) marks += "\u064E";
    CHECK(normalize(marks) == "ب");
    std::string line(1 << 20, 'a');
    CHECK(normalize(line).size() == line.size());
    std::mt19937 rng(7);
    std::string noise(100000, '\0');
    for (char& c : noise) c = static_cast<char>(rng());
    auto n = normalize_with_offsets(noise);
    CHECK(n.origin_begin.size() == n.text.size());
    CHECK(normalize(n.text) == n.text);
  }

  TEST_CASE("idempotent where folding drops a mark between a letter and another mark") {
    // Found by the fuzz suite: a tatweel carrying an acute after a Latin
    // letter, and an Arabic honorific mark between ß (ss) and an acute.
    for (std::string input :
         {"m\u0640\u0640\u0640\u0301", "\u00df\u0612\u0301", "الصين\u0640\u0301"}) {
      std::string once = normalize(input);
      CHECK(normalize(once) == once);
    }
    CHECK(normalize("m\u0640\u0301") == "m");
  }
}
