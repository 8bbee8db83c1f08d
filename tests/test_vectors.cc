// The peers' own test expectations (Lucene, bleve; copied under tests/data/)
// run against our chain. Where our design deliberately disagrees with a
// vector, kDeliberateDifferences names the word and the reason.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "analyzer.h"
#include "normalizer.h"

using namespace fahras;

namespace {

struct Row {
  std::vector<std::string> cols;
  int line = 0;
};

std::vector<Row> read_tsv(const std::string& name) {
  std::ifstream in(std::string(FAHRAS_TEST_DATA_DIR) + "/" + name);
  REQUIRE_MESSAGE(in.good(), "cannot open tests/data/" << name);
  std::vector<Row> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    Row row;
    row.line = number;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) row.cols.push_back(col);
    rows.push_back(row);
  }
  return rows;
}

// Expected peer output -> our output, with the reason we differ.
const std::map<std::string, std::string>& deliberate_differences() {
  static const std::map<std::string, std::string> differences = {
      // We remove pronoun suffixes (كم "your"), which Lucene never does, so
      // أيمانكم "your oaths" meets أيمان "oaths", which both stem to ايم.
      {"ايمانكم", "ايم"},
  };
  return differences;
}

std::string ours_for(const std::string& peer_token) {
  auto it = deliberate_differences().find(peer_token);
  return it == deliberate_differences().end() ? peer_token : it->second;
}

std::vector<std::string> split_spaces(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string w;
  while (ss >> w) out.push_back(w);
  return out;
}

std::string join_stems(const std::string& text) {
  std::string out;
  for (const AnalyzedToken& a : analyze(text)) {
    if (a.stopword) continue;
    if (!out.empty()) out += ' ';
    out += a.stem;
  }
  return out;
}

std::string join_ours(const std::string& expected, bool stemmed = true) {
  std::string out;
  for (const std::string& w : split_spaces(expected)) {
    if (!out.empty()) out += ' ';
    out += stemmed ? ours_for(normalize(w)) : normalize(w);
  }
  return out;
}

}  // namespace

TEST_SUITE("vectors") {
  TEST_CASE("Lucene and bleve stemmer vectors") {
    for (const char* file : {"lucene-stem.tsv", "bleve-stem.tsv"}) {
      for (const Row& r : read_tsv(file)) {
        if (r.cols.size() < 2) continue;
        CHECK_MESSAGE(analyze_word(r.cols[0]) == ours_for(normalize(r.cols[1])),
                      file << ":" << r.line << " " << r.cols[0]);
      }
    }
  }

  TEST_CASE("Lucene and bleve normalizer vectors") {
    for (const char* file : {"lucene-normalize.tsv", "bleve-normalize.tsv"}) {
      for (const Row& r : read_tsv(file)) {
        if (r.cols.size() < 2) continue;
        CHECK_MESSAGE(normalize(r.cols[0]) == r.cols[1], file << ":" << r.line);
      }
    }
  }

  TEST_CASE("Lucene factory chains: normalize, then stem") {
    for (const Row& r : read_tsv("lucene-filters.tsv")) {
      REQUIRE(r.cols.size() >= 3);
      bool stem = r.cols[2].find("ArabicStem") != std::string::npos;
      std::string ours;
      for (const std::string& w : split_spaces(r.cols[0])) {
        if (!ours.empty()) ours += ' ';
        ours += stem ? analyze_word(w) : normalize(w);
      }
      CHECK_MESSAGE(ours == join_ours(r.cols[1], stem), "lucene-filters.tsv:" << r.line);
    }
  }

  TEST_CASE("Lucene ArabicAnalyzer with its default configuration") {
    int checked = 0;
    for (const Row& r : read_tsv("lucene-analyzer.tsv")) {
      // Rows with a third column use custom stop sets or stem exclusions,
      // which are analyzer configuration we do not offer.
      if (r.cols.size() != 2) continue;
      CHECK_MESSAGE(join_stems(r.cols[0]) == join_ours(r.cols[1]),
                    "lucene-analyzer.tsv:" << r.line);
      ++checked;
    }
    CHECK(checked >= 10);
  }

  TEST_CASE("bleve analyzer: terms, positions and byte offsets") {
    for (const Row& r : read_tsv("bleve-analyzer.tsv")) {
      REQUIRE(r.cols.size() >= 3);
      std::string ours;
      for (const AnalyzedToken& a : analyze(r.cols[0])) {
        if (a.stopword) continue;
        if (!ours.empty()) ours += ' ';
        ours += a.stem + "@" + std::to_string(a.token.position + 1) + "[" +
                std::to_string(a.token.original_begin) + "," +
                std::to_string(a.token.original_end) + ")";
      }
      std::string expected;
      for (const std::string& item : split_spaces(r.cols[2])) {
        size_t at = item.find('@');
        if (!expected.empty()) expected += ' ';
        expected += ours_for(item.substr(0, at)) + item.substr(at);
      }
      CHECK_MESSAGE(ours == expected, "bleve-analyzer.tsv:" << r.line);
    }
  }

  TEST_CASE("golden table of our own stems over the cross-check probes") {
    int checked = 0;
    for (const Row& r : read_tsv("fahras-stem-golden.tsv")) {
      REQUIRE(r.cols.size() >= 2);
      CHECK_MESSAGE(analyze_word(r.cols[0]) == r.cols[1], "fahras-stem-golden.tsv:" << r.line);
      ++checked;
    }
    CHECK(checked > 100);
  }
}
