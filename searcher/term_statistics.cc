// Remembered term statistics (see term_statistics.h).
#include "term_statistics.h"

namespace fahras {

Xapian::doccount TermStatistics::termfreq(const std::string& term) {
  auto found = termfreq_.find(term);
  if (found != termfreq_.end()) return found->second;
  make_room();
  Xapian::doccount frequency = db_.get_termfreq(term);
  termfreq_.emplace(term, frequency);
  return frequency;
}

std::vector<std::string> TermStatistics::terms_with_prefix(const std::string& prefix) {
  auto found = with_prefix_.find(prefix);
  if (found != with_prefix_.end()) return found->second;
  make_room();
  std::vector<std::string> terms;
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) terms.push_back(*t);
  with_prefix_.emplace(prefix, terms);
  return terms;
}

void TermStatistics::forget() {
  termfreq_.clear();
  with_prefix_.clear();
}

void TermStatistics::forget_terms(const std::unordered_set<std::string>& terms) {
  for (const std::string& term : terms) {
    termfreq_.erase(term);
    if (with_prefix_.empty()) continue;
    for (size_t length = 0; length <= term.size(); ++length)
      with_prefix_.erase(term.substr(0, length));
  }
}

void TermStatistics::make_room() {
  if (termfreq_.size() + with_prefix_.size() >= kMaxRememberedAnswers) forget();
}

}  // namespace fahras
