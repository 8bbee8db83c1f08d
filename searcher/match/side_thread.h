// A second thread for one search's matching while the machine has a core to
// spare.
//
// A search alone on the machine leaves the other cores idle; the disjunction
// matcher (disjunction_matcher.h) can then hand half of a long match to the
// process's side thread and do the other half itself. A search that finds the
// side thread busy, or other searches running, does all its work itself:
// under load every core already has a search, and splitting would only add
// its own cost. Thread-safe.
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace fahras {

class SideThread {
 public:
  // The process's side thread, started on first use; null on one core.
  static SideThread* shared();

  SideThread();
  ~SideThread();
  SideThread(const SideThread&) = delete;
  SideThread& operator=(const SideThread&) = delete;

  // Starts `work` on the side thread when it is idle and at most one search
  // is in progress (SearchInProgress); false, with nothing started, otherwise.
  // After true, the caller must wait() before starting more.
  bool try_start(std::function<void()> work);
  // Waits for the work try_start() started; rethrows what it threw.
  void wait();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;  // work given, or stopping
  std::condition_variable done_;  // work ended
  std::function<void()> work_;
  bool busy_ = false;  // from try_start() until wait() returns
  bool running_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

// Marks a search in progress for its lifetime: SideThread::try_start() lends
// the side thread only while no other search runs.
class SearchInProgress {
 public:
  SearchInProgress();
  ~SearchInProgress();
  SearchInProgress(const SearchInProgress&) = delete;
  SearchInProgress& operator=(const SearchInProgress&) = delete;
  // How many searches are in progress in the process.
  static int count();
};

}  // namespace fahras
