// Building a new index in parallel parts (see parallel_build.h).
#include "parallel_build.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "batch_writer.h"
#include "bulk_build.h"
#include "compaction.h"
#include "fahras/schema.h"
#include "file_indexing.h"
#include "index_directory.h"
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
  remove_index_files(parts_workspace(database));
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
                    const IndexOptions& options, size_t writers,
                    const std::map<std::string, std::string>& metadata, IndexReport& report) {
  uint64_t bytes = 0;
  for (const CorpusFile* f : files) bytes += f->size;
  size_t parts =
      std::max<size_t>(writers, static_cast<size_t>((bytes + kMaxPartBytes - 1) / kMaxPartBytes));
  std::vector<std::vector<const CorpusFile*>> runs = split_by_size(files, parts);
  fs::path workspace = parts_workspace(database);
  clear_workspace(workspace);
  fs::create_directories(workspace);
  std::vector<fs::path> part_paths;
  for (size_t k = 0; k < runs.size(); ++k)
    part_paths.push_back(workspace / ("part-" + std::to_string(k)));
  IndexOptions part_options = options;
  part_options.commit_every_passages =
      std::min(options.commit_every_passages, kPartCommitEveryPassages);
  std::vector<IndexReport> reports;
  try {
    reports = index_groups_in_parallel(
        runs, {}, part_options,
        [&](size_t k, const WriteThrough& write) {
          Xapian::WritableDatabase db(part_paths[k].string(),
                                      Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC,
                                      schema::kBlockSize);
          BatchWriter batch(db, part_options.commit_every_passages);
          write(batch);
          batch.finish();
        },
        writers);
    fs::path merged = compaction_workspace(database);
    clear_workspace(merged);
    Xapian::Database sources;
    for (const fs::path& part : part_paths) sources.add_database(Xapian::Database(part.string()));
    auto merge_started = std::chrono::steady_clock::now();
    CompactionReport merge;
    for (const fs::path& part : part_paths) merge.bytes_before += database_bytes(part);
    PartsCompactor compactor;
    sources.compact(merged.string(), kCompactionLevel, schema::kBlockSize, compactor);
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
    remove_index_files(compaction_workspace(database));
    throw;
  }
  discard_parts_leftovers(database);
  for (IndexReport& part : reports) append_report(report, std::move(part));
}

}  // namespace fahras
