// Fahras's Arabic light stemmer, and the word-level stemmer of the chain.
//
// stem_arabic() removes clitics and inflectional affixes from one normalized
// Arabic word (see normalizer.h: no harakat, bare alef, heh for teh marbuta).
// It extends Larkey's light10 (the reference for Lucene's ArabicStemmer):
//   - stacked proclitics: a conjunction و/ف before an article (وبال، فلل، وكال);
//   - a bare و is removed only when 3+ letters remain and the word does not
//     begin with a root that starts with و (وزير، وافق، واشنطن: a short lexicon);
//   - ف is removed only before an article (فيلم، فرنسا keep their ف);
//   - ب/ل before alef (باستخدام، لانفيديا) when 5+ letters remain;
//   - pronoun suffixes هما كما هم هن كم كن نا when 4+ letters remain, and the
//     feminine ت they uncover (مكتبته → مكتب, as مكتبة);
//   - dual endings تان تين تا of feminine nouns (موافقتا → موافق);
//   - every suffix must leave 3+ letters (Lucene: 2), so بكين، الصين stay whole;
//   - الله in all its clitic forms stems to الله (Lucene gives له).
//
// stem_word() is the chain's word stemmer: Arabic words through stem_arabic,
// Latin-script words (also with Arabic proclitics: وAlibaba) through Snowball
// English, numbers unchanged. Input must already be normalized.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fahras {

std::u32string stem_arabic(std::u32string word);

std::string stem_word(std::string_view normalized_word);

// The word with its proclitics (conjunction, article, preposition) removed
// and its suffixes kept: what names are keyed on (برنشتاين keeps its ين).
std::string strip_proclitics(std::string_view normalized_word);

// The stem the word would have if its first letter, one of ب ل ك ف that the
// stemmer kept as radical, were a clitic (بشراء → شراء, فبكين → بكين); else if
// its final ته, which the stemmer keeps (مؤقته: radical ت and ة), were ة
// written ت before the pronoun ه (سياسته → سياسة); "" when there is no such
// reading. Indexed and searched beside the stem, so either reading matches,
// whichever is right.
std::string alternative_stem(std::string_view normalized_word);

// The word without its first letter (و ف ب ل ك), or its first two (و or ف,
// then ب ل or ك), read as clitics the stemmer may have kept: ورقائق → رقائق
// (و kept before ورق, "paper"), فشرائح → شرائح, وبشرائح → شرائح; and a
// present tense without the future particle س (ستسمح → تسمح, وسيكون →
// يكون). Candidates of at least three letters: the searcher keeps the ones
// whose stems the index knows, for query words it does not know.
std::vector<std::string> clitic_readings(std::string_view normalized_word);

// The word as the plural in ون it may be, written without its ن before the
// noun it governs (محللو شركة, مسؤولو البيت → محللون, مسؤولون); "" unless it
// ends in و after at least three letters. A candidate, as above.
std::string construct_plural_reading(std::string_view normalized_word);

// The word (proclitics off) without a pronoun suffix the stemmer keeps: ته,
// where ة is written ت before the pronoun ه (شركته → شركه, as شركة; the
// stemmer cannot tell it from a radical ت and ة: مؤقته), and a pronoun after
// a three-letter noun (سوقهم → سوق, which the stemmer's four-letter rule
// keeps whole). Candidates, as above.
std::vector<std::string> pronoun_suffix_readings(std::string_view normalized_word);

// Verb forms related to a verbal-noun stem of pattern مفاعل (form III masdar
// and participle: موافق، مشارك، مناقش): فاعل، فاعلت، يفاعل، تفاعل, as stems.
// Empty for other stems. The searcher offers the ones the index knows as
// weak alternatives, so موافقة finds وافقت.
std::vector<std::string> related_verb_stems(std::string_view stem);

}  // namespace fahras
