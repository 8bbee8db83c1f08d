// The threads that read the index for the service, each with its own handle.
//
// A fixed number of workers, each holding one read-only fahras::Index (its
// own Xapian handles and caches, refreshed to the latest commit per task),
// run the service's reads one at a time each. Connections have threads of
// their own (guarded_server.h) that only read requests and write answers:
// the workers bound how many searches run at once, and since the searches'
// allocations stay on these few threads, the memory they free is reused
// there rather than stranded on hundreds of idle connection threads.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

#include "fahras/fahras.h"

namespace fahras {

class SearchWorkers {
 public:
  SearchWorkers(std::vector<std::string> databases, std::vector<std::string> spelling,
                size_t threads);
  ~SearchWorkers();
  SearchWorkers(const SearchWorkers&) = delete;
  SearchWorkers& operator=(const SearchWorkers&) = delete;

  // Runs read(index) on a worker, waiting while all are busy, and returns
  // what it returns or rethrows what it throws (opening the index included).
  template <typename Read>
  auto run(Read&& read) -> std::invoke_result_t<Read&, Index&> {
    using Result = std::invoke_result_t<Read&, Index&>;
    using Value = std::conditional_t<std::is_void_v<Result>, std::monostate, Result>;
    // What the read threw, or what it returned. Moved to the caller whole,
    // so that the worker holds no part of it once the caller has it.
    using Outcome = std::variant<std::exception_ptr, Value>;
    std::promise<Outcome> promise;
    std::future<Outcome> done = promise.get_future();
    enqueue([&](Index* index, std::exception_ptr failure) -> Delivery {
      auto outcome = std::make_shared<Outcome>();
      try {
        if (!index) std::rethrow_exception(failure);
        if constexpr (std::is_void_v<Result>) {
          read(*index);
          outcome->template emplace<1>();
        } else {
          outcome->template emplace<1>(read(*index));
        }
      } catch (...) {
        outcome->template emplace<0>(std::current_exception());
      }
      return [&promise, outcome] { promise.set_value(std::move(*outcome)); };
    });
    Outcome outcome = done.get();
    if (outcome.index() == 0) std::rethrow_exception(std::get<0>(std::move(outcome)));
    if constexpr (!std::is_void_v<Result>) return std::get<1>(std::move(outcome));
  }

 private:
  // What a task hands its caller (the result or the exception), run once
  // the worker is ready for the next task.
  using Delivery = std::function<void()>;
  // A task gets the worker's index, or null and why it could not be opened.
  using Task = std::function<Delivery(Index*, std::exception_ptr)>;
  void enqueue(Task task);
  void work();

  // A worker waiting for a task is handed one directly, the most recently
  // idle first: one after another, reads go to the same worker, whose
  // caches are warm; under load, all of them work. A worker is idle again
  // before its caller has the result, so that the caller's next read finds
  // it first (with one client, a search on another worker's colder caches
  // and handles took a third longer).
  struct Idle {
    std::condition_variable handed;
    Task task;
  };

  std::vector<std::string> databases_, spelling_;
  std::mutex mutex_;
  std::deque<Task> tasks_;   // waiting for a worker
  std::vector<Idle*> idle_;  // waiting for a task, most recent last
  std::condition_variable all_waiting_;  // every worker is on idle_ (construction)
  bool stopping_ = false;
  size_t workers_ = 0;  // how many threads_ (set before they start)
  std::vector<std::thread> threads_;
};

}  // namespace fahras
