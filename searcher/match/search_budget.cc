// Search budgets (see search_budget.h).
#include "search_budget.h"

namespace fahras {

SearchBudget::SearchBudget(double milliseconds, std::function<bool()> abandoned)
    : milliseconds_(milliseconds), abandoned_(std::move(abandoned)) {
  if (milliseconds > 0)
    deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double, std::milli>(milliseconds));
}

bool SearchBudget::spent() {
  if (spent_) return true;
  spent_ = (deadline_ && Clock::now() >= *deadline_) || (abandoned_ && abandoned_());
  return spent_;
}

bool BudgetDecider::operator()(const Xapian::Document&) const {
  if (++calls_ % kChecksEvery == 0 && budget_.spent()) throw BudgetSpent{};
  return true;
}

}  // namespace fahras
