// Tests of indexer/text_encoding.h: Arabic text in UTF-16 (with and without
// a byte order mark), Windows-1256 and ISO-8859-6 is recognized and read as
// the UTF-8 it stands for; random bytes are not taken for text.
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <fstream>
#include <iterator>
#include <random>

#include "e2e_support.h"
#include "text_encoding.h"

using namespace fahras;

namespace {

// `utf8` in the encoding `name`, through ICU.
std::string encoded(const std::string& utf8, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(name, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string read_all(std::istream& in) {
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An article of the corpus, longer than one conversion block when repeated.
std::string article(size_t min_bytes) {
  std::string one =
      e2e::read_file(std::string(FAHRAS_SOURCE_DIR) + "/corpus/000_0fdb8642d30cb6d2.txt");
  std::string text;
  while (text.size() < min_bytes) text += one;
  return text;
}

}  // namespace

TEST_SUITE("text_encoding") {
  TEST_CASE("each encoding is recognized from a file's start and read back as UTF-8") {
    e2e::TempDir dir;
    const std::string text = article(200 * 1024);  // several 64 kB blocks
    struct Case {
      const char* icu_name;
      std::string bom;
      TextEncoding expected;
    };
    for (const Case& c : {Case{"UTF-16LE", "\xFF\xFE", TextEncoding::kUtf16LE},
                          Case{"UTF-16BE", "\xFE\xFF", TextEncoding::kUtf16BE},
                          Case{"UTF-16LE", "", TextEncoding::kUtf16LE},
                          Case{"UTF-16BE", "", TextEncoding::kUtf16BE},
                          Case{"windows-1256", "", TextEncoding::kWindows1256},
                          Case{"ISO-8859-6", "", TextEncoding::kIso8859_6}}) {
      CAPTURE(c.icu_name);
      CAPTURE(c.bom.size());
      // ISO-8859-6 has no letters for the article's Latin words' accents and
      // Persian marks: the text is what it can hold.
      std::string source = c.expected == TextEncoding::kIso8859_6 ? text.substr(0, 3000) : text;
      std::string bytes = c.bom + encoded(source, c.icu_name);
      CHECK(detect_encoding(bytes.substr(0, kEncodingSampleBytes)) == c.expected);
      std::filesystem::path file = dir.path / "f.txt";
      e2e::write_file(file, bytes);
      auto in = utf8_stream(file, c.expected);
      std::string back = read_all(*in);
      if (!c.bom.empty()) {
        REQUIRE(back.substr(0, 3) == "\xEF\xBB\xBF");  // U+FEFF, which the passage reader drops
        back.erase(0, 3);
      }
      if (c.expected == TextEncoding::kIso8859_6)
        CHECK(back.size() > source.size() / 2);
      else
        CHECK(back == source);
    }
  }

  TEST_CASE("a UTF-8 byte order mark says UTF-8; random bytes are no encoding") {
    CHECK(detect_encoding("\xEF\xBB\xBFالصين") == TextEncoding::kUtf8);
    std::mt19937 random(7);
    std::string noise;
    for (int i = 0; i < 20000; ++i) noise += static_cast<char>(1 + random() % 255);
    CHECK(detect_encoding(noise) == TextEncoding::kUnknown);
  }

  TEST_CASE("a UTF-8 file is read as it is") {
    e2e::TempDir dir;
    e2e::write_file(dir.path / "u.txt", "الصين\nبكين\n");
    auto in = utf8_stream(dir.path / "u.txt", TextEncoding::kUtf8);
    CHECK(read_all(*in) == "الصين\nبكين\n");
  }
}
