// bench_search: query latency of Fahras, snippets and highlights included.
//
// Usage: bench_search --db DB --queries FILE [--limit 10]
// Runs every query once to warm the cache, then once more timed, and prints
// p50, p90, p99 and max latency in milliseconds as "fahras-search ...".
#include <algorithm>
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
      "limit", po::value<size_t>()->default_value(10), "hits per query");
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
    fahras::SnippetStyle style;
    size_t sink = 0;
    for (const auto& q : queries) sink += searcher.search(q, so).hits.size();  // warm-up
    std::vector<double> ms;
    for (const auto& q : queries) {
      auto start = std::chrono::steady_clock::now();
      fahras::SearchResult r = searcher.search(q, so);
      for (const auto& hit : r.hits)
        sink += fahras::make_snippet(hit.text, hit.highlights, style).size();
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
      return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))];
    };
    std::printf(
        "fahras-search queries=%zu p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f (checksum "
        "%zu)\n",
        ms.size(), at(0.5), at(0.9), at(0.99), ms.back(), sink % 1000);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench_search: " << e.what() << "\n";
    return 2;
  }
}
