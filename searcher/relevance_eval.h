// Relevance measurement on judged queries (../shared/eval/README.md formats).
//
// queries.tsv: qid<TAB>query[<TAB>category] (no category: "all"); qrels: TREC "qid 0 FILE:LINE
// grade", or "qid 0 FILE:* grade" to judge a whole document (known items in
// formats whose passages are not the lines of a text). For each query the top 10 distinct passages (FILE:LINE) are scored with nDCG@10 (gain
// 2^grade-1, log2 discount), MRR@10 (first grade >= 1), P@5 and Recall@10, averaged overall and per
// category.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "fahras/fahras.h"

namespace fahras {

struct Metrics {
  double ndcg10 = 0, mrr10 = 0, p5 = 0, recall10 = 0;
  size_t queries = 0;
};

struct EvalReport {
  Metrics overall;
  std::map<std::string, Metrics> by_category;
  std::vector<std::pair<std::string, Metrics>> by_query;  // qid -> metrics
};

// Throws std::runtime_error naming the file and line of malformed input.
// `rerank_depth`: as SearchParameters::rerank_depth (each query's top 20 are
// read; hits past the depth follow the re-ranked ones).
// `weights`: as SearchParameters::ranking_weights.
EvalReport evaluate(Index& index, const std::string& queries_tsv, const std::string& qrels_txt,
                    size_t rerank_depth = 0,
                    const std::vector<std::pair<std::string, double>>& weights = {});

void print_eval(const EvalReport& report, std::ostream& out);

}  // namespace fahras
