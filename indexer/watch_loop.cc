// The watch loop of fahras-index --watch (see watch_loop.h).
#include "watch_loop.h"

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "corpus_watcher.h"
#include "index_directory.h"
#include "index_report.h"

namespace fahras {
namespace {

using Clock = std::chrono::steady_clock;

// SIGINT and SIGTERM, blocked in every thread of the process from here on
// (threads inherit the mask) and read from a descriptor instead.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);
    fd_ = signalfd(-1, &set_, SFD_NONBLOCK | SFD_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error("signalfd failed");
  }
  ~StopSignals() { close(fd_); }
  int fd() const { return fd_; }
  // Whether one is waiting to be read (cheap enough to ask before each file).
  bool pending() const {
    sigset_t waiting;
    sigpending(&waiting);
    return sigismember(&waiting, SIGINT) || sigismember(&waiting, SIGTERM);
  }

 private:
  sigset_t set_;
  int fd_ = -1;
};

enum class Woken { kSignal, kEvents, kTimeout };

Woken wait_for(const CorpusWatcher& watcher, const StopSignals& signals, int timeout_ms) {
  pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
  int ready;
  do {
    ready = poll(fds, 2, timeout_ms);
  } while (ready < 0 && errno == EINTR);
  if (ready > 0 && (fds[0].revents & POLLIN)) return Woken::kSignal;
  if (ready > 0 && (fds[1].revents & POLLIN)) return Woken::kEvents;
  return Woken::kTimeout;
}

int milliseconds(std::chrono::milliseconds d) { return static_cast<int>(d.count()); }

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

bool changed_anything(const IndexReport& r) {
  return !r.added.empty() || !r.updated.empty() || !r.removed.empty() || !r.skipped.empty() ||
         !r.warnings.empty();
}

}  // namespace

int watch_corpus(IndexOptions options, const WatchSettings& settings, const char* program,
                 std::ostream& log) {
  StopSignals signals;
  options.stop_requested = [&signals] { return signals.pending(); };
  options.progress = nullptr;
  std::unique_ptr<CorpusWatcher> watcher;
  try {
    watcher = std::make_unique<CorpusWatcher>(options.corpus_roots);
  } catch (const std::exception& e) {
    log << program << ": cannot watch: " << e.what() << '\n';
    return 2;
  }
  bool polling = false;
  auto watch_trees = [&] {
    if (watcher->watch_trees() || polling) return;
    polling = true;
    log << program << ": the kernel's inotify watch limit (fs.inotify.max_user_watches) left "
        << "directories unwatched: scanning the corpus every "
        << seconds_text(settings.poll.count() / 1000.0) << '\n';
  };

  // One run; false when it failed (said on `log`), the index as it was.
  // `fatal` is set when the index itself cannot be opened or written.
  bool fatal = false, first = true;
  auto run = [&](const std::string& why, bool quiet_if_unchanged) {
    IndexReport report;
    std::string again = ": trying again in " + seconds_text(settings.poll.count() / 1000.0);
    bool was_first = first;
    first = false;
    try {
      options.batch_reason = why;
      report = run_index(options);
    } catch (const Xapian::DatabaseLockError&) {
      log << program << ": " << options.database.string() << " is locked by another writer" << again
          << '\n';
      return false;
    } catch (const Xapian::Error& e) {
      log << program << ": " << options.database.string() << ": " << e.get_description()
          << (was_first ? std::string() : again) << '\n';
      fatal = true;
      return false;
    } catch (const IndexPathError& e) {  // the index would be someone else's directory
      log << program << ": " << e.what() << '\n';
      fatal = true;
      return false;
    } catch (const std::exception& e) {  // e.g. a root deleted: nothing written
      log << program << ": " << e.what() << ": index unchanged" << again << '\n';
      return false;
    }
    if (quiet_if_unchanged && !changed_anything(report) && !report.compaction) return true;
    log << program << ": " << why << ": " << report.added.size() << " added, "
        << report.updated.size() << " updated, " << report.removed.size() << " removed, "
        << report.skipped.size() << " skipped; " << report.passages_written
        << " passages written in " << seconds_text(report.seconds)
        << (report.stopped ? " (stopped early by a signal)" : "");
    if (report.compaction) log << "; compacted";
    log << '\n';
    print_report_problems(report, program, log);
    return true;
  };

  for (const auto& root : options.corpus_roots)
    if (!std::filesystem::is_directory(root)) {
      log << program << ": " << root.string() << ": corpus root is not a directory\n";
      return 2;
    }
  watch_trees();  // before the first run, so nothing changed during it is missed
  bool retry =
      !run("watching " + std::to_string(watcher->watched_directories()) + " directories; first run",
           false);
  if (fatal) return 2;  // the index cannot be opened: no point in watching

  for (;;) {
    int timeout = (polling || retry) ? milliseconds(settings.poll) : -1;
    Woken woken = wait_for(*watcher, signals, timeout);
    if (woken == Woken::kSignal) return 0;
    WatchBatch batch;
    if (woken == Woken::kEvents) {
      auto begun = Clock::now();
      watcher->drain(batch);
      for (;;) {
        auto left = settings.longest -
                    std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - begun);
        if (left.count() <= 0 || batch.events >= settings.most_events) break;
        Woken next = wait_for(*watcher, signals, milliseconds(std::min(left, settings.quiet)));
        if (next == Woken::kSignal) return 0;
        if (next == Woken::kTimeout) break;
        watcher->drain(batch);
      }
      if (batch.events == 0 && !batch.overflow && !retry) continue;  // other files only
    }
    std::string why;
    if (batch.overflow) {
      log << program << ": inotify's event queue overflowed: events were lost, scanning the "
          << "whole corpus\n";
      why = "after the overflow";
    } else if (woken == Woken::kEvents) {
      why = std::to_string(batch.events) + (batch.events == 1 ? " change" : " changes");
    } else {
      why = retry ? "retry" : "periodic scan";
    }
    if (batch.overflow || batch.directories || batch.root_changed || polling || retry)
      watch_trees();
    retry = !run(why, woken == Woken::kTimeout && !retry);
    if (signals.pending()) return 0;
  }
}

}  // namespace fahras
