// Relevance metrics (see relevance_eval.h).
#include "relevance_eval.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace fahras {
namespace {

std::ifstream open_or_throw(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  return in;
}

Metrics score(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades) {
  Metrics m;
  m.queries = 1;
  double dcg = 0;
  size_t relevant_seen = 0;
  for (size_t i = 0; i < ranking.size() && i < 10; ++i) {
    auto it = grades.find(ranking[i]);
    int grade = it == grades.end() ? 0 : it->second;
    dcg += (std::pow(2.0, grade) - 1) / std::log2(i + 2.0);
    if (grade >= 1) {
      if (m.mrr10 == 0) m.mrr10 = 1.0 / (i + 1);
      if (i < 5) m.p5 += 0.2;
      ++relevant_seen;
    }
  }
  std::vector<int> ideal;
  size_t relevant_total = 0;
  for (const auto& [_, g] : grades) {
    ideal.push_back(g);
    if (g >= 1) ++relevant_total;
  }
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < 10; ++i)
    idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(i + 2.0);
  m.ndcg10 = idcg > 0 ? dcg / idcg : 0;
  m.recall10 = relevant_total ? static_cast<double>(relevant_seen) / relevant_total : 0;
  return m;
}

void add(Metrics& total, const Metrics& m) {
  total.ndcg10 += m.ndcg10;
  total.mrr10 += m.mrr10;
  total.p5 += m.p5;
  total.recall10 += m.recall10;
  total.queries += m.queries;
}

Metrics mean(Metrics m) {
  if (m.queries == 0) return m;
  double n = static_cast<double>(m.queries);
  m.ndcg10 /= n, m.mrr10 /= n, m.p5 /= n, m.recall10 /= n;
  return m;
}

void print_line(std::ostream& out, const std::string& name, const Metrics& m) {
  char line[160];
  std::snprintf(line, sizeof line, "%-10s %3zu  %.3f  %.3f  %.3f  %.3f\n", name.c_str(), m.queries,
                m.ndcg10, m.mrr10, m.p5, m.recall10);
  out << line;
}

}  // namespace

EvalReport evaluate(Index& index, const std::string& queries_tsv, const std::string& qrels_txt,
                    size_t rerank_depth, const std::vector<std::pair<std::string, double>>& weights) {
  std::map<std::string, std::map<std::string, int>> qrels;
  {
    std::ifstream in = open_or_throw(qrels_txt);
    std::string line;
    for (size_t number = 1; std::getline(in, line); ++number) {
      std::istringstream fields(line);
      std::string qid, iteration, passage;
      int grade;
      if (line.empty()) continue;
      if (!(fields >> qid >> iteration >> passage >> grade))
        throw std::runtime_error(qrels_txt + ":" + std::to_string(number) +
                                 ": expected 'qid 0 FILE:LINE grade'");
      qrels[qid][passage] = grade;
    }
  }
  EvalReport report;
  std::map<std::string, Metrics> sums;
  std::ifstream in = open_or_throw(queries_tsv);
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    std::string qid, query, category;
    if (!std::getline(fields, qid, '\t') || !std::getline(fields, query, '\t'))
      throw std::runtime_error(queries_tsv + ":" + std::to_string(number) +
                               ": expected qid<TAB>query[<TAB>category]");
    // A collection without categories (arcd-dev) counts as one.
    if (!std::getline(fields, category, '\t') || category.empty()) category = "all";
    SearchParameters parameters;
    parameters.limit = 20;
    parameters.rerank_depth = rerank_depth;
    parameters.ranking_weights = weights;
    Results result = index.search(query, parameters);
    std::vector<std::string> ranking;
    std::set<std::string> seen;
    const auto& judged = qrels[qid];
    for (const Match& m : result.matches) {
      // A judgment of FILE:* is of the document: its first passage ranked
      // stands for it, the later ones are not judged.
      std::string id = m.id + ":*";
      if (!judged.count(id) || seen.count(id)) id = m.id + ":" + std::to_string(m.line);
      if (seen.insert(id).second) ranking.push_back(id);
    }
    Metrics m = score(ranking, judged);
    report.by_query.emplace_back(qid, m);
    add(report.overall, m);
    add(sums[category], m);
  }
  report.overall = mean(report.overall);
  for (auto& [category, m] : sums) report.by_category[category] = mean(m);
  return report;
}

void print_eval(const EvalReport& report, std::ostream& out) {
  out << "category     n  nDCG@10 MRR@10 P@5    R@10\n";
  print_line(out, "overall", report.overall);
  for (const auto& [category, m] : report.by_category) print_line(out, category, m);
  out << "per query:\n";
  for (const auto& [qid, m] : report.by_query) print_line(out, qid, m);
}

}  // namespace fahras
