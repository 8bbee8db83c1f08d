// The service's index handles (see index_pool.h).
#include "index_pool.h"

#include <algorithm>

namespace fahras {

IndexPool::IndexPool(std::vector<std::string> databases, std::vector<std::string> spelling,
                     size_t size)
    : databases_(std::move(databases)), spelling_(std::move(spelling)), size_(std::max<size_t>(size, 1)) {}

IndexPool::Lease IndexPool::borrow() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty() || opened_ < size_; });
  if (!idle_.empty()) {
    std::unique_ptr<Index> index = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(index));
  }
  ++opened_;
  lock.unlock();
  try {
    return Lease(*this, std::make_unique<Index>(databases_, spelling_));
  } catch (...) {
    std::lock_guard relock(mutex_);
    --opened_;
    returned_.notify_one();
    throw;
  }
}

void IndexPool::give_back(std::unique_ptr<Index> index) {
  {
    std::lock_guard lock(mutex_);
    if (index)
      idle_.push_back(std::move(index));
    else
      --opened_;
  }
  returned_.notify_one();
}

}  // namespace fahras
