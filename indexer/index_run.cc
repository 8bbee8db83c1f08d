// The incremental indexing run (see index_run.h).
#include "index_run.h"

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "analysis_version.h"
#include "analyzer.h"
#include "batch_writer.h"
#include "bulk_build.h"
#include "corpus_scan.h"
#include "fahras/schema.h"
#include "file_state.h"
#include "passage_document.h"
#include "passages.h"
#include "shards.h"
#include "synonyms.h"
#include "utf8.h"

namespace fahras {
namespace {

constexpr size_t kMaxFilesAhead = 64;  // bounds memory held by finished, unwritten files

// A file read and analyzed by a worker, ready for the writer.
struct PreparedFile {
  FileState state;
  bool skipped = false;
  bool content_unchanged = false;  // same hash as stored: only the state moves
  std::string skip_reason;
  std::vector<PassageDocument> documents;
  std::vector<std::string> warnings;
};

std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open: " + std::string(std::strerror(errno));
    return std::nullopt;
  }
  std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return content;
}

// Offset of the first invalid UTF-8 sequence and how many there are.
std::pair<size_t, size_t> invalid_utf8(std::string_view s) {
  size_t first = std::string_view::npos, count = 0;
  char32_t c;
  for (size_t i = 0; i < s.size();) {
    size_t here = i;
    if (!decode_utf8(s, i, c)) {
      if (count++ == 0) first = here;
    }
  }
  return {first, count};
}

PreparedFile prepare(const CorpusFile& file, const std::optional<FileState>& stored, bool full,
                     bool analyze, PassageDocumentBuilder& builder) {
  PreparedFile out;
  std::string error;
  std::optional<std::string> content = read_file(file.path, error);
  if (!content) {
    out.skipped = true;
    out.skip_reason = error;
    return out;
  }
  out.state = {file.size, file.mtime_ns, content_hash(*content), 0};
  if (stored && !full && stored->content_hash == out.state.content_hash) {
    out.state.passages = stored->passages;
    out.content_unchanged = true;
    return out;
  }
  if (content->find('\0') != std::string::npos) {
    out.skipped = true;
    out.skip_reason = "binary file (contains NUL bytes)";
    return out;
  }
  auto [first_invalid, invalid_count] = invalid_utf8(*content);
  if (invalid_count > 0)
    out.warnings.push_back(file.id + ": invalid UTF-8 at byte " + std::to_string(first_invalid) +
                           " (" + std::to_string(invalid_count) +
                           " invalid sequences replaced by spaces)");
  Article article = split_article(*content);
  out.state.passages = static_cast<uint32_t>(article.passages.size());
  if (article.passages.empty())
    out.warnings.push_back(file.id + ": no passages (empty or no words)");
  if (!analyze) return out;
  size_t long_words = 0;
  for (const Passage& p : article.passages)
    out.documents.push_back(builder.build(file.id, article, p, long_words));
  if (long_words > 0)
    out.warnings.push_back(file.id + ": " + std::to_string(long_words) + " words longer than " +
                           std::to_string(schema::kMaxWordBytes) + " bytes not indexed");
  return out;
}

std::map<std::string, FileState> stored_states(const Xapian::Database& db) {
  std::map<std::string, FileState> states;
  const std::string prefix(schema::kMetaFileStatePrefix);
  for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
    std::string key = *k;
    if (auto s = FileState::decode(db.get_metadata(key))) states[key.substr(prefix.size())] = *s;
  }
  return states;
}

