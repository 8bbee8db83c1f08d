// bench_search: query latency of Fahras, snippets and highlights included.
//
// Usage: bench_search --db DB --queries FILE [--limit 10] [--passes 5]
// Runs every query once to warm the cache, then --passes timed passes over all
// of them, and prints the median over the passes of each pass's p50, p90, p99
// and max latency in milliseconds as "fahras-search ..." (LuceneBench reports
// the same way, so one slow pass of either does not decide a comparison).
#include <algorithm>
#include <array>
#include <boost/program_options.hpp>
#include <chrono>
#include <fstream>
#include <iostream>

#include "result_format.h"
#include "searcher.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  po::options_description options("Usage: bench_search --db DB --queries FILE\nOptions");
  options.add_options()("db", po::value<std::string>()->required(), "index")(
      "queries", po::value<std::string>()->required(), "one query per line")(
      "limit", po::value<size_t>()->default_value(10), "hits per query")(
      "passes", po::value<size_t>()->default_value(5), "timed passes over the queries")(
      "rerank-depth", po::value<size_t>()->default_value(fahras::kRerankDepth),
      "passages scored again after BM25")("stages",
                                          "also print the mean time of each search stage");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
    std::ifstream in(vm["queries"].as<std::string>());
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) queries.push_back(line);
    fahras::Searcher searcher({vm["db"].as<std::string>()});
    fahras::SearchOptions so;
    so.limit = vm["limit"].as<size_t>();
    so.rerank_depth = vm["rerank-depth"].as<size_t>();
    fahras::SnippetStyle style;
    size_t sink = 0;
    // The warm-up pass, timed too: each query seen for the first time, with
    // the searcher's caches filling (postings, term statistics, locations).
    std::vector<double> first;
    for (const auto& q : queries) {
      auto start = std::chrono::steady_clock::now();
      sink += searcher.search(q, so).hits.size();
      first.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
    std::sort(first.begin(), first.end());
    if (!first.empty())
      std::printf("fahras-search-first-pass queries=%zu p50_ms=%.3f p99_ms=%.3f\n", first.size(),
                  first[first.size() / 2],
                  first[std::min(first.size() - 1, first.size() * 99 / 100)]);
    // Per pass: p50, p90, p99, max.
    std::vector<std::array<double, 4>> passes;
    fahras::SearchTimings stage_sums;
    std::vector<std::pair<double, fahras::SearchTimings>> last_pass;  // (ms, stages) per search
    size_t searches = 0;
    for (size_t pass = 0; pass < std::max<size_t>(1, vm["passes"].as<size_t>()); ++pass) {
      std::vector<double> ms;
      last_pass.clear();
      for (const auto& q : queries) {
        auto start = std::chrono::steady_clock::now();
        fahras::SearchResult r = searcher.search(q, so);
        const fahras::SearchTimings& t = r.timings;
        for (auto [sum, stage] : {std::pair{&stage_sums.plan, t.plan},
                                  {&stage_sums.match, t.match},
                                  {&stage_sums.term_matches, t.term_matches},
                                  {&stage_sums.locations, t.locations},
                                  {&stage_sums.rerank, t.rerank},
                                  {&stage_sums.fetch, t.fetch},
                                  {&stage_sums.highlight, t.highlight},
                                  {&stage_sums.suggest, t.suggest}})
          *sum += stage;
        ++searches;
        for (const auto& hit : r.hits)
          sink += fahras::make_snippet(hit.text, hit.highlights, style).size();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        last_pass.emplace_back(ms.back(), t);
      }
      std::sort(ms.begin(), ms.end());
      auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))];
      };
      passes.push_back({at(0.5), at(0.9), at(0.99), ms.back()});
    }
    auto median = [&](size_t i) {
      std::vector<double> v;
      for (const auto& p : passes) v.push_back(p[i]);
      std::sort(v.begin(), v.end());
      return v[v.size() / 2];
    };
    std::printf(
        "fahras-search queries=%zu passes=%zu p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
        "(checksum %zu)\n",
        queries.size(), passes.size(), median(0), median(1), median(2), median(3), sink % 1000);
    if (vm.count("stages")) {
      auto print_stages = [](const char* what, const fahras::SearchTimings& s, size_t searches) {
        double n = static_cast<double>(std::max<size_t>(1, searches));
        std::printf(
            "fahras-search stages (%s, mean ms): plan=%.3f match=%.3f term_matches=%.3f "
            "locations=%.3f rerank=%.3f fetch=%.3f highlight=%.3f suggest=%.3f\n",
            what, s.plan / n, s.match / n, s.term_matches / n, s.locations / n, s.rerank / n,
            s.fetch / n, s.highlight / n, s.suggest / n);
      };
      print_stages("all searches", stage_sums, searches);
      // Where the typical search spends its time: the last pass's middle tenth.
      std::sort(last_pass.begin(), last_pass.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      fahras::SearchTimings middle;
      size_t from = last_pass.size() * 45 / 100, to = last_pass.size() * 55 / 100;
      for (size_t i = from; i < to; ++i) {
        const fahras::SearchTimings& t = last_pass[i].second;
        middle.plan += t.plan, middle.match += t.match, middle.term_matches += t.term_matches;
        middle.locations += t.locations, middle.rerank += t.rerank, middle.fetch += t.fetch;
        middle.highlight += t.highlight, middle.suggest += t.suggest;
      }
      print_stages("p45-p55 searches", middle, to - from);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench_search: " << e.what() << "\n";
    return 2;
  }
}
