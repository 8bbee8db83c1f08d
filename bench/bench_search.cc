// bench_search: query latency of Fahras, snippets and highlights included.
//
// Usage: bench_search --db DB --queries FILE [--limit 10] [--passes 5]
// Runs every query once to warm the cache (reported as the first, cold-cache
// pass), then --passes timed passes over all of them, and prints the median over the passes of each
// pass's p50, p90, p99 and max latency in milliseconds as "fahras-search ..." (LuceneBench reports
// the same way, so one slow pass of either does not decide a comparison).
#include <algorithm>
#include <array>
#include <boost/program_options.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "fahras/mapped_index_reads.h"
#include "result_format.h"
#include "searcher.h"

namespace po = boost::program_options;

namespace {

void add_stages(fahras::SearchTimings& sum, const fahras::SearchTimings& t) {
  sum.plan += t.plan;
  sum.match += t.match;
  sum.term_matches += t.term_matches;
  sum.locations += t.locations;
  sum.rerank += t.rerank;
  sum.fetch += t.fetch;
  sum.highlight += t.highlight;
  sum.suggest += t.suggest;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description options("Usage: bench_search --db DB --queries FILE\nOptions");
  options.add_options()("db", po::value<std::string>()->required(), "index")(
      "queries", po::value<std::string>()->required(), "one query per line")(
      "limit", po::value<size_t>()->default_value(10), "hits per query")(
      "passes", po::value<size_t>()->default_value(5), "timed passes over the queries")(
      "rerank-depth", po::value<size_t>()->default_value(fahras::kRerankDepth),
      "passages scored again after BM25")("stages",
                                          "also print the mean time of each search stage")(
      "pause-ms", po::value<double>()->default_value(0),
      "idle time between searches, as between a service's requests (not timed)")(
      "slowest", po::value<size_t>()->default_value(0),
      "also print the N slowest queries of the last pass, with their stages");
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
    // One search with its snippets, as a user sees it: its milliseconds and stages.
    auto timed_search = [&](const std::string& q, fahras::SearchTimings& stages) {
      auto start = std::chrono::steady_clock::now();
      fahras::SearchResult r = searcher.search(q, so);
      for (const auto& hit : r.hits)
        sink += fahras::make_snippet(hit.text, hit.highlights, style).size();
      stages = r.timings;
      return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
          .count();
    };
    // The q-quantile of sorted milliseconds.
    auto at = [](const std::vector<double>& sorted, double q) {
      return sorted[std::min(sorted.size() - 1, static_cast<size_t>(q * sorted.size()))];
    };
    fahras::SearchTimings stages;
    // The warm-up pass, timed too: each query seen for the first time, with
    // the searcher's caches filling (postings, term statistics, locations).
    std::vector<double> first;
    for (const auto& q : queries) first.push_back(timed_search(q, stages));
    std::sort(first.begin(), first.end());
    if (!first.empty())
      std::printf("fahras-search-first-pass queries=%zu p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
                  first.size(), at(first, 0.5), at(first, 0.99), first.back());
    // Per pass: p50, p90, p99, max.
    std::vector<std::array<double, 4>> passes;
    fahras::SearchTimings stage_sums;
    const std::chrono::duration<double, std::milli> pause(vm["pause-ms"].as<double>());
    // (ms, stages) per search of the last pass, in query order until sorted
    std::vector<std::pair<double, fahras::SearchTimings>> last_pass;
    size_t searches = 0;
    uint64_t reads_before_last_pass = 0;
    const size_t pass_count = std::max<size_t>(1, vm["passes"].as<size_t>());
    for (size_t pass = 0; pass < pass_count; ++pass) {
      std::vector<double> ms;
      reads_before_last_pass = fahras::mapped_index_reads();
      last_pass.clear();
      for (const auto& q : queries) {
        if (pause.count() > 0) std::this_thread::sleep_for(pause);
        ms.push_back(timed_search(q, stages));
        add_stages(stage_sums, stages);
        ++searches;
        last_pass.emplace_back(ms.back(), stages);
      }
      std::sort(ms.begin(), ms.end());
      passes.push_back({at(ms, 0.5), at(ms, 0.9), at(ms, 0.99), ms.back()});
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
    // Table blocks copied out of the index per search: a count that does not
    // vary from run to run as times do.
    std::printf("fahras-search block_reads_per_search=%.1f\n",
                static_cast<double>(fahras::mapped_index_reads() - reads_before_last_pass) /
                    static_cast<double>(std::max<size_t>(1, queries.size())));
    if (size_t slowest = std::min(vm["slowest"].as<size_t>(), last_pass.size())) {
      std::vector<size_t> order(last_pass.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(),
                [&](size_t a, size_t b) { return last_pass[a].first > last_pass[b].first; });
      for (size_t k = 0; k < slowest; ++k) {
        const auto& [ms, s] = last_pass[order[k]];
        std::printf(
            "slow %.3f ms: plan=%.3f match=%.3f term_matches=%.3f rerank=%.3f fetch=%.3f "
            "highlight=%.3f suggest=%.3f  %s\n",
            ms, s.plan, s.match, s.term_matches, s.rerank, s.fetch, s.highlight, s.suggest,
            queries[order[k]].c_str());
      }
    }
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
      for (size_t i = from; i < to; ++i) add_stages(middle, last_pass[i].second);
      print_stages("p45-p55 searches", middle, to - from);
      // Where the slowest 1% of the last pass spend theirs.
      fahras::SearchTimings slowest;
      size_t tail = last_pass.size() - std::max<size_t>(1, last_pass.size() / 100);
      for (size_t i = tail; i < last_pass.size(); ++i) add_stages(slowest, last_pass[i].second);
      print_stages("slowest 1% of searches", slowest, last_pass.size() - tail);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench_search: " << e.what() << "\n";
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "bench_search: " << e.get_description() << "\n";
    return 2;
  }
}
