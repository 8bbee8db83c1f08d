// Keeps an index current while its corpus changes (fahras-index --watch).
//
// One incremental run (index_run.h) at the start, then one after each batch
// of changes the watcher (corpus_watcher.h) reports: a batch ends after a
// quiet spell, a longest wait, or a number of events, so a burst of
// thousands of files (a git checkout) costs a few runs, not thousands. Each
// run is the same incremental step as a run from the command line, so a
// watched index always equals what a batch run over the same files would
// write. When the kernel's event queue overflows the next run scans the
// whole corpus anyway and says so; when its watch limit leaves directories
// unwatched, or a root is missing, the corpus is scanned every poll period.
// SIGINT and SIGTERM end the loop after the file being written is committed.
#pragma once

#include <chrono>
#include <ostream>

#include "index_run.h"

namespace fahras {

struct WatchSettings {
  std::chrono::milliseconds quiet{500};     // a batch ends after this long without events,
  std::chrono::milliseconds longest{5000};  // or this long after its first event,
  size_t most_events = 20000;               // or at this many events
  std::chrono::milliseconds poll{2000};     // scan period while inotify cannot see everything
};

// Watches `options.corpus_roots` and indexes into `options.database` until
// SIGINT or SIGTERM; `program` starts each line written to `log` (one per
// run: what changed and how long it took, then any skipped files and
// warnings). Returns the exit status: 0 after a signal, 2 when the watch
// cannot start (no inotify, or the first run failed on the index itself).
int watch_corpus(IndexOptions options, const WatchSettings& settings, const char* program,
                 std::ostream& log);

}  // namespace fahras
