// Named Unicode code points used by the Arabic analysis chain.
//
// Every Arabic code point that the normalizer, stemmer or stop-word code
// touches is declared here once, under its Unicode name, so that rules read as
// words rather than as hex literals.
#pragma once

namespace fahras::letters {

// Letters (U+0621..U+064A).
inline constexpr char32_t kHamza = 0x0621;               // ARABIC LETTER HAMZA
inline constexpr char32_t kAlefWithMaddaAbove = 0x0622;  // ARABIC LETTER ALEF WITH MADDA ABOVE
inline constexpr char32_t kAlefWithHamzaAbove = 0x0623;  // ARABIC LETTER ALEF WITH HAMZA ABOVE
inline constexpr char32_t kWawWithHamzaAbove = 0x0624;   // ARABIC LETTER WAW WITH HAMZA ABOVE
inline constexpr char32_t kAlefWithHamzaBelow = 0x0625;  // ARABIC LETTER ALEF WITH HAMZA BELOW
inline constexpr char32_t kYehWithHamzaAbove = 0x0626;   // ARABIC LETTER YEH WITH HAMZA ABOVE
inline constexpr char32_t kAlef = 0x0627;                // ARABIC LETTER ALEF
inline constexpr char32_t kBeh = 0x0628;                 // ARABIC LETTER BEH
inline constexpr char32_t kTehMarbuta = 0x0629;          // ARABIC LETTER TEH MARBUTA
inline constexpr char32_t kTeh = 0x062A;                 // ARABIC LETTER TEH
inline constexpr char32_t kFeh = 0x0641;                 // ARABIC LETTER FEH
inline constexpr char32_t kKaf = 0x0643;                 // ARABIC LETTER KAF
inline constexpr char32_t kLam = 0x0644;                 // ARABIC LETTER LAM
inline constexpr char32_t kMeem = 0x0645;                // ARABIC LETTER MEEM
inline constexpr char32_t kNoon = 0x0646;                // ARABIC LETTER NOON
inline constexpr char32_t kHeh = 0x0647;                 // ARABIC LETTER HEH
inline constexpr char32_t kWaw = 0x0648;                 // ARABIC LETTER WAW
inline constexpr char32_t kAlefMaksura = 0x0649;         // ARABIC LETTER ALEF MAKSURA
inline constexpr char32_t kYeh = 0x064A;                 // ARABIC LETTER YEH
inline constexpr char32_t kSeen = 0x0633;                // ARABIC LETTER SEEN
inline constexpr char32_t kTheh = 0x062B;                // ARABIC LETTER THEH
inline constexpr char32_t kDal = 0x062F;                 // ARABIC LETTER DAL
inline constexpr char32_t kThal = 0x0630;                // ARABIC LETTER THAL
inline constexpr char32_t kZain = 0x0632;                // ARABIC LETTER ZAIN
inline constexpr char32_t kSad = 0x0635;                 // ARABIC LETTER SAD
inline constexpr char32_t kDad = 0x0636;                 // ARABIC LETTER DAD
inline constexpr char32_t kTah = 0x0637;                 // ARABIC LETTER TAH
inline constexpr char32_t kZah = 0x0638;                 // ARABIC LETTER ZAH

// Tatweel and marks.
inline constexpr char32_t kTatweel = 0x0640;          // ARABIC TATWEEL
inline constexpr char32_t kFathatan = 0x064B;         // ARABIC FATHATAN (first haraka)
inline constexpr char32_t kSukun = 0x0652;            // ARABIC SUKUN (last of the eight harakat)
inline constexpr char32_t kMaddahAbove = 0x0653;      // ARABIC MADDAH ABOVE
inline constexpr char32_t kHamzaAbove = 0x0654;       // ARABIC HAMZA ABOVE
inline constexpr char32_t kHamzaBelow = 0x0655;       // ARABIC HAMZA BELOW
inline constexpr char32_t kSubscriptAlef = 0x0656;    // ARABIC SUBSCRIPT ALEF
inline constexpr char32_t kWavyHamzaBelow = 0x065F;   // ARABIC WAVY HAMZA BELOW
inline constexpr char32_t kSuperscriptAlef = 0x0670;  // ARABIC LETTER SUPERSCRIPT ALEF
inline constexpr char32_t kAlefWasla = 0x0671;        // ARABIC LETTER ALEF WASLA
inline constexpr char32_t kSmallHighLigatureSadLamAlef = 0x06D6;  // first Quranic annotation mark
inline constexpr char32_t kSmallHighNoon = 0x06ED;  // ARABIC SMALL LOW MEEM, last Quranic mark
inline constexpr char32_t kEndOfAyah = 0x06DD;      // ARABIC END OF AYAH (a separator, kept)
inline constexpr char32_t kRubElHizb = 0x06DE;      // ARABIC START OF RUB EL HIZB (kept)
inline constexpr char32_t kPlaceOfSajdah = 0x06E9;  // ARABIC PLACE OF SAJDAH (kept)

// Persian and Urdu letter variants.
inline constexpr char32_t kKeheh = 0x06A9;           // ARABIC LETTER KEHEH (Persian kaf)
inline constexpr char32_t kFarsiYeh = 0x06CC;        // ARABIC LETTER FARSI YEH
inline constexpr char32_t kHehGoal = 0x06C1;         // ARABIC LETTER HEH GOAL (Urdu heh)
inline constexpr char32_t kHehDoachashmee = 0x06BE;  // ARABIC LETTER HEH DOACHASHMEE
inline constexpr char32_t kYehBarree = 0x06D2;       // ARABIC LETTER YEH BARREE
inline constexpr char32_t kTehMarbutaGoal = 0x06C3;  // ARABIC LETTER TEH MARBUTA GOAL
inline constexpr char32_t kAeArabic = 0x06D5;        // ARABIC LETTER AE

// Digits and number punctuation.
inline constexpr char32_t kArabicIndicDigitZero = 0x0660;      // ARABIC-INDIC DIGIT ZERO
inline constexpr char32_t kArabicIndicDigitNine = 0x0669;      // ARABIC-INDIC DIGIT NINE
inline constexpr char32_t kArabicDecimalSeparator = 0x066B;    // ARABIC DECIMAL SEPARATOR
inline constexpr char32_t kArabicThousandsSeparator = 0x066C;  // ARABIC THOUSANDS SEPARATOR
inline constexpr char32_t kExtendedArabicIndicDigitZero =
    0x06F0;  // EXTENDED ARABIC-INDIC DIGIT ZERO
inline constexpr char32_t kExtendedArabicIndicDigitNine =
    0x06F9;                                       // EXTENDED ARABIC-INDIC DIGIT NINE
inline constexpr char32_t kArabicComma = 0x060C;  // ARABIC COMMA

// Invisible format characters removed before tokenizing.
inline constexpr char32_t kArabicLetterMark = 0x061C;    // ARABIC LETTER MARK
inline constexpr char32_t kZeroWidthSpace = 0x200B;      // ZERO WIDTH SPACE
inline constexpr char32_t kZeroWidthNonJoiner = 0x200C;  // ZERO WIDTH NON-JOINER
inline constexpr char32_t kZeroWidthJoiner = 0x200D;     // ZERO WIDTH JOINER
inline constexpr char32_t kLeftToRightMark = 0x200E;     // LEFT-TO-RIGHT MARK
inline constexpr char32_t kRightToLeftMark = 0x200F;     // RIGHT-TO-LEFT MARK
inline constexpr char32_t kLeftToRightEmbedding =
    0x202A;  // LEFT-TO-RIGHT EMBEDDING (first bidi embedding)
inline constexpr char32_t kRightToLeftOverride =
    0x202E;                                      // RIGHT-TO-LEFT OVERRIDE (last bidi embedding)
inline constexpr char32_t kWordJoiner = 0x2060;  // WORD JOINER
inline constexpr char32_t kLeftToRightIsolate =
    0x2066;  // LEFT-TO-RIGHT ISOLATE (first bidi isolate)
inline constexpr char32_t kPopDirectionalIsolate =
    0x2069;                                         // POP DIRECTIONAL ISOLATE (last bidi isolate)
inline constexpr char32_t kByteOrderMark = 0xFEFF;  // ZERO WIDTH NO-BREAK SPACE (BOM)
inline constexpr char32_t kSoftHyphen = 0x00AD;     // SOFT HYPHEN

}  // namespace fahras::letters
