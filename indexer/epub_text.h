// EPUB books read as the passage reader reads text (document_text.h): the
// book's title (its package's dc:title) on line 1, then each chapter's
// blocks in spine order, as a page's are read (html_text.h); each chapter
// with text is a section ("c3": the third such chapter), so a hit shows
// FILE:c3:5. Parts are found through META-INF/container.xml and the
// package's manifest, inside the archive only: no name in a book reaches the
// file system. Read with libzip (zip_archive.h) and libxml2.
#pragma once

#include <filesystem>
#include <string_view>

#include "document_text.h"

namespace fahras {

// Whether a file of this name is an EPUB book: NAME.epub.
bool is_epub_file_name(std::string_view name);

// The book's text. Throws DocumentError for a file that is not an EPUB (not
// a ZIP, no container or package), a zip bomb, or a book without text.
DocumentText epub_as_lines(const std::filesystem::path& file);

// The archive part `href` names, relative to the part `base` (both as in
// the book: '/'-separated, %-escaped in href): "OEBPS/text/../ch1.xhtml" is
// "OEBPS/ch1.xhtml". Empty when it would leave the archive's root.
std::string resolve_part(std::string_view base, std::string_view href);

}  // namespace fahras
