// Notices changes under the corpus roots with the kernel's inotify API.
//
// The watcher only says *that* something an index run would see may have
// changed; the run itself (index_run.h) decides what did, by comparing the
// corpus with the index. So an event lost or reported twice costs at most
// one run, never a wrong index. Every directory under the roots is watched
// (symbolic links followed, each directory once); directories created or
// moved into the tree are watched when the next batch is collected.
// Events about other files than the run reads (*.txt, synonyms.csv) are not
// counted: editors' swap and backup files do not start runs.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fahras {

// What one batch of events saw.
struct WatchBatch {
  size_t events = 0;          // events about files and directories a run reads
  bool overflow = false;      // the kernel's queue overflowed: events were lost
  bool directories = false;   // a directory was created, moved or deleted
  bool root_changed = false;  // a root itself was deleted or moved
};

class CorpusWatcher {
 public:
  // Throws std::runtime_error when inotify is unavailable.
  explicit CorpusWatcher(std::vector<std::filesystem::path> roots);
  ~CorpusWatcher();
  CorpusWatcher(const CorpusWatcher&) = delete;
  CorpusWatcher& operator=(const CorpusWatcher&) = delete;

  // Watches every directory under the roots that exists and is not yet
  // watched. Returns false when the kernel's limit on watches
  // (fs.inotify.max_user_watches) left some unwatched.
  bool watch_trees();

  // The file descriptor to poll for readability.
  int fd() const { return fd_; }

  // Reads the events ready now, without blocking, into `batch`.
  void drain(WatchBatch& batch);

  size_t watched_directories() const { return paths_.size(); }

 private:
  int fd_ = -1;
  std::vector<std::filesystem::path> roots_;
  std::map<int, std::filesystem::path> paths_;  // watch descriptor -> directory
};

// Whether a file of this name is one an index run reads.
bool is_indexed_file_name(const std::string& name);

}  // namespace fahras
