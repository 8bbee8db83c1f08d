// One run of the incremental indexer over a corpus (design.md §4).
//
// A run compares the corpus with the state stored in the index: new and
// changed files are (re)indexed, passages of removed files are deleted, and
// unchanged files cost a stat (a content hash decides when size or mtime
// moved, so a touch reindexes nothing). Each file's passages, spelling data
// and state change in the same commit, and commits fall only between files,
// so a crash at any moment leaves a consistent index and the next run
// converges to what a clean build produces. Analysis runs on worker threads
// beside the single Xapian writer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compaction.h"

namespace fahras {

class PassageDictionary;

// The synonym file a corpus root may hold (see searcher/synonyms.h).
inline constexpr const char* kSynonymsFileName = "synonyms.csv";
// The index keeps the synonym file's text whole: a larger one is not read.
inline constexpr uintmax_t kMaxSynonymsFileBytes = 16 << 20;

struct IndexOptions {
  std::filesystem::path database;
  std::vector<std::filesystem::path> corpus_roots;
  bool full = false;     // reindex every file, ignoring stored state
  bool dry_run = false;  // report what would change, write nothing
  unsigned threads = 0;  // analysis threads; 0 = one per core beside the writer
  // A new (empty) index is built in this many parts written in parallel and
  // merged (parallel_build.h); 0 = one per core, 1 = one writer.
  unsigned writers = 0;
  size_t shards = 0;  // 0: keep the index's layout (a new index: 1, plain)
  // Follow symbolic links that lead outside every corpus root (corpus_scan.h).
  bool follow_links = false;
  // Remove every article not found under corpus_roots, those indexed from
  // other folders too (else a run removes only what vanished under its roots).
  bool prune = false;
  CompactionPolicy compaction = CompactionPolicy::kWhenDue;
  size_t commit_every_passages = 20000;
  // Called after each file with (files done, files to index); may be empty.
  std::function<void(size_t, size_t)> progress;
  // Asked before each file; true ends the run early: what was written so far
  // is committed (a consistent index the next run completes), nothing is
  // compacted. May be empty.
  std::function<bool()> stop_requested;
  // Set by --watch: what started this batch, recorded with its commit when
  // it changes the index (schema::kMetaWatchBatch); empty: not recorded.
  std::string batch_reason;
  // What new passages' stored data is compressed with (null: no dictionary);
  // set by run_index from the index, or trained for a new one.
  std::shared_ptr<const PassageDictionary> passage_dictionary;
};

struct IndexReport {
  std::vector<std::string> added, updated, removed, unchanged;
  struct Skip {
    std::string file;
    std::string reason;
  };
  std::vector<Skip> skipped;
  std::vector<std::string> warnings;  // "FILE: message", for files still indexed
  // Files read in an encoding other than UTF-8, with its name (text_encoding.h).
  std::map<std::string, std::string> encodings;
  size_t passages_written = 0;
  size_t passages_deleted = 0;  // replaced passages included
  std::optional<CompactionReport> compaction;
  size_t synonym_groups = 0;
  std::vector<std::string> folders;  // the corpus folders the index holds, after the run
  double seconds = 0;
  bool stopped = false;  // ended early by stop_requested
};

// Compacts `databases` (compaction.h) as `policy` says, given the passages
// they hold and those changed since their last compaction; the caller holds
// their writers, everything committed. A failure becomes a warning in
// `report`, the index being as it was.
void compact_if_due(const std::vector<std::filesystem::path>& databases, size_t passages_held,
                    size_t passages_changed, CompactionPolicy policy, IndexReport& report);

// Several folders may be indexed into one index, in one run or several: a
// run removes the articles that vanished under the folders it was given, and
// keeps those of other folders (and of states from before folders were
// recorded) unless options.prune. A file whose id an article of another
// folder holds is skipped while that folder exists; a folder that is gone
// (moved, renamed) hands its articles to the folder that now holds them.
// Throws Xapian::DatabaseLockError when another indexer holds the database,
// and other Xapian::Error or std::exception on failure.
IndexReport run_index(const IndexOptions& options);

}  // namespace fahras
