// Ranking weights by name (see ranking_weights.h).
#include "ranking_weights.h"

#include <stdexcept>

namespace fahras {
namespace {

// The field of `w` named `name`, or null.
template <typename Weights>
auto* field(Weights& w, std::string_view name) {
  if (name == "coverage_exponent") return &w.coverage_exponent;
  if (name == "proximity") return &w.proximity;
  if (name == "sequence") return &w.sequence;
  if (name == "title") return &w.title;
  if (name == "question_title") return &w.question_title;
  if (name == "no_asked_number_penalty") return &w.no_asked_number_penalty;
  if (name == "neighbour") return &w.neighbour;
  if (name == "subject_articles") return &w.subject_articles;
  return static_cast<decltype(&w.title)>(nullptr);
}

}  // namespace

bool RankingWeights::set(std::string_view name, double value) {
  double* f = field(*this, name);
  if (f) *f = value;
  return f != nullptr;
}

double RankingWeights::get(std::string_view name) const {
  const double* f = field(*this, name);
  if (!f) throw std::invalid_argument("no ranking weight named " + std::string(name));
  return *f;
}

const std::vector<std::string>& RankingWeights::names() {
  static const std::vector<std::string> all = {
      "coverage_exponent", "proximity", "sequence",  "title",
      "question_title",    "no_asked_number_penalty", "neighbour", "subject_articles"};
  return all;
}

}  // namespace fahras