// Runs prepare() for candidates on worker threads, handing results to the
// caller in candidate order.
class PreparePipeline {
 public:
  PreparePipeline(const std::vector<const CorpusFile*>& files,
                  const std::map<std::string, FileState>& stored, const IndexOptions& options)
      : files_(files), stored_(stored), options_(options), results_(files.size()) {
    unsigned n = options.threads;
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency() - 1);
    for (unsigned i = 0; i < n; ++i) workers_.emplace_back([this] { work(); });
  }
  ~PreparePipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (auto& w : workers_) w.join();
  }

  PreparedFile take(size_t index) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return results_[index].has_value(); });
    PreparedFile out = std::move(*results_[index]);
    results_[index].reset();
    taken_ = index + 1;
    changed_.notify_all();
    return out;
  }

 private:
  void work() {
    PassageDocumentBuilder builder;
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] {
          return stop_ || next_ >= files_.size() || next_ < taken_ + kMaxFilesAhead;
        });
        if (stop_ || next_ >= files_.size()) return;
        index = next_++;
      }
      const CorpusFile& f = *files_[index];
      auto it = stored_.find(f.id);
      std::optional<FileState> stored;
      if (it != stored_.end()) stored = it->second;
      PreparedFile prepared;
      try {
        prepared = prepare(f, stored, options_.full, !options_.dry_run, builder);
      } catch (const std::exception& e) {
        prepared.skipped = true;
        prepared.skip_reason = std::string("analysis failed: ") + e.what();
      }
      {
        std::lock_guard lock(mutex_);
        results_[index] = std::move(prepared);
      }
      changed_.notify_all();
    }
  }

  const std::vector<const CorpusFile*>& files_;
  const std::map<std::string, FileState>& stored_;
  const IndexOptions& options_;
  std::vector<std::optional<PreparedFile>> results_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  size_t next_ = 0, taken_ = 0;
  bool stop_ = false;
};

// Copies the first corpus root's synonyms.csv into the index metadata (or
// clears it when there is none), reporting malformed lines.
void store_synonyms(Xapian::WritableDatabase& db, const std::vector<std::filesystem::path>& roots,
                    IndexReport& report) {
  std::string text;
  for (const auto& root : roots) {
    std::filesystem::path file = root / kSynonymsFileName;
    if (!std::filesystem::is_regular_file(file)) continue;
    std::string error;
    if (auto content = read_file(file, error)) {
      text = *content;
      std::vector<SynonymParseError> errors;
      report.synonym_groups = Synonyms::parse(text, &errors).group_count();
      for (const auto& e : errors)
        report.warnings.push_back(file.string() + ":" + std::to_string(e.line) + ": " + e.message);
    } else {
      report.warnings.push_back(file.string() + ": " + error);
    }
    break;
  }
  const std::string key(schema::kMetaSynonyms);
  if (db.get_metadata(key) != text) db.set_metadata(key, text);
}

}  // namespace

void compact_if_due(const std::vector<std::filesystem::path>& databases, size_t passages_held,
                    size_t passages_changed, CompactionPolicy policy, IndexReport& report) {
  if (policy == CompactionPolicy::kNever) return;
  if (policy == CompactionPolicy::kWhenDue && !compaction_due(passages_changed, passages_held))
    return;
  try {
    report.compaction = compact_in_place(databases);
  } catch (const Xapian::Error& e) {  // e.g. no space left for the copy
    report.warnings.push_back("not compacted: " + e.get_description());
  } catch (const std::exception& e) {
    report.warnings.push_back(std::string("not compacted: ") + e.what());
  }
}

