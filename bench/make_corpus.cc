// make_corpus: a deterministic generator of a large, realistic Arabic corpus.
//
// Trains an order-2 word Markov chain on the articles of --from (corpus/ by
// default; repeat it to train on several folders; words are whitespace-separated, punctuation stays attached as it
// is written) and writes --passages paragraphs into --files article files
// under --out, with paragraph lengths drawn from the real ones. The same
// seed always gives the same corpus. With --queries FILE it also writes that
// many 1-3 word queries drawn from the generated text, one per line.
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <vector>

#include "tokenizer.h"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

using Bigram = std::pair<std::string, std::string>;

struct Model {
  std::map<Bigram, std::vector<std::string>> next;  // (w1, w2) -> observed w3
  std::vector<Bigram> starts;                       // first two words of paragraphs
  std::vector<size_t> lengths;                      // paragraph lengths in words
};

Model train(const std::vector<std::string>& dirs) {
  Model m;
  std::vector<fs::path> files;
  for (const std::string& dir : dirs)
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream words(line);
      std::vector<std::string> w{std::istream_iterator<std::string>(words), {}};
      if (w.size() < 3) continue;
      m.lengths.push_back(w.size());
      m.starts.push_back({w[0], w[1]});
      for (size_t i = 2; i < w.size(); ++i) m.next[{w[i - 2], w[i - 1]}].push_back(w[i]);
    }
  }
  return m;
}

std::string paragraph(const Model& m, std::mt19937_64& rng) {
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  size_t length = m.lengths[pick(m.lengths.size())];
  Bigram state = m.starts[pick(m.starts.size())];
  std::string out = state.first + " " + state.second;
  for (size_t i = 2; i < length; ++i) {
    auto it = m.next.find(state);
    if (it == m.next.end()) {
      state = m.starts[pick(m.starts.size())];
      out += " " + state.first + " " + state.second;
      i += 1;
      continue;
    }
    const std::string& word = it->second[pick(it->second.size())];
    out += " " + word;
    state = {state.second, word};
  }
  return out;
}

// The words of a paragraph as written, without the punctuation around them.
std::vector<std::string> raw_words(const std::string& text) {
  std::vector<std::string> out;
  for (const fahras::Token& t : fahras::tokenize(fahras::normalize_with_offsets(text)))
    out.push_back(text.substr(t.original_begin, t.original_end - t.original_begin));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description options("Usage: make_corpus --out DIR [options]\nOptions");
  options.add_options()("help,h", "show this help")(
      "from", po::value<std::vector<std::string>>()->default_value({"corpus"}, "corpus")->composing(),
      "folders of articles to train on (repeatable)")(
      "out", po::value<std::string>(), "directory to write")(
      "passages", po::value<size_t>()->default_value(10000), "paragraphs to write")(
      "files", po::value<size_t>()->default_value(1000), "article files to spread them over")(
      "seed", po::value<uint64_t>()->default_value(1), "random seed")(
      "queries", po::value<std::string>(), "also write queries to this file")(
      "query-count", po::value<size_t>()->default_value(1000), "how many queries");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
    if (vm.count("help") || !vm.count("out")) {
      std::cout << options;
      return vm.count("help") ? 0 : 2;
    }
    Model model = train(vm["from"].as<std::vector<std::string>>());
    if (model.starts.empty()) throw std::runtime_error("no paragraphs to train on");
    std::mt19937_64 rng(vm["seed"].as<uint64_t>());
    fs::path out = vm["out"].as<std::string>();
    size_t passages = vm["passages"].as<size_t>(),
           files = std::max<size_t>(1, vm["files"].as<size_t>());
    std::vector<std::string> sample;  // paragraphs to draw queries from
    for (size_t f = 0; f < files; ++f) {
      size_t count = passages / files + (f < passages % files ? 1 : 0);
      char name[64];
      std::snprintf(name, sizeof name, "%03zu/article-%06zu.txt", f / 1000, f);
      fs::path path = out / name;
      fs::create_directories(path.parent_path());
      std::ofstream file(path);
      for (size_t p = 0; p < count; ++p) {
        std::string text = paragraph(model, rng);
        if (sample.size() < 5000 && rng() % 4 == 0) sample.push_back(text);
        file << text << "\n\n";
      }
    }
    if (vm.count("queries")) {
      std::ofstream q(vm["queries"].as<std::string>());
      for (size_t i = 0; i < vm["query-count"].as<size_t>() && !sample.empty(); ++i) {
        std::vector<std::string> w = raw_words(sample[rng() % sample.size()]);
        if (w.empty()) continue;
        size_t n = 1 + rng() % 3, start = rng() % w.size();
        std::string query;
        for (size_t k = start; k < std::min(w.size(), start + n); ++k)
          query += (query.empty() ? "" : " ") + w[k];
        q << query << "\n";
      }
    }
    std::cerr << "make_corpus: wrote " << passages << " paragraphs in " << files << " files under "
              << out.string() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "make_corpus: " << e.what() << "\n";
    return 2;
  }
}
