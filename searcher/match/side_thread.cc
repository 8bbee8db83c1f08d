// The side thread and the count of searches in progress (see side_thread.h).
#include "side_thread.h"

#include <atomic>
#include <utility>

namespace fahras {
namespace {

std::atomic<int> searches_in_progress{0};

}  // namespace

SearchInProgress::SearchInProgress() {
  searches_in_progress.fetch_add(1, std::memory_order_relaxed);
}
SearchInProgress::~SearchInProgress() {
  searches_in_progress.fetch_sub(1, std::memory_order_relaxed);
}
int SearchInProgress::count() { return searches_in_progress.load(std::memory_order_relaxed); }

SideThread* SideThread::shared() {
  static SideThread* side = std::thread::hardware_concurrency() > 1 ? new SideThread : nullptr;
  return side;  // lives as long as the process: a search may still use it at exit
}

SideThread::SideThread() : thread_([this] { run(); }) {}

SideThread::~SideThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

bool SideThread::try_start(std::function<void()> work) {
  if (SearchInProgress::count() > 1) return false;
  {
    std::lock_guard lock(mutex_);
    if (busy_ || stopping_) return false;
    busy_ = true;
    running_ = true;
    work_ = std::move(work);
    error_ = nullptr;
  }
  wake_.notify_one();
  return true;
}

void SideThread::wait() {
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return !running_; });
  busy_ = false;
  if (std::exception_ptr error = std::exchange(error_, nullptr)) std::rethrow_exception(error);
}

void SideThread::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || running_; });
    if (running_) {
      std::function<void()> work = std::move(work_);
      lock.unlock();
      std::exception_ptr error;
      try {
        work();
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      error_ = error;
      running_ = false;
      done_.notify_all();
      continue;
    }
    if (stopping_) return;
  }
}

}  // namespace fahras
