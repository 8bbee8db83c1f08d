// A bounded memo of a pure per-word function, for one thread's use.
//
// Indexing analyzes the same few thousand words over and over (word
// frequencies follow Zipf's law), so remembering each word's result saves
// most of the analysis. The memo holds at most `capacity` words and forgets
// them all when full, so its memory is bounded whatever the corpus, and the
// words met often are back within a few passages. The function must be pure:
// a cached result equals a fresh one, so output never depends on the order of
// the words seen. Not thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace fahras {

template <class Result>
class BoundedMemo {
 public:
  explicit BoundedMemo(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // compute(word) the first time `word` is asked for since the memo last
  // emptied; the remembered result after that. The reference stays valid
  // until the next call.
  template <class Compute>
  const Result& get(std::string_view word, Compute&& compute) {
    if (auto found = entries_.find(word); found != entries_.end()) return found->second;
    if (entries_.size() >= capacity_) entries_.clear();
    return entries_.emplace(std::string(word), compute(word)).first->second;
  }

  size_t size() const { return entries_.size(); }
  size_t capacity() const { return capacity_; }

 private:
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };

  size_t capacity_;
  std::unordered_map<std::string, Result, WordHash, std::equal_to<>> entries_;
};

}  // namespace fahras
