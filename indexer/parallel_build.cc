// Building a new index in parallel parts (see parallel_build.h).
#include "parallel_build.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "batch_writer.h"
#include "bulk_build.h"
#include "compaction.h"
#include "fahras/schema.h"
#include "file_indexing.h"
#include "key_vocabulary.h"

namespace fahras {
namespace fs = std::filesystem;

namespace {

// Merges parts: the key vocabulary's counts add up; any other key set in
// several parts (bookkeeping the merged index sets again) keeps the first.
// Xapian 1.4.22 passes an empty `key` here (measured), so the values tell:
// only the key vocabulary's are lines STEM<TAB>COUNT.
class PartsCompactor : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string&, size_t count,
                                         const std::string tags[]) override {
    std::vector<std::string> values(tags, tags + count);
    bool vocabularies = std::all_of(values.begin(), values.end(), [](const std::string& v) {
      return !v.empty() && format_key_vocabulary(parse_key_vocabulary(v)) == v;
    });
    return vocabularies ? merge_key_vocabularies(values) : values.front();
  }
};

}  // namespace

fs::path parts_workspace(const fs::path& database) { return workspace_beside(database, ".parts"); }

void discard_parts_leftovers(const fs::path& database) {
  // What cannot be removed now is tried again by the next build in parts,
  // which then fails with the reason.
  remove_if_possible(parts_workspace(database));
}

std::vector<std::vector<const CorpusFile*>> split_by_size(
    const std::vector<const CorpusFile*>& files, size_t parts) {
  uint64_t total = 0;
  for (const CorpusFile* f : files) total += f->size + 1;
  std::vector<std::vector<const CorpusFile*>> out;
  uint64_t done = 0;
  for (const CorpusFile* f : files) {
    // Part k takes the files that start within its k-th share of the bytes.
    size_t k = parts == 0 ? 0 : static_cast<size_t>(done * parts / std::max<uint64_t>(total, 1));
    if (out.empty() || (k >= out.size() && out.size() < parts)) out.emplace_back();
    out.back().push_back(f);
    done += f->size + 1;
  }
  return out;
}

void build_in_parts(const fs::path& database, const std::vector<const CorpusFile*>& files,
                    const IndexOptions& options, size_t parts,
                    const std::map<std::string, std::string>& metadata, IndexReport& report) {
  std::vector<std::vector<const CorpusFile*>> runs = split_by_size(files, parts);
  fs::path workspace = parts_workspace(database);
  fs::remove_all(workspace);
  fs::create_directories(workspace);
  struct Part {
    fs::path path;
    IndexReport report;
    std::exception_ptr failure;
  };
  std::vector<Part> built(runs.size());
  IndexOptions part_options = options;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  unsigned threads = options.threads ? options.threads : cores;
  part_options.threads = std::max<unsigned>(1, threads / static_cast<unsigned>(runs.size()));
  part_options.commit_every_passages =
      std::min(options.commit_every_passages, kPartCommitEveryPassages);
  std::mutex progress_mutex;
  size_t files_done = 0;
  const std::map<std::string, FileState> nothing_stored;
  auto build_part = [&](size_t k) {
    Part& part = built[k];
    try {
      part.path = workspace / ("part-" + std::to_string(k));
      Xapian::WritableDatabase db(part.path.string(),
                                  Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      BatchWriter batch(db, part_options.commit_every_passages);
      index_files(
          runs[k], nothing_stored, part_options, [&](const std::string&) { return &batch; },
          part.report,
          [&] {
            std::lock_guard lock(progress_mutex);
            ++files_done;
            if (options.progress) options.progress(files_done, files.size());
          });
      batch.finish();
    } catch (...) {
      part.failure = std::current_exception();
    }
  };
  {
    std::vector<std::thread> writers;
    for (size_t k = 0; k < runs.size(); ++k) writers.emplace_back(build_part, k);
    for (std::thread& t : writers) t.join();
  }
  try {
    for (const Part& part : built)
      if (part.failure) std::rethrow_exception(part.failure);
    fs::path merged = compaction_workspace(database);
    fs::remove_all(merged);
    Xapian::Database sources;
    for (const Part& part : built) sources.add_database(Xapian::Database(part.path.string()));
    auto merge_started = std::chrono::steady_clock::now();
    CompactionReport merge;
    for (const Part& part : built) merge.bytes_before += database_bytes(part.path);
    PartsCompactor compactor;
    sources.compact(merged.string(), 0, 0, compactor);
    {
      Xapian::WritableDatabase db(merged.string(), Xapian::DB_OPEN);
      db.set_metadata(std::string(schema::kMetaChangedSinceCompaction), std::string());
      for (const auto& [key, value] : metadata) db.set_metadata(key, value);
      db.commit();
    }
    sync_database_files(merged);
    merge.bytes_after = database_bytes(merged);
    swap_in_workspace(database);
    merge.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - merge_started).count();
    report.compaction = merge;
  } catch (...) {
    discard_parts_leftovers(database);
    remove_if_possible(compaction_workspace(database));
    throw;
  }
  discard_parts_leftovers(database);
  for (Part& part : built) {
    IndexReport& r = part.report;
    auto append = [](auto& into, auto& from) {
      into.insert(into.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    };
    append(report.added, r.added);
    append(report.updated, r.updated);
    append(report.unchanged, r.unchanged);
    append(report.skipped, r.skipped);
    append(report.warnings, r.warnings);
    report.passages_written += r.passages_written;
  }
}

}  // namespace fahras
