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
    std::promise<Result> promise;
    std::future<Result> done = promise.get_future();
    enqueue([&](Index* index, std::exception_ptr failure) -> Delivery {
      try {
        if (!index) std::rethrow_exception(failure);
        if constexpr (std::is_void_v<Result>) {
          read(*index);
          return [&promise] { promise.set_value(); };
        } else {
          auto result = std::make_shared<Result>(read(*index));
          return [&promise, result] { promise.set_value(std::move(*result)); };
        }
      } catch (...) {
        return [&promise, thrown = std::current_exception()] { promise.set_exception(thrown); };
      }
    });
    return done.get();
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
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace fahras
