// Repairs Arabic text as PDF text extraction leaves it (pdf_text.h).
//
// A PDF holds glyphs where they are drawn, left to right: a line of Arabic
// comes out in visual order, and ligatures and marks come out in the order
// their glyphs were drawn, not the order they are read. Producers add their
// own damage: LibreOffice's and Chromium's PDFs read االجتماعية for
// الاجتماعية (the lam-alef ligature reversed) and التٔامينات for التأمينات (hamza
// as a mark before its seat), and lines arrive wrapped in directional
// controls (U+202B ... U+202C).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fahras {

// Whether a line holds more Arabic letters than Latin ones (and some): read
// right to left.
bool is_mostly_arabic(std::string_view text);

// The logical (reading) order of a line given in visual order, left to right,
// as a PDF draws it: ICU's inverse bidi algorithm, the paragraph taken as
// right-to-left when the line holds more Arabic letters than Latin ones.
// Numbers and Latin words keep their order.
std::string logical_from_visual(std::string_view visual);

// `text` (logical order) without the artefacts above: directional controls
// removed; a lam-alef read reversed (an alef, then alef-with-or-without-hamza
// and lam: االـ, األـ, إال; or an alef and lam standing alone, ال) put back
// (الا, الأ, إلا, لا); a hamza or hamza-below
// mark standing before its seat, after a letter that cannot seat it, joined
// to it (تٔا is تأ, ٕا is إ, سٔو is سؤ, رٔي is رئ; in ئي the mark is the
// first ي's); the result in Unicode NFC.
// `reversed_lam_alef`, when given, is set when a lam-alef read backwards was
// put back: the producer writes the ligature so (see lam_alef_readings).
std::string repair_extracted_arabic(std::string_view text, bool* reversed_lam_alef = nullptr);

// A producer that writes the lam-alef ligature backwards does so everywhere:
// inside a word too, where the text cannot tell it from an alef and lam
// (خالل is خلال, but قال is قال). For a normalized word of such a document,
// the words it may stand for: each alef-lam after its first letter read as
// lam-alef, one at a time. Empty when there is none.
std::vector<std::string> lam_alef_readings(std::string_view normalized_word);

}  // namespace fahras
