// Known-item queries drawn from a corpus: a fragment of a paragraph, as a
// user half remembers it, and the paragraph it comes from.
//
// Each query is 3 to 5 consecutive words of a random paragraph (of at least
// six words), typed without marks (harakat, tatweel, Quranic marks) or the
// punctuation around words, kept only when its words (normalized as the
// index normalizes them) occur once in the whole corpus, so that exactly one
// passage is right. Deterministic for a seed.
//
// Output: QUERIES (`ID<TAB>fragment`) and QRELS (`ID 0 FILE:LINE 1`, FILE as
// fahras-index names it: relative to its corpus root), for fahras-search --eval.
#include <boost/program_options.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "normalizer.h"
#include "tokenizer.h"
#include "utf8.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

struct Paragraph {
  std::string file;  // relative to its root
  uint32_t line = 0;
  std::string text;
};

std::vector<Paragraph> read_corpus(const std::vector<std::string>& roots) {
  std::vector<Paragraph> out;
  for (const std::string& root : roots) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f);
      std::string line;
      for (uint32_t n = 1; std::getline(in, line); ++n)
        if (!line.empty()) out.push_back({fs::relative(f, root).string(), n, line});
    }
  }
  return out;
}

// Marks a user leaves out: Arabic harakat and Quranic marks, superscript
// alef, tatweel.
bool is_mark(char32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640 || (c >= 0x08D3 && c <= 0x08FF);
}

bool is_word_letter(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x0671 && c <= 0x06D3) ||
         (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// A word as typed: no marks, no punctuation before or after it.
std::string as_typed(const std::string& word) {
  std::u32string letters;
  for (char32_t c : fahras::to_utf32(word))
    if (!is_mark(c)) letters.push_back(c);
  size_t begin = 0, end = letters.size();
  while (begin < end && !is_word_letter(letters[begin])) ++begin;
  while (end > begin && !is_word_letter(letters[end - 1])) --end;
  return fahras::to_utf8(letters.substr(begin, end - begin));
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

uint64_t hash_words(const std::vector<std::string>& words, size_t from, size_t count) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = from; i < from + count; ++i) {
    for (unsigned char c : words[i]) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0xFF) * 1099511628211ULL;  // word separator
  }
  return h ^ count;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description options("Usage: make_known_items [options] CORPUS_ROOT...\nOptions");
  options.add_options()("help,h", "show this help")(
      "seed", po::value<uint64_t>()->default_value(42), "random seed")(
      "count", po::value<size_t>()->default_value(300), "queries to write")(
      "prefix", po::value<std::string>()->default_value("k"), "query id prefix")(
      "queries", po::value<std::string>()->required(), "queries file to write")(
      "qrels", po::value<std::string>()->required(), "qrels file to write");
  po::options_description all;
  all.add(options).add_options()("root", po::value<std::vector<std::string>>()->required(), "");
  po::positional_options_description positional;
  positional.add("root", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << options;
      return 0;
    }
    po::notify(vm);
    std::vector<Paragraph> corpus = read_corpus(vm["root"].as<std::vector<std::string>>());
    std::mt19937_64 random(vm["seed"].as<uint64_t>());
    const size_t wanted = vm["count"].as<size_t>();
    struct Candidate {
      size_t paragraph;
      std::string query;
      uint64_t hash;
      size_t length;
    };
    std::vector<Candidate> candidates;
    std::unordered_set<uint64_t> hashes;
    for (size_t tries = 0; candidates.size() < wanted * 3 && tries < wanted * 50; ++tries) {
      size_t p = random() % corpus.size();
      std::vector<std::string> words = words_of(corpus[p].text);
      if (words.size() < 6) continue;
      size_t length = 3 + random() % 3;
      size_t start = random() % (words.size() - length + 1);
      std::string query;
      for (size_t i = start; i < start + length; ++i) {
        std::string w = as_typed(words[i]);
        if (w.empty()) continue;
        query += (query.empty() ? "" : " ") + w;
      }
      std::vector<std::string> normalized = fahras::split_words(fahras::normalize(query));
      if (normalized.size() != length) continue;  // a word of punctuation or digits split
      uint64_t h = hash_words(normalized, 0, length);
      if (!hashes.insert(h).second) continue;
      candidates.push_back({p, query, h, length});
    }
    // How often each candidate's words stand together anywhere in the corpus.
    std::unordered_map<uint64_t, size_t> occurrences;
    for (const Paragraph& paragraph : corpus) {
      std::vector<std::string> words = fahras::split_words(fahras::normalize(paragraph.text));
      for (size_t length = 3; length <= 5; ++length)
        for (size_t i = 0; i + length <= words.size(); ++i) {
          uint64_t h = hash_words(words, i, length);
          if (hashes.count(h)) ++occurrences[h];
        }
    }
    std::ofstream queries(vm["queries"].as<std::string>()), qrels(vm["qrels"].as<std::string>());
    size_t written = 0;
    for (const Candidate& c : candidates) {
      if (written == wanted) break;
      if (occurrences[c.hash] != 1) continue;
      std::string id = vm["prefix"].as<std::string>() + std::to_string(++written);
      queries << id << "\t" << c.query << "\n";
      qrels << id << " 0 " << corpus[c.paragraph].file << ":" << corpus[c.paragraph].line << " 1\n";
    }
    if (written < wanted) {
      std::cerr << "make_known_items: only " << written << " fragments occur once\n";
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "make_known_items: " << e.what() << "\n";
    return 2;
  }
}