IndexReport run_index(const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  IndexReport report;

  // A missing root would look like a corpus whose files were all deleted.
  for (const auto& root : options.corpus_roots)
    if (!std::filesystem::exists(root))
      throw std::runtime_error(root.string() + ": corpus root does not exist");
  size_t existing = existing_shard_count(options.database);
  size_t shards = options.shards ? options.shards : std::max<size_t>(existing, 1);
  if (existing && existing != shards)
    throw std::runtime_error(options.database.string() + " has " + std::to_string(existing) +
                             " shard(s), not " + std::to_string(shards) +
                             ": build a new index to reshard");
  std::vector<std::filesystem::path> paths = shard_paths(options.database, shards);
  if (!options.dry_run && shards > 1) std::filesystem::create_directories(options.database);
  std::vector<Xapian::WritableDatabase> writers;
  std::vector<std::filesystem::path> created;  // written without fsync until the end
  std::map<std::string, FileState> stored;
  std::vector<bool> reanalyzed;  // per database: made by another analysis version
  if (!options.dry_run) tune_flush_threshold();
  // Terms made by another version of the analysis chain would not match the
  // searcher's: every file is then analyzed again, as with --full.
  IndexOptions effective = options;
  for (const auto& path : paths) {
    Xapian::Database reader;
    if (options.dry_run) {
      if (std::filesystem::exists(path)) reader = Xapian::Database(path.string());
    } else {
      int flags = writer_flags(path);
      if (flags & Xapian::DB_NO_SYNC) created.push_back(path);
      writers.emplace_back(path.string(), flags);
      discard_compaction_leftovers(path);
      reader = writers.back();
      if (reader.get_metadata(std::string(schema::kMetaSchemaVersion)).empty())
        writers.back().set_metadata(std::string(schema::kMetaSchemaVersion),
                                    std::string(schema::kSchemaVersion));
    }
    std::map<std::string, FileState> states = stored_states(reader);
    std::string made_by = analysis_version_of(reader);
    reanalyzed.push_back(!states.empty() && made_by != kAnalysisVersion);
    if (reanalyzed.back()) {
      effective.full = true;
      report.warnings.push_back(path.string() + ": terms made by analysis version " + made_by +
                                ", this indexer makes version " + std::string(kAnalysisVersion) +
                                ": re-indexing every file");
    }
    stored.merge(states);
  }
  if (!options.dry_run && shards > 1) write_shard_stub(options.database, shards);

  CorpusScan scan = scan_corpus(options.corpus_roots);
  for (const SkippedFile& s : scan.skipped) report.skipped.push_back({s.path, s.reason});

  std::vector<const CorpusFile*> candidates;
  for (const CorpusFile& f : scan.files) {
    auto it = stored.find(f.id);
    bool same_stat =
        it != stored.end() && it->second.size == f.size && it->second.mtime_ns == f.mtime_ns;
    if (same_stat && !effective.full)
      report.unchanged.push_back(f.id);
    else
      candidates.push_back(&f);
  }

  // One batch per shard; an article and its state live in shard_of(id).
  std::vector<std::unique_ptr<BatchWriter>> batches;
  for (size_t k = 0; k < writers.size(); ++k) {
    batches.push_back(std::make_unique<BatchWriter>(writers[k], options.commit_every_passages));
    if (reanalyzed[k]) batches.back()->restart_key_vocabulary();
  }
  auto batch_for = [&](const std::string& id) -> BatchWriter* {
    return batches.empty() ? nullptr : batches[shard_of(id, shards)].get();
  };
  {
    PreparePipeline pipeline(candidates, stored, effective);
    for (size_t i = 0; i < candidates.size(); ++i) {
      const CorpusFile& f = *candidates[i];
      PreparedFile prepared = pipeline.take(i);
      bool was_indexed = stored.count(f.id) > 0;
      for (std::string& w : prepared.warnings) report.warnings.push_back(std::move(w));
      if (prepared.skipped) {
        report.skipped.push_back({f.id, prepared.skip_reason});
      } else if (prepared.content_unchanged) {
        report.unchanged.push_back(f.id);
        if (BatchWriter* batch = batch_for(f.id))
          batch->set_metadata(schema::file_state_key(f.id), prepared.state.encode());
      } else {
        (was_indexed ? report.updated : report.added).push_back(f.id);
        if (BatchWriter* batch = batch_for(f.id)) {
          batch->replace_article(f.id, prepared.documents, schema::file_state_key(f.id),
                                 prepared.state.encode());
          report.passages_written += prepared.documents.size();
        }
      }
      if (options.progress) options.progress(i + 1, candidates.size());
    }
  }

  std::map<std::string, bool> present;
  for (const CorpusFile& f : scan.files) present[f.id] = true;
  for (const auto& [id, state] : stored) {
    if (present.count(id)) continue;
    report.removed.push_back(id);
    if (BatchWriter* batch = batch_for(id)) batch->remove_article(id, schema::file_state_key(id));
  }
  if (!writers.empty()) store_synonyms(writers.front(), options.corpus_roots, report);
  const std::string analysis_key(schema::kMetaAnalysisVersion);
  for (size_t k = 0; k < batches.size(); ++k) {
    if (writers[k].get_metadata(analysis_key) != kAnalysisVersion)
      batches[k]->set_metadata(analysis_key, std::string(kAnalysisVersion));
    batches[k]->finish();
    report.passages_deleted += batches[k]->passages_deleted();
  }
  for (const auto& path : created) sync_database_files(path);
  if (!options.dry_run) {
    size_t held = 0, changed = 0;
    for (const auto& w : writers) {
      held += w.get_doccount();
      changed += passages_changed_since_compaction(w);
    }
    compact_if_due(paths, held, changed, options.compaction, report);
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace fahras
