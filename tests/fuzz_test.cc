// A deterministic fuzz driver (doctest suite "fuzz"): random inputs from a
// fixed seed for the normalizer and tokenizer, the passage reader, the
// Markdown, HTML, PDF, DOCX, ODT and EPUB readers, the JSON Lines reader and the whole search path (query planner,
// matchers, highlighter, suggester) on the corpus index. Each target runs for FAHRAS_FUZZ_SECONDS
// (default 3) and checks the contracts that must hold on any input: no crash, no exception but the
// documented ones, offsets inside their text, idempotent normalization, a search within its time
// budget. `make -f Makefile.dist fuzz FUZZ_SECONDS=600` runs it longer.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <sstream>

#include "corpus_index.h"
#include "document_formats.h"
#include "html_text.h"
#include "markdown_text.h"
#include "normalizer.h"
#include "passages.h"
#include "printable_name.h"
#include "record_ingest.h"
#include "searcher.h"
#include "tokenizer.h"

using namespace fahras;

namespace {

double fuzz_seconds() {
  const char* s = std::getenv("FAHRAS_FUZZ_SECONDS");
  return s ? std::atof(s) : 3.0;
}

unsigned fuzz_seed() {
  const char* s = std::getenv("FAHRAS_FUZZ_SEED");
  return s ? static_cast<unsigned>(std::strtoul(s, nullptr, 10)) : 20261207u;
}

// Pieces inputs are made of: Arabic words with and without marks, Latin,
// digits of both kinds, query syntax, whitespace, and raw bytes.
const std::vector<std::string> kPieces = {"الصين",
                                          "موافقة",
                                          "إنفيديا",
                                          "H200",
                                          "Nvidia",
                                          "شرائح",
                                          "الْعَرَبِيَّةُ",
                                          "ـــ",
                                          "٢٠٢٦",
                                          "3.5",
                                          "AND",
                                          "OR",
                                          "NOT",
                                          "NEAR",
                                          "ADJ",
                                          "XOR",
                                          "\"",
                                          "(",
                                          ")",
                                          "*",
                                          "-",
                                          "+",
                                          "title:",
                                          "heading:",
                                          "file:",
                                          "file:000_0fdb8642d30cb6d2.txt",
                                          ":",
                                          " ",
                                          "  ",
                                          "\t",
                                          "\n",
                                          "\r\n",
                                          "ا*",
                                          "ال*",
                                          "\xef\xbb\xbf",
                                          "\xff",
                                          "\xfe",
                                          "\xc3",
                                          "\xe2\x80",
                                          "\xf0\x9f\x98\x80",
                                          "\x1b[31m",
                                          "\\",
                                          "\0",
                                          "ﻻ",
                                          "ﷲ",
                                          "؟",
                                          "،",
                                          "…",
                                          "»",
                                          "\xd8",
                                          "\xd9\x8b",
                                          "\xcc\x81",
                                          "e\xcc\x81",
                                          "ǅ",
                                          "İ",
                                          "ß"};

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}
  std::string text(size_t max_pieces) {
    std::string out;
    size_t n = pick(max_pieces + 1);
    for (size_t i = 0; i < n; ++i) {
      if (pick(10) == 0) {
        out += static_cast<char>(pick(256));
      } else {
        out += kPieces[pick(kPieces.size())];
        if (pick(3) == 0) out += ' ';
      }
    }
    return out;
  }
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }

 private:
  std::mt19937 random_;
};

// Runs `step` with fresh randomness until the fuzz time is spent.
template <typename Step>
size_t for_a_while(Step step) {
  auto until = std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(fuzz_seconds()));
  Generator g(fuzz_seed());
  size_t runs = 0;
  while (std::chrono::steady_clock::now() < until) {
    step(g);
    ++runs;
  }
  return runs;
}

}  // namespace

