// The service's index handles, lent to the threads that answer requests.
//
// A fixed number of read-only fahras::Index objects (each with its own
// Xapian handles and caches, refreshed to the latest commit per read) are
// lent one per read to the connection thread that needs one, which runs the
// read itself: the number of handles bounds how many reads run at once, and
// a read waits while all are lent. A handle is opened on its first loan;
// the most recently returned handle is lent first, so one client's reads in
// turn find one handle's caches warm.
//
// The read runs on the thread that asked for it, not on a worker: a
// hand-off to another thread and back costs about as much as the rest of the
// service's work for a request (docs/benchmarks.md). What a read frees stays
// on the connection thread, which gives it back when idle (thread_memory.h);
// what a read keeps per thread is its decoders' state (a zstd context and a
// JSON parser, about 100 KB).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "fahras/fahras.h"

namespace fahras {

class IndexHandles {
 public:
  IndexHandles(std::vector<std::string> databases, std::vector<std::string> spelling,
               size_t handles);
  IndexHandles(const IndexHandles&) = delete;
  IndexHandles& operator=(const IndexHandles&) = delete;

  // Runs read(index) on the calling thread with a lent handle, waiting while
  // all are lent, and returns what it returns or rethrows what it throws
  // (opening the index included: the next read tries again).
  template <typename Read>
  auto run(Read&& read) -> std::invoke_result_t<Read&, Index&> {
    Loan loan(*this);
    return read(loan.index());
  }

  // How many reads hold a handle now.
  size_t lent() const;

 private:
  struct Handle {
    std::unique_ptr<Index> index;  // opened on its first loan
  };

  // A handle for the length of one read.
  class Loan {
   public:
    explicit Loan(IndexHandles& owner);
    ~Loan();
    Loan(const Loan&) = delete;
    Loan& operator=(const Loan&) = delete;
    Index& index();

   private:
    IndexHandles& owner_;
    Handle* handle_;
  };

  std::vector<std::string> databases_, spelling_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Handle>> handles_;
  std::vector<Handle*> free_;  // most recently returned last
};

}  // namespace fahras
