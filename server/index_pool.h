// A fixed number of read-only index handles, lent one request at a time.
//
// Each handle (fahras::Index) keeps its own Xapian handles and caches, and a
// search uses one core: the pool's size bounds both the memory the service's
// handles take and the searches run at once, however many connections are
// open (guarded_server.h). A request borrows a handle for its duration,
// waiting while all are lent. Handles are opened on first need.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fahras/fahras.h"

namespace fahras {

class IndexPool {
 public:
  IndexPool(std::vector<std::string> databases, std::vector<std::string> spelling, size_t size);

  class Lease {
   public:
    Lease(IndexPool& pool, std::unique_ptr<Index> index) : pool_(pool), index_(std::move(index)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.give_back(std::move(index_)); }
    Index& operator*() { return *index_; }
    Index* operator->() { return index_.get(); }

   private:
    IndexPool& pool_;
    std::unique_ptr<Index> index_;
  };

  // Waits for a free handle (opening one if fewer than `size` exist).
  // Throws what opening the index throws.
  Lease borrow();

 private:
  void give_back(std::unique_ptr<Index> index);

  std::vector<std::string> databases_, spelling_;
  size_t size_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Index>> idle_;
  size_t opened_ = 0;
};

}  // namespace fahras