TEST_SUITE("fuzz") {
  TEST_CASE("the normalizer and tokenizer: idempotent, offsets inside the text") {
    size_t runs = for_a_while([](Generator& g) {
      std::string input = g.text(40);
      std::string once = normalize(input);
      REQUIRE_MESSAGE(normalize(once) == once,
                      "input: " << printable_name(input) << " once: " << printable_name(once)
                                << " twice: " << printable_name(normalize(once)));
      NormalizedText n = normalize_with_offsets(input);
      for (const Token& t : tokenize(n)) {
        REQUIRE(t.begin <= t.end);
        REQUIRE(t.end <= n.text.size());
        REQUIRE(t.original_begin <= t.original_end);
        REQUIRE(t.original_end <= input.size());
      }
    });
    MESSAGE(runs << " inputs");
  }

  TEST_CASE("the passage reader: every passage is the text at its offset") {
    size_t runs = for_a_while([](Generator& g) {
      std::string content = g.text(400);
      Article a = split_article(content);
      for (const Passage& p : a.passages) {
        REQUIRE(p.offset + p.text.size() <= content.size());
        REQUIRE(content.compare(p.offset, p.text.size(), p.text) == 0);
      }
      if (!a.passages.empty()) REQUIRE(a.title_line == a.passages.front().line);
    });
    MESSAGE(runs << " articles");
  }

  TEST_CASE("the Markdown and HTML readers: any markup gives lines the passage reader reads") {
    const std::vector<std::string> markup = {
        "# ",        "## ",  "- ",   "> ",      "```\n",    "**",   "_",     "`",
        "[",         "](",   ")",    "<p>",     "</p>",     "<b>",  "</b>",  "<script>",
        "</script>", "<!--", "-->",  "<title>", "</title>", "<h1>", "</h1>", "&amp;",
        "&#1575;",   "<td>", "<br>", "\n\n",    "<style>"};
    size_t runs = for_a_while([&](Generator& g) {
      std::string doc;
      for (size_t i = 0, n = g.pick(60); i < n; ++i)
        doc += g.pick(3) == 0 ? markup[g.pick(markup.size())] : g.text(3);
      std::string md = markdown_as_lines(doc);
      std::istringstream in(doc);
      std::string html = html_as_lines(in);
      for (const std::string& text : {md, html}) {
        Article a = split_article(text);
        for (const Passage& p : a.passages) REQUIRE(p.text.find('\n') == std::string::npos);
      }
    });
    MESSAGE(runs << " documents");
  }

  TEST_CASE("the document readers: damaged PDF, DOCX, ODT and EPUB files read or are refused") {
    // Real documents (tests/data/documents) with bytes changed and cut: a
    // reader gives text or a DocumentError, never a crash or another error.
    const std::filesystem::path documents =
        std::filesystem::path(FAHRAS_TEST_DATA_DIR) / "documents";
    std::vector<std::pair<std::string, std::string>> samples;  // name, bytes
    for (const char* name : {"statute-libreoffice.pdf", "book-chromium.pdf", "statute.docx",
                             "statute.odt", "book.epub"})
      samples.emplace_back(name, e2e::read_file(documents / name));
    e2e::TempDir dir;
    size_t runs = for_a_while([&](Generator& g) {
      const auto& [name, original] = samples[g.pick(samples.size())];
      std::string bytes = original;
      for (size_t i = 0, n = 1 + g.pick(16); i < n; ++i)
        bytes[g.pick(bytes.size())] = static_cast<char>(g.pick(256));
      if (g.pick(4) == 0) bytes.resize(g.pick(bytes.size()));
      std::filesystem::path file = dir.path / name;
      e2e::write_file(file, bytes);
      try {
        DocumentText text = document_reader_for(name)(file);
        Article a = split_article(text.lines);
        for (const Passage& p : a.passages) REQUIRE(p.text.find('\n') == std::string::npos);
      } catch (const DocumentError&) {
      }
    });
    MESSAGE(runs << " documents");
  }

  TEST_CASE("the JSON Lines reader: every line is indexed, unchanged, removed or skipped") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    const std::vector<std::string> shapes = {
        R"({"id":"ID","title":"TEXT","text":"TEXT"})",
        R"({"id":"ID","deleted":true})",
        R"({"id":"ID","text":"TEXT","url":"TEXT","date":"TEXT"})",
        R"({"id":ID,"text":"TEXT"})",
        R"(["ID","TEXT"])",
        R"({"id":"ID","text":"TEXT")",
        "TEXT"};
    size_t runs = for_a_while([&](Generator& g) {
      std::string lines;
      size_t count = 1 + g.pick(5);
      for (size_t i = 0; i < count; ++i) {
        std::string line = shapes[g.pick(shapes.size())];
        std::string id = "doc-" + std::to_string(g.pick(20));
        for (size_t at; (at = line.find("ID")) != std::string::npos;) line.replace(at, 2, id);
        for (size_t at; (at = line.find("TEXT")) != std::string::npos;) {
          std::string t = g.text(12);
          std::string escaped;
          for (char c : t)
            escaped += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
          line.replace(at, 4, g.pick(4) == 0 ? t : escaped);
        }
        lines += line + "\n";
      }
      std::istringstream in(lines);
      IndexReport report = ingest_records(db, in, "fuzz");
      count = static_cast<size_t>(std::count(lines.begin(), lines.end(), '\n'));
      size_t accounted = report.added.size() + report.updated.size() + report.unchanged.size() +
                         report.removed.size() + report.skipped.size();
      REQUIRE(accounted <= count);  // blank lines are none of them
    });
    MESSAGE(runs << " batches");
  }

  TEST_CASE("the search path: any query ends within its budget, by results or a notice") {
    testing::CorpusIndex index;
    Searcher searcher({index.path.string()});
    size_t runs = for_a_while([&](Generator& g) {
      std::string query = g.text(g.pick(10) == 0 ? 600 : 30);
      SearchOptions options;
      options.time_budget_ms = 1000;
      options.limit = 1 + g.pick(20);
      options.offset = g.pick(3) == 0 ? g.pick(50) : 0;
      options.per_article = static_cast<unsigned>(g.pick(3));
      auto started = std::chrono::steady_clock::now();
      SearchResult r = searcher.search(query, options);
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      REQUIRE_MESSAGE(ms < 3000, query);
      REQUIRE(r.hits.size() <= options.limit);
      for (const Hit& h : r.hits)
        for (const auto& [b, e] : h.highlights) REQUIRE((b <= e && e <= h.text.size()));
    });
    MESSAGE(runs << " queries");
  }
}
