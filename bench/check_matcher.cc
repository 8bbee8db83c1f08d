// check_matcher: the disjunction matcher against Xapian's matcher, on a real
// index and real queries: each query's plan ranked by both at several
// depths, every ranking compared passage for passage (docid and weight).
// The unit test does the same on the corpus; this does it on a million
// passages (bench/run_benchmarks.sh). Prints one line per difference and a
// summary; exits 1 if any ranking differs.
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "disjunction_matcher.h"
#include "fahras/schema.h"
#include "query_plan.h"
#include "reference_ranking.h"
#include "revision_state.h"
#include "synonyms.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  po::options_description options("Usage: check_matcher --db DB --queries FILE\nOptions");
  options.add_options()("db", po::value<std::string>()->required(), "index")(
      "queries", po::value<std::string>()->required(), "one query per line")(
      "depth", po::value<std::vector<size_t>>()->multitoken()->default_value({10, 30}, "10 30"),
      "ranking depths to compare");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
    Xapian::Database db(vm["db"].as<std::string>());
    fahras::Synonyms synonyms =
        fahras::Synonyms::parse(db.get_metadata(std::string(fahras::schema::kMetaSynonyms)));
    fahras::QueryPlanner planner(db, synonyms);
    fahras::DisjunctionMatcher matcher;
    fahras::RevisionState state;
    fahras::LocationOf location = fahras::location_from_values(db);
    std::ifstream in(vm["queries"].as<std::string>());
    size_t queries = 0, disjunctions = 0, rankings = 0, differing = 0, estimated = 0, pruned = 0;
    for (std::string q; std::getline(in, q);) {
      if (q.empty()) continue;
      ++queries;
      fahras::QueryPlan plan = planner.plan(q);
      if (plan.disjunction.empty()) continue;
      ++disjunctions;
      for (size_t depth : vm["depth"].as<std::vector<size_t>>()) {
        size_t total = 0, expected_total = 0;
        bool exact = false;
        std::vector<fahras::WeightedDoc> got =
            matcher.top(db, plan.disjunction, depth, total, exact, location, state,
                        plan.disjunction_weighed_alone);
        std::vector<fahras::WeightedDoc> expected =
            fahras::xapian_ranking(db, plan.query, depth, expected_total);
        ++rankings;
        if (!exact) ++estimated;
        if (matcher.last_weighed() < expected_total) ++pruned;
        size_t at = 0;  // the first rank that differs
        while (at < got.size() && at < expected.size() && got[at].docid == expected[at].docid &&
               std::fabs(got[at].weight - expected[at].weight) <= 1e-9 * expected[at].weight)
          ++at;
        if (at < got.size() || at < expected.size()) {
          ++differing;
          auto show = [&](const std::vector<fahras::WeightedDoc>& docs) {
            return at < docs.size() ? std::to_string(docs[at].docid) + "/" +
                                          std::to_string(docs[at].weight)
                                    : std::string("none");
          };
          std::printf("differs at depth %zu, rank %zu (of %zu/%zu): matcher %s, Xapian %s: %s\n",
                      depth, at + 1, got.size(), expected.size(), show(got).c_str(),
                      show(expected).c_str(), q.c_str());
        }
      }
    }
    std::printf(
        "check-matcher queries=%zu disjunctions=%zu rankings=%zu differing=%zu "
        "pruned=%zu estimated_totals=%zu\n",
        queries, disjunctions, rankings, differing, pruned, estimated);
    return differing == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "check_matcher: " << e.what() << "\n";
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "check_matcher: " << e.get_description() << "\n";
    return 2;
  }
}
