// inotify watches over the corpus trees (see corpus_watcher.h).
#include "corpus_watcher.h"

#include <errno.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <utility>

#include "corpus_scan.h"
#include "index_run.h"

namespace fahras {
namespace {

constexpr uint32_t kWatchedEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                                    IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

}  // namespace

bool is_indexed_file_name(const std::string& name) {
  return name == kSynonymsFileName || is_article_file_name(name);
}

CorpusWatcher::CorpusWatcher(std::vector<std::filesystem::path> roots) : roots_(std::move(roots)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error(std::string("inotify: ") + std::strerror(errno));
}

CorpusWatcher::~CorpusWatcher() { close(fd_); }

bool CorpusWatcher::watch_trees() {
  namespace fs = std::filesystem;
  bool complete = true;
  std::set<std::pair<dev_t, ino_t>> seen;
  std::set<int> in_tree;
  auto watch = [&](const fs::path& dir) {
    struct stat st;
    if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    if (!seen.insert({st.st_dev, st.st_ino}).second) return false;  // a link loop
    int wd = inotify_add_watch(fd_, dir.c_str(), kWatchedEvents);
    if (wd < 0) {
      if (errno == ENOSPC) complete = false;
      return false;
    }
    paths_[wd] = dir;
    in_tree.insert(wd);
    return true;
  };
  for (const fs::path& root : roots_) {
    if (!watch(root)) continue;
    std::error_code ec;
    fs::recursive_directory_iterator it(root,
                                        fs::directory_options::follow_directory_symlink |
                                            fs::directory_options::skip_permission_denied,
                                        ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_error;
      if (!it->is_directory(type_error)) continue;
      if (!watch(it->path())) it.disable_recursion_pending();
    }
  }
  // Directories moved out of the tree keep their watches until dropped here.
  for (auto it = paths_.begin(); it != paths_.end();) {
    if (in_tree.count(it->first)) {
      ++it;
    } else {
      inotify_rm_watch(fd_, it->first);
      it = paths_.erase(it);
    }
  }
  return complete;
}

void CorpusWatcher::drain(WatchBatch& batch) {
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) return;  // EAGAIN: nothing more ready
    for (char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {
        batch.overflow = true;
        continue;
      }
      if (event->mask & IN_IGNORED) {  // the directory is gone or unwatched
        paths_.erase(event->wd);
        continue;
      }
      if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        auto found = paths_.find(event->wd);
        for (const auto& root : roots_)
          if (found != paths_.end() && found->second == root) batch.root_changed = true;
        batch.directories = true;
        ++batch.events;
        continue;
      }
      std::string name = event->len ? event->name : "";
      if (event->mask & IN_ISDIR) {
        if (event->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)) {
          batch.directories = true;
          ++batch.events;
        }
      } else if (is_indexed_file_name(name)) {
        ++batch.events;
      }
    }
  }
}

}  // namespace fahras
