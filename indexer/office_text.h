// Word (DOCX) and OpenDocument (ODT) files read as the passage reader reads
// text (document_text.h): the title first (the document's own title from
// its metadata, else its first heading when that is not already first), then
// every paragraph and heading in document order, a table's cells each a
// paragraph of their own; a hit shows FILE and the paragraph's number.
// Deleted revisions, field codes and comments are not text a reader sees and
// are left out. The container is read with libzip (zip_archive.h), its XML
// streamed through libxml2 (xml_events.h).
#pragma once

#include <filesystem>
#include <string_view>

#include "document_text.h"

namespace fahras {

// Whether a file of this name is a Word document (NAME.docx) or an
// OpenDocument text (NAME.odt).
bool is_docx_file_name(std::string_view name);
bool is_odt_file_name(std::string_view name);

// The document's text. Throws DocumentError for a file that is not such a
// document (not a ZIP, no document part), a zip bomb, or one without text.
DocumentText docx_as_lines(const std::filesystem::path& file);
DocumentText odt_as_lines(const std::filesystem::path& file);

}  // namespace fahras
