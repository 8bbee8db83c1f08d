// Reading, analyzing and writing the files of an indexing run.
//
// Files are read and analyzed on worker threads (PreparePipeline) and handed
// to one writer in the order given, which replaces each file's passages
// through its shard's BatchWriter and records what happened in the run's
// report. A run writes through one such loop, or one per part of a new
// index built in parallel (parallel_build.h).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "batch_writer.h"
#include "corpus_scan.h"
#include "file_state.h"
#include "index_run.h"

namespace fahras {

// The whole content of a file, or nullopt with `error` saying why not.
std::optional<std::string> read_whole_file(const std::filesystem::path& path, std::string& error);

// The batch an article's id is written through.
using BatchFor = std::function<BatchWriter*(const std::string& id)>;

// Analyzes `files` (with options.threads workers, options.full and
// options.dry_run as the run says) against their `stored` states and writes
// each through batch_for(id), in order; a null batch writes nothing (a dry
// run). Fills report.added, updated, unchanged, skipped, warnings and
// passages_written; calls file_done() after each file.
void index_files(const std::vector<const CorpusFile*>& files,
                 const std::map<std::string, FileState>& stored, const IndexOptions& options,
                 const BatchFor& batch_for, IndexReport& report,
                 const std::function<void()>& file_done);

// Runs index_files over each group of files, at most `at_once` groups at a
// time (0: all), each on a thread of its own, taking the groups in order; the
// analysis threads (options.threads; 0: one per core) are shared out among
// those running. with_batch(k, write) runs on group k's thread and must call
// write(batch) once with the batch the group writes through (opening and
// finishing it around the call if it owns it). Returns each group's report;
// after every thread has ended, rethrows the first failure (groups not
// started by then are not started).
using WriteThrough = std::function<void(BatchWriter&)>;
std::vector<IndexReport> index_groups_in_parallel(
    const std::vector<std::vector<const CorpusFile*>>& groups,
    const std::map<std::string, FileState>& stored, const IndexOptions& options,
    const std::function<void(size_t group, const WriteThrough& write)>& with_batch,
    size_t at_once = 0);

// Appends what `from` lists (files added, updated, unchanged, skipped;
// warnings) and its passages written to `into`.
void append_report(IndexReport& into, IndexReport&& from);

}  // namespace fahras
