// A search's budget: a deadline, and a test for whether whoever asked still
// wants the answer (an HTTP client that hung up does not).
//
// The searcher checks the budget between stages and, through BudgetDecider,
// inside Xapian's matcher every kChecksEvery candidates; a spent budget ends
// the search with what it found so far and a notice, so no query runs on
// past its budget, whatever its wildcards or the size of the index.
#pragma once

#include <xapian.h>

#include <chrono>
#include <functional>
#include <optional>

namespace fahras {

inline constexpr double kDefaultTimeBudgetMs = 1000;

class SearchBudget {
 public:
  using Clock = std::chrono::steady_clock;
  // No deadline and nothing to ask: never spent.
  SearchBudget() = default;
  // `milliseconds` <= 0: no deadline. `abandoned` may be empty.
  SearchBudget(double milliseconds, std::function<bool()> abandoned);

  // Whether the deadline has passed or the asker left; once true, stays true.
  bool spent();
  // Whether spent() has returned true.
  bool was_spent() const { return spent_; }
  double milliseconds() const { return milliseconds_; }

 private:
  double milliseconds_ = 0;
  std::optional<Clock::time_point> deadline_;
  std::function<bool()> abandoned_;
  bool spent_ = false;
};

// Thrown out of Xapian's matcher by BudgetDecider when the budget is spent.
struct BudgetSpent {};

// Accepts every document; every kChecksEvery calls, throws BudgetSpent if the
// budget is spent. Used as the match decider of the searcher's Enquires.
class BudgetDecider : public Xapian::MatchDecider {
 public:
  static constexpr unsigned kChecksEvery = 256;
  explicit BudgetDecider(SearchBudget& budget) : budget_(budget) {}
  bool operator()(const Xapian::Document&) const override;

 private:
  SearchBudget& budget_;
  mutable unsigned calls_ = 0;
};

}  // namespace fahras
