// Text taken out of a document file (PDF, DOCX, ODT, EPUB) as the passage
// reader reads text (passages.h): one paragraph a line, the title first when
// the document names one. Paged and chaptered formats also say where each
// page or chapter starts, so a hit can be shown as FILE:p3:2 (page 3, its
// second paragraph) or FILE:c2:5 (chapter 2, its fifth paragraph) instead of
// a line of a text that exists only inside the index.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fahras {

// The text a document may yield: past this, the rest is not indexed (a
// warning says so). It bounds what one file costs in memory, whatever its
// compressed size.
inline constexpr size_t kMaxDocumentTextBytes = 64 << 20;

// Where a page or chapter starts: the line (1-based) of its first paragraph
// and its label ("p3", "c2").
struct TextSection {
  uint32_t first_line = 0;
  std::string label;
};

struct DocumentText {
  std::string lines;                  // paragraphs, a line each
  uint32_t line_total = 0;            // how many: kept by append_paragraph
  std::vector<TextSection> sections;  // in order of first_line; may be empty
  std::vector<std::string> warnings;  // said of the file, without its name
  // The producer writes lam-alef ligatures backwards (extracted_arabic.h):
  // words are also indexed as they may have been written.
  bool reversed_lam_alef = false;
};

// A document that cannot be read: encrypted, corrupt, not the format its name
// says, or without text. The message says why, without the file's name.
class DocumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Whether a file name ends with `extension` (".pdf"), in any letter case.
// Exported from libfahras: fahras-serve calls it there.
[[gnu::visibility("default")]] bool has_extension(std::string_view name,
                                                  std::string_view extension);

// `text` as one line: line ends and tabs as spaces, no spaces around it.
std::string one_line(std::string_view text);

// Appends `paragraph` as a line of `text` (line ends inside it become
// spaces; nothing when it is blank); false when the text is full
// (kMaxDocumentTextBytes), in which case `paragraph` is not added.
bool append_paragraph(DocumentText& text, std::string_view paragraph);

// The number of lines `text.lines` holds (line_total).
uint32_t line_count(const DocumentText& text);

// How a hit on `line` is shown: "LABEL:N" (the Nth paragraph of the section
// holding the line), or empty when no section holds it (a document without
// sections, or its title line) and the line number says it.
std::string place_of_line(const std::vector<TextSection>& sections, uint32_t line);

}  // namespace fahras
