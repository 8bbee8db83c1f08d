// Tests of the document readers (indexer/document_formats.h): PDF, DOCX, ODT
// and EPUB made by LibreOffice and Chromium from texts written for these
// tests (tests/data/documents/make_documents.sh), and what extraction leaves
// of Arabic (indexer/extracted_arabic.h).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document_formats.h"
#include "epub_text.h"
#include "extracted_arabic.h"

using namespace fahras;

namespace {

const std::filesystem::path kDocuments = std::filesystem::path(FAHRAS_TEST_DATA_DIR) / "documents";

DocumentText read(const std::string& name) {
  DocumentReader reader = document_reader_for(name);
  REQUIRE(reader);
  return reader(kDocuments / name);
}

std::vector<std::string> lines_of(const DocumentText& text) {
  std::vector<std::string> out;
  std::istringstream in(text.lines);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The error message reading `path` throws, or "" when it reads.
std::string error_reading(const std::filesystem::path& path) {
  try {
    document_reader_for(path.filename().string())(path);
  } catch (const DocumentError& e) {
    return e.what();
  }
  return {};
}

const char* const kWrappedParagraph =
    "لا يجوز للمؤسسة أن تطالب بالاشتراكات بعد انقضاء عشر سنوات على استحقاقها، إلا إذا ثبت أن "
    "صاحب العمل قد أخفى بيانات العمال أو أجورهم عمدا.";

// The statute as every producer's file of it must read: its title first,
// the wrapped paragraph whole, the heading a line of its own.
void check_statute(const std::string& name) {
  CAPTURE(name);
  std::vector<std::string> lines = lines_of(read(name));
  REQUIRE(lines.size() >= 8);
  CHECK(lines[0] == "نظام التأمينات الاجتماعية");
  CHECK(lines[1].starts_with("تسري الأحكام الواردة في هذا النظام"));
  CHECK(lines[1].find("للتأمينات الاجتماعية خلال") != std::string::npos);
  CHECK(lines[2] == "المادة الثانية: الاشتراكات");
  CHECK(lines[4] == kWrappedParagraph);
  for (const std::string& line : lines) {
    CHECK(line.find("\u202B") == std::string::npos);
    CHECK(line.find("اال") == std::string::npos);
    CHECK(line.find("\u0654") == std::string::npos);
  }
}

}  // namespace

TEST_SUITE("documents") {
  TEST_CASE("PDFs from LibreOffice and Chromium read as the text was written") {
    check_statute("statute-libreoffice.pdf");
    check_statute("statute-chromium.pdf");
  }

  TEST_CASE("a PDF whose font LibreOffice writes lam-alef backwards in: repaired or read both ways") {
    DocumentText text = read("statute-dejavu.pdf");
    CHECK(text.reversed_lam_alef);
    std::vector<std::string> lines = lines_of(text);
    REQUIRE(lines.size() == 11);
    CHECK(lines[0] == "نظام التأمينات الاجتماعية");
    CHECK(lines[1].starts_with("تسري الأحكام الواردة في هذا النظام"));
    CHECK(lines[1].ends_with("في أول الشهر."));
    CHECK(lines[4].starts_with("لا يجوز للمؤسسة"));
    // Inside a word the text cannot tell: خلال is read خالل, and indexed
    // both ways (passage_document.cc).
    CHECK(lines[1].find("خالل خمسة") != std::string::npos);
    CHECK_FALSE(read("statute-chromium.pdf").reversed_lam_alef);
  }

  TEST_CASE("Word and OpenDocument files read paragraph by paragraph, table cells apart") {
    for (const char* name : {"statute.docx", "statute.odt"}) {
      CAPTURE(name);
      check_statute(name);
      std::vector<std::string> lines = lines_of(read(name));
      CHECK(std::find(lines.begin(), lines.end(), "فرع المعاشات") != lines.end());
      CHECK(std::find(lines.begin(), lines.end(), "تسعة في المئة") != lines.end());
      CHECK(read(name).sections.empty());
    }
  }

  TEST_CASE("a PDF's pages are sections, headers and footers left out") {
    for (const char* name : {"book-libreoffice.pdf", "book-chromium.pdf"}) {
      CAPTURE(name);
      DocumentText text = read(name);
      std::vector<std::string> lines = lines_of(text);
      REQUIRE(lines.size() == 11);
      CHECK(lines[0] == "صناعة الورق في بغداد");
      // Chromium's heading wraps over two lines, and is one paragraph.
      CHECK(lines[1] == "الفصل الأول: من سمرقند إلى بغداد");
      CHECK(lines[8] == "الفصل الثالث: انتقال الصناعة إلى الغرب");
      REQUIRE(text.sections.size() == 3);
      CHECK(text.sections[0].label == "p2");
      CHECK(text.sections[2].label == "p4");
      CHECK(place_of_line(text.sections, 10) == "p4:2");
      CHECK(place_of_line(text.sections, 1).empty());
      // Chromium prints the date, title, file URL and "N/4" on every page.
      for (const std::string& line : lines) {
        CHECK(line.find("file://") == std::string::npos);
        CHECK(line.find("/4") == std::string::npos);
      }
    }
  }

  TEST_CASE("an EPUB's chapters are sections, in spine order") {
    DocumentText text = read("book.epub");
    std::vector<std::string> lines = lines_of(text);
    REQUIRE(lines.size() == 11);
    CHECK(lines[0] == "صناعة الورق في بغداد");
    CHECK(lines[4] == "الفصل الثاني: سوق الوراقين");
    REQUIRE(text.sections.size() == 3);
    CHECK(text.sections[1].label == "c2");
    CHECK(place_of_line(text.sections, 6) == "c2:2");
  }

  TEST_CASE("documents that cannot be read say why") {
    CHECK(error_reading(kDocuments / "encrypted.pdf").find("encrypted") != std::string::npos);
    CHECK(error_reading(kDocuments / "scanned.pdf") == "no text: scanned image?");
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "fahras-documents-test";
    std::filesystem::create_directories(dir);
    {
      std::ifstream in(kDocuments / "statute-chromium.pdf", std::ios::binary);
      std::string half(4000, '\0');
      in.read(half.data(), static_cast<std::streamsize>(half.size()));
      std::ofstream(dir / "cut.pdf", std::ios::binary) << half;
      std::ofstream(dir / "text.docx") << "نص عادي وليس مستند وورد";
      std::ofstream(dir / "text.odt") << "نص عادي";
      std::ofstream(dir / "text.epub") << "نص عادي";
    }
    CHECK(error_reading(dir / "cut.pdf").starts_with("not a readable PDF"));
    for (const char* name : {"text.docx", "text.odt", "text.epub"})
      CHECK(error_reading(dir / name).starts_with("not a ZIP archive"));
    CHECK(error_reading(kDocuments / "book.epub").empty());
    std::filesystem::copy_file(kDocuments / "book.epub", dir / "book.docx",
                               std::filesystem::copy_options::overwrite_existing);
    CHECK(error_reading(dir / "book.docx") == "not a Word document: no word/document.xml");
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("EPUB part names stay inside the archive") {
    CHECK(resolve_part("OEBPS/content.opf", "sections/section0001.xhtml") ==
          "OEBPS/sections/section0001.xhtml");
    CHECK(resolve_part("OEBPS/content.opf", "../text/ch%201.xhtml#top") == "text/ch 1.xhtml");
    CHECK(resolve_part("OEBPS/content.opf", "../../etc/passwd").empty());
    CHECK(resolve_part("content.opf", "/abs/ch.xhtml") == "abs/ch.xhtml");
  }

  TEST_CASE("file names choose the reader, in any letter case") {
    CHECK(document_reader_for("تقرير.PDF"));
    CHECK(document_reader_for("a.Docx"));
    CHECK(document_reader_for("book.epub"));
    CHECK_FALSE(document_reader_for("notes.txt"));
    CHECK_FALSE(document_reader_for(".pdf"));
    CHECK_FALSE(document_reader_for("pdf"));
  }
}

TEST_SUITE("extracted_arabic") {
  TEST_CASE("inside a word, a lam-alef written backwards is a reading, not a repair") {
    CHECK(lam_alef_readings("خالل") == std::vector<std::string>{"خلال"});
    CHECK(lam_alef_readings("سالم") == std::vector<std::string>{"سلام"});
    CHECK(lam_alef_readings("الاجتماعيه").empty());  // the article comes first
    CHECK(lam_alef_readings("بالعمل") == std::vector<std::string>{"بلاعمل"});
    CHECK(lam_alef_readings("وطن").empty());
  }

  TEST_CASE("lam-alef read backwards is put back") {
    CHECK(repair_extracted_arabic("االجتماعية") == "الاجتماعية");
    CHECK(repair_extracted_arabic("األحكام") == "الأحكام");
    CHECK(repair_extracted_arabic("إال إذا") == "إلا إذا");
    CHECK(repair_extracted_arabic("االشتراكات الإسلامية") == "الاشتراكات الإسلامية");
    CHECK(repair_extracted_arabic("موعد ال يتجاوز") == "موعد لا يتجاوز");
    CHECK(repair_extracted_arabic("ال.") == "لا.");
    CHECK(repair_extracted_arabic("فوق الُجرف") == "فوق الُجرف");  // a mark is part of its word
    bool reversed = false;
    repair_extracted_arabic("الاجتماعية", &reversed);
    CHECK_FALSE(reversed);
    repair_extracted_arabic("االجتماعية", &reversed);
    CHECK(reversed);
    // What was right stays right.
    CHECK(repair_extracted_arabic("الاجتماعية الأحكام إلا") == "الاجتماعية الأحكام إلا");
  }

  TEST_CASE("hamza drawn as a mark before its seat joins it") {
    CHECK(repair_extracted_arabic("التٔامينات") == "التأمينات");
    CHECK(repair_extracted_arabic("مسٔوولية") == "مسؤولية");
    CHECK(repair_extracted_arabic("ٕاسلام") == "إسلام");
    CHECK(repair_extracted_arabic("رٔييس") == "رئيس");
    // A mark after a letter that seats it is that letter's, as NFC reads it.
    CHECK(repair_extracted_arabic("والوقاي\u0654ية") == "والوقا\u0626ية");
    CHECK(repair_extracted_arabic("مسو\u0654ول") == "مس\u0624ول");
  }

  TEST_CASE("directional controls go") {
    CHECK(repair_extracted_arabic("\u202Bنظام التأمينات\u202C") == "نظام التأمينات");
    CHECK(repair_extracted_arabic("\u200Fالمادة\u200E 5") == "المادة 5");
  }

  TEST_CASE("a line in visual order reads in logical order, numbers and Latin kept") {
    CHECK(logical_from_visual("ماظنلا اذه") == "هذا النظام");
    CHECK(logical_from_visual("H200 تاقئاقر") == "رقائقات H200");
    CHECK(logical_from_visual("2024 ماع يف") == "في عام 2024");
    CHECK(logical_from_visual("plain Latin text") == "plain Latin text");
  }
}
