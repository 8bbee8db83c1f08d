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
// and lam: االـ, األـ, إال) put back (الا, الأ, إلا); a hamza or hamza-below
// mark standing before its seat joined to it (ٔا is أ, ٕا is إ, ٔو is ؤ, ٔي
// is ئ); the result in Unicode NFC.
std::string repair_extracted_arabic(std::string_view text);

}  // namespace fahras
