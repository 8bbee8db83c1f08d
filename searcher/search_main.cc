// fahras-search: ranked passages for a query, grep-like or as JSON.
//
// Usage: fahras-search [--db DB]... [options] QUERY...
//        fahras-search [--db DB]... --eval QUERIES.tsv QRELS.txt
// Exit status: 0 something matched, 1 nothing matched, 2 error (like grep).
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>

#include "fahras/fahras.h"
#include "relevance_eval.h"
#include "result_format.h"

namespace po = boost::program_options;

namespace {
constexpr const char* kProgram = "fahras-search";
}

int main(int argc, char** argv) {
  po::options_description visible("Usage: fahras-search [options] QUERY...\nOptions");
  visible.add_options()("help,h", "show this help")("db", po::value<std::vector<std::string>>(),
                                                    "index: directory, stub file or HOST:PORT "
                                                    "(repeat for shards; default fahras.db)")(
      "spelling", po::value<std::vector<std::string>>(),
      "local index for 'did you mean' when --db are remote")("json", "print results as JSON")(
      "limit,n", po::value<size_t>()->default_value(10), "hits to show")(
      "offset", po::value<size_t>()->default_value(0), "hits to skip")(
      "per-article", po::value<unsigned>()->default_value(0), "at most N passages per article")(
      "show-query", "print the parsed Xapian query to stderr")(
      "profile", "print where the search's time went, stage by stage, to stderr")(
      "rerank-depth", po::value<size_t>()->default_value(0),
      "passages scored again after BM25 (0: the default, 30; fewer is faster)")(
      "color", po::value<std::string>()->default_value("auto"), "auto, always or never")(
      "eval", po::value<std::vector<std::string>>()->multitoken(),
      "QUERIES.tsv QRELS.txt: print nDCG@10, MRR@10, P@5, Recall@10")(
      "weight", po::value<std::vector<std::string>>(),
      "NAME=VALUE: a ranking weight for tuning (bench/fit_weights.py; repeatable)");
  po::options_description all;
  all.add(visible).add_options()("query", po::value<std::vector<std::string>>(), "query words");
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nQuery syntax: docs/query-syntax.md. Exit status: 0 matched, 1 no match, 2 error.\n";
    return 0;
  }
  std::vector<std::string> dbs = vm.count("db") ? vm["db"].as<std::vector<std::string>>()
                                                : std::vector<std::string>{"fahras.db"};
  try {
    std::vector<std::string> spelling;
    if (vm.count("spelling")) spelling = vm["spelling"].as<std::vector<std::string>>();
    fahras::Index index(dbs, spelling);
    std::vector<std::pair<std::string, double>> weights;
    if (vm.count("weight"))
      for (const std::string& setting : vm["weight"].as<std::vector<std::string>>()) {
        size_t equals = setting.find('=');
        char* end = nullptr;
        double value = equals == std::string::npos ? 0 : std::strtod(setting.c_str() + equals + 1, &end);
        if (equals == std::string::npos || end == setting.c_str() + equals + 1 || *end != '\0')
          throw std::runtime_error("--weight takes NAME=NUMBER, not '" + setting + "'");
        weights.emplace_back(setting.substr(0, equals), value);
      }
    if (vm.count("eval")) {
      auto files = vm["eval"].as<std::vector<std::string>>();
      if (files.size() != 2) throw std::runtime_error("--eval takes QUERIES.tsv QRELS.txt");
      fahras::print_eval(
          fahras::evaluate(index, files[0], files[1], vm["rerank-depth"].as<size_t>(), weights),
          std::cout);
      return 0;
    }
    if (!vm.count("query")) throw std::runtime_error("no query given (see --help)");
    std::string query;
    for (const std::string& word : vm["query"].as<std::vector<std::string>>())
      query += (query.empty() ? "" : " ") + word;
    if (vm.count("show-query")) std::cerr << index.explain(query) << '\n';
    fahras::SearchParameters parameters;
    parameters.limit = vm["limit"].as<size_t>();
    parameters.offset = vm["offset"].as<size_t>();
    if (parameters.limit == 0) throw std::runtime_error("--limit must be at least 1");
    parameters.per_document = vm["per-article"].as<unsigned>();
    parameters.rerank_depth = vm["rerank-depth"].as<size_t>();
    parameters.ranking_weights = weights;
    fahras::Results result = index.search(query, parameters);
    for (const std::string& notice : result.notices)
      std::cerr << kProgram << ": " << notice << '\n';
    if (vm.count("profile")) fahras::print_profile(result, std::cerr);
    if (vm.count("json")) {
      std::cout << fahras::to_json(result).dump(-1, ' ', false,
                                                nlohmann::json::error_handler_t::replace)
                << '\n';
    } else {
      std::string color = vm["color"].as<std::string>();
      if (color != "auto" && color != "always" && color != "never")
        throw std::runtime_error("--color must be auto, always or never");
      fahras::TextStyle style;
      style.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO));
      fahras::print_text(result, style, std::cout);
      if (result.suggestion)
        std::cerr << kProgram << ": " << (result.matches.empty() ? "no match; " : "")
                  << "did you mean: " << *result.suggestion << '\n';
    }
    // As grep: 0 when the query matched, whether or not this page shows a hit.
    if (result.matches.empty() && result.total > 0)
      std::cerr << kProgram << ": " << result.total << " passages matched; none past --offset "
                << parameters.offset << '\n';
    return result.total > 0 || !result.matches.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << '\n';
  }
  return 2;
}
