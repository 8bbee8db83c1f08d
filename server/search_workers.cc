// The service's index readers (see search_workers.h).
#include "search_workers.h"

#include <algorithm>
#include <memory>

#include "thread_memory.h"

namespace fahras {

SearchWorkers::SearchWorkers(std::vector<std::string> databases, std::vector<std::string> spelling,
                             size_t threads)
    : databases_(std::move(databases)), spelling_(std::move(spelling)) {
  workers_ = std::max<size_t>(threads, 1);
  for (size_t i = 0; i < workers_; ++i) threads_.emplace_back([this] { work(); });
  // Every worker waiting before the first read: then one client's reads go
  // to one worker from the first.
  std::unique_lock lock(mutex_);
  all_waiting_.wait(lock, [&] { return idle_.size() == workers_; });
}

SearchWorkers::~SearchWorkers() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (Idle* idle : idle_) idle->handed.notify_one();
  }
  for (std::thread& t : threads_) t.join();
}

void SearchWorkers::enqueue(Task task) {
  std::lock_guard lock(mutex_);
  if (idle_.empty()) {
    tasks_.push_back(std::move(task));
    return;
  }
  Idle* worker = idle_.back();
  idle_.pop_back();
  worker->task = std::move(task);
  worker->handed.notify_one();
}

void SearchWorkers::work() {
  std::unique_ptr<Index> index;  // this worker's own, opened for its first task
  Idle me;
  bool listed = false;  // on idle_ since the last task
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      if (!listed && !tasks_.empty()) {
        task = std::move(tasks_.front());
        tasks_.pop_front();
      } else {
        if (!listed) {
          if (stopping_) return;
          idle_.push_back(&me);
          if (idle_.size() == workers_) all_waiting_.notify_one();
        }
        auto handed = [&] { return stopping_ || me.task; };
        if (!me.handed.wait_for(lock, kIdleBeforeRelease, handed)) {
          lock.unlock();
          release_freed_memory_of_this_thread();
          lock.lock();
          me.handed.wait(lock, handed);
        }
        listed = false;
        if (!me.task) {
          std::erase(idle_, &me);
          return;
        }
        task = std::move(me.task);
        me.task = nullptr;
      }
    }
    std::exception_ptr failure;
    if (!index) {
      try {
        index = std::make_unique<Index>(databases_, spelling_);
      } catch (...) {  // the task reports it; the next task tries again
        failure = std::current_exception();
      }
    }
    Delivery deliver = task(index.get(), std::move(failure));
    {
      std::lock_guard lock(mutex_);
      if (tasks_.empty() && !stopping_) {
        idle_.push_back(&me);
        listed = true;
      }
    }
    deliver();
  }
}

}  // namespace fahras
