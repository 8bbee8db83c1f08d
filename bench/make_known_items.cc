// Known-item queries drawn from a corpus: a fragment of a paragraph, as a
// user half remembers it, and the paragraph it comes from.
//
// Each query is 3 to 5 consecutive words of a random paragraph (of at least
// six words), typed without marks (harakat, tatweel, Quranic marks) or the
// punctuation around words, kept only when its words (normalized as the
// index normalizes them) occur once in the whole corpus, so that exactly one
// passage is right. Deterministic for a seed.
//
// --marked draws fragments only from runs of fully marked words (Quranic
// verses and classical poetry quoted with their harakat) and keeps the marks,
// as a user who copies such text types it; the corpus may hold fewer such
// fragments than asked for (a warning, not a failure).
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

// A word written with its harakat: at least one mark for every two letters.
bool is_fully_marked(const std::string& word) {
  size_t letters = 0, marks = 0;
  for (char32_t c : fahras::to_utf32(word)) {
    if (is_mark(c) && c != 0x0640) ++marks;
    if (c >= 0x0621 && c <= 0x064A) ++letters;
  }
  return letters >= 2 && 2 * marks >= letters;
}

// A marked word as copied: only the punctuation around it dropped.
std::string as_copied(const std::string& word) {
  std::u32string text = fahras::to_utf32(word);
  size_t begin = 0, end = text.size();
  while (begin < end && !is_word_letter(text[begin])) ++begin;
  while (end > begin && !is_word_letter(text[end - 1]) && !is_mark(text[end - 1])) --end;
  return fahras::to_utf8(text.substr(begin, end - begin));
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
      "qrels", po::value<std::string>()->required(), "qrels file to write")(
      "marked", "fragments of fully marked words, typed with their marks");
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
    const bool marked = vm.count("marked") > 0;
    // --marked: the paragraphs holding a run of three fully marked words.
    std::vector<size_t> drawn_from;
    for (size_t p = 0; p < corpus.size(); ++p) {
      if (!marked) {
        drawn_from.push_back(p);
        continue;
      }
      size_t run = 0;
      for (const std::string& w : words_of(corpus[p].text)) {
        run = is_fully_marked(w) ? run + 1 : 0;
        if (run == 3) {
          drawn_from.push_back(p);
          break;
        }
      }
    }
    if (drawn_from.empty()) throw std::runtime_error("no paragraph to draw fragments from");
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
      size_t p = drawn_from[random() % drawn_from.size()];
      std::vector<std::string> words = words_of(corpus[p].text);
      if (words.size() < 6) continue;
      size_t length = 3 + random() % 3;
      size_t start = random() % (words.size() - length + 1);
      if (marked && !std::all_of(words.begin() + start, words.begin() + start + length,
                                 is_fully_marked))
        continue;
      std::string query;
      for (size_t i = start; i < start + length; ++i) {
        std::string w = marked ? as_copied(words[i]) : as_typed(words[i]);
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
      std::cerr << "make_known_items: " << (marked ? "warning: " : "") << "only " << written
                << " fragments occur once\n";
      return marked && written > 0 ? 0 : 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "make_known_items: " << e.what() << "\n";
    return 2;
  }
}
