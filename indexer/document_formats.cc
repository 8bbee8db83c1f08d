// Document readers by file name (see document_formats.h).
#include "document_formats.h"

#include "epub_text.h"
#include "office_text.h"
#include "pdf_text.h"

namespace fahras {

DocumentReader document_reader_for(std::string_view file_name) {
  if (is_pdf_file_name(file_name)) return &pdf_as_lines;
  if (is_docx_file_name(file_name)) return &docx_as_lines;
  if (is_odt_file_name(file_name)) return &odt_as_lines;
  if (is_epub_file_name(file_name)) return &epub_as_lines;
  return nullptr;
}

}  // namespace fahras
