// The document formats fahras-index reads besides text (document_text.h):
// PDF, Word (DOCX), OpenDocument text (ODT) and EPUB, chosen by the file's
// name. Text files, Markdown and HTML are read as text (file_indexing.cc).
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "document_text.h"

namespace fahras {

using DocumentReader = std::function<DocumentText(const std::filesystem::path&)>;

// The reader for a file of this name, or null when it is not such a document.
DocumentReader document_reader_for(std::string_view file_name);

}  // namespace fahras
