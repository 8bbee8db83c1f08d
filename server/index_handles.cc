// The service's index handles (see index_handles.h).
#include "index_handles.h"

#include <algorithm>

namespace fahras {

IndexHandles::IndexHandles(std::vector<std::string> databases, std::vector<std::string> spelling,
                           size_t handles)
    : databases_(std::move(databases)), spelling_(std::move(spelling)) {
  for (size_t i = 0; i < std::max<size_t>(handles, 1); ++i)
    handles_.push_back(std::make_unique<Handle>());
  for (auto it = handles_.rbegin(); it != handles_.rend(); ++it) free_.push_back(it->get());
}

size_t IndexHandles::lent() const {
  std::lock_guard lock(mutex_);
  return handles_.size() - free_.size();
}

IndexHandles::Loan::Loan(IndexHandles& owner) : owner_(owner) {
  std::unique_lock lock(owner_.mutex_);
  owner_.returned_.wait(lock, [&] { return !owner_.free_.empty(); });
  handle_ = owner_.free_.back();
  owner_.free_.pop_back();
}

IndexHandles::Loan::~Loan() {
  {
    std::lock_guard lock(owner_.mutex_);
    owner_.free_.push_back(handle_);
  }
  owner_.returned_.notify_one();
}

Index& IndexHandles::Loan::index() {
  if (!handle_->index)
    handle_->index = std::make_unique<Index>(owner_.databases_, owner_.spelling_);
  return *handle_->index;
}

}  // namespace fahras
