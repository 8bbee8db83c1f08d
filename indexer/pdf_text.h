// PDF read as the passage reader reads text (document_text.h), with
// poppler-cpp: the document's Title (when it has a real one) on line 1, then
// its paragraphs page by page, each page a section ("p3") so a hit shows
// FILE:p3:2.
//
// Poppler gives words with their boxes, glyphs in the order drawn. Words are
// gathered into lines by their vertical position and ordered left to right;
// a word of no width inside another (LibreOffice draws a lam-alef ligature
// as a lam and an empty alef) goes before it; a line is put in reading order
// by the inverse bidi algorithm and repaired (extracted_arabic.h). Lines
// become paragraphs: a line continues the one above unless its font size
// differs, the gap above it is wider than the page's usual line spacing, or
// the line above stops short of the column's far edge. A paragraph that
// runs onto the next page stays one paragraph; a Latin word hyphenated at a
// line end is joined. Headers and footers (a line in the top or bottom
// margin seen on an earlier page, page numbers) are left out.
#pragma once

#include <filesystem>
#include <string_view>

#include "document_text.h"

namespace fahras {

// Whether a file of this name is a PDF: NAME.pdf.
bool is_pdf_file_name(std::string_view name);

// The document's text (see above). Throws DocumentError for a file poppler
// cannot open, an encrypted one, or one without a text layer ("no text:
// scanned image?").
DocumentText pdf_as_lines(const std::filesystem::path& file);

}  // namespace fahras
