// Speed of the analysis chain, beside Xapian's own Snowball arabic stemmer.
//
// Words and text come from corpus/. Per-word figures: our light stemmer on
// normalized words, our whole word chain (normalize + stem, what Xapian calls
// through the adapter) and Xapian::Stem("arabic") on the same raw words. The
// text figures give the whole chain (normalize, tokenize, stop, stem) in MB/s.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "analyzer.h"
#include "light_stemmer.h"
#include "normalizer.h"
#include "tokenizer.h"

namespace {

const std::string& corpus_text() {
  static const std::string text = [] {
    std::string all;
    std::vector<std::filesystem::path> files;
    for (auto& e : std::filesystem::directory_iterator(FAHRAS_CORPUS_DIR))
      files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (auto& p : files) {
      std::ifstream in(p);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }();
  return text;
}

// The corpus's words as written (raw) and normalized.
const std::vector<std::string>& raw_words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    const std::string& text = corpus_text();
    for (const fahras::Token& t : fahras::tokenize(fahras::normalize_with_offsets(text)))
      out.push_back(text.substr(t.original_begin, t.original_end - t.original_begin));
    return out;
  }();
  return words;
}

const std::vector<std::string>& normalized_words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const std::string& w : raw_words()) out.push_back(fahras::normalize(w));
    return out;
  }();
  return words;
}

void BM_FahrasLightStem(benchmark::State& state) {
  const auto& words = normalized_words();
  for (auto _ : state)
    for (const std::string& w : words) benchmark::DoNotOptimize(fahras::stem_word(w));
  state.SetItemsProcessed(state.iterations() * words.size());
}
BENCHMARK(BM_FahrasLightStem);

void BM_FahrasWordChain(benchmark::State& state) {
  const auto& words = raw_words();
  for (auto _ : state)
    for (const std::string& w : words) benchmark::DoNotOptimize(fahras::analyze_word(w));
  state.SetItemsProcessed(state.iterations() * words.size());
}
BENCHMARK(BM_FahrasWordChain);

void BM_XapianSnowballArabic(benchmark::State& state) {
  const auto& words = raw_words();
  Xapian::Stem stem("arabic");
  for (auto _ : state)
    for (const std::string& w : words) benchmark::DoNotOptimize(stem(w));
  state.SetItemsProcessed(state.iterations() * words.size());
}
BENCHMARK(BM_XapianSnowballArabic);

void BM_FahrasNormalizeText(benchmark::State& state) {
  const std::string& text = corpus_text();
  for (auto _ : state) benchmark::DoNotOptimize(fahras::normalize(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_FahrasNormalizeText);

// What the highlighter does to each hit: normalize keeping offsets, tokenize.
void BM_FahrasNormalizeWithOffsetsAndTokenize(benchmark::State& state) {
  const std::string& text = corpus_text();
  for (auto _ : state)
    benchmark::DoNotOptimize(fahras::tokenize(fahras::normalize_with_offsets(text)));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_FahrasNormalizeWithOffsetsAndTokenize);

void BM_FahrasWholeChainText(benchmark::State& state) {
  const std::string& text = corpus_text();
  for (auto _ : state) benchmark::DoNotOptimize(fahras::analyze(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_FahrasWholeChainText);

}  // namespace

BENCHMARK_MAIN();
