// The incremental indexing run (see index_run.h).
#include "index_run.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "analysis_version.h"
#include "analyzer.h"
#include "batch_writer.h"
#include "bulk_build.h"
#include "corpus_scan.h"
#include "fahras/schema.h"
#include "file_indexing.h"
#include "file_state.h"
#include "index_directory.h"
#include "parallel_build.h"
#include "passage_dictionary.h"
#include "record_ingest.h"
#include "shards.h"
#include "synonyms.h"

namespace fahras {
namespace {

std::map<std::string, FileState> stored_states(const Xapian::Database& db) {
  std::map<std::string, FileState> states;
  const std::string prefix(schema::kMetaFileStatePrefix);
  for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
    std::string key = *k;
    if (auto s = FileState::decode(db.get_metadata(key))) states[key.substr(prefix.size())] = *s;
  }
  return states;
}

// The text of the first corpus root's synonyms.csv ("" when there is none),
// its malformed lines reported.
std::string read_synonyms(const std::vector<std::filesystem::path>& roots, IndexReport& report) {
  for (const auto& root : roots) {
    std::filesystem::path file = root / kSynonymsFileName;
    if (!std::filesystem::is_regular_file(file)) continue;
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) > kMaxSynonymsFileBytes) {
      report.warnings.push_back(file.string() + ": larger than " +
                                std::to_string(kMaxSynonymsFileBytes >> 20) +
                                " MB: not read (the index keeps no synonyms)");
      return {};
    }
    std::string error;
    if (auto content = read_whole_file(file, error)) {
      std::vector<SynonymParseError> errors;
      report.synonym_groups = Synonyms::parse(*content, &errors).group_count();
      for (const auto& e : errors)
        report.warnings.push_back(file.string() + ":" + std::to_string(e.line) + ": " + e.message);
      return *content;
    }
    report.warnings.push_back(file.string() + ": " + error);
    return {};
  }
  return {};
}

// Writes the shards' files each on a thread of its own (their writers are
// independent databases), then reports the files in `files`' order, as one
// writer would.
void index_shards_in_parallel(const std::vector<const CorpusFile*>& files,
                              const std::map<std::string, FileState>& stored,
                              const IndexOptions& options,
                              const std::vector<std::unique_ptr<BatchWriter>>& batches,
                              IndexReport& report) {
  size_t shards = batches.size();
  std::vector<std::vector<const CorpusFile*>> of_shard(shards);
  std::map<std::string, size_t> order;  // file id -> its place in `files`
  for (size_t i = 0; i < files.size(); ++i) {
    of_shard[shard_of(files[i]->id, shards)].push_back(files[i]);
    order[files[i]->id] = i;
  }
  std::vector<IndexReport> reports = index_groups_in_parallel(
      of_shard, stored, options, [&](size_t k, const WriteThrough& write) { write(*batches[k]); });
  // Each list in the files' order; a warning starts with its file's id.
  auto place = [&](const std::string& text) {
    for (size_t end = text.find(':'); end != std::string::npos; end = text.find(':', end + 1))
      if (auto found = order.find(text.substr(0, end)); found != order.end()) return found->second;
    return files.size();
  };
  IndexReport merged;
  for (IndexReport& r : reports) append_report(merged, std::move(r));
  auto in_order = [&](auto& items, auto key) {
    std::stable_sort(items.begin(), items.end(),
                     [&](const auto& a, const auto& b) { return place(key(a)) < place(key(b)); });
  };
  auto id = [](const std::string& s) { return s + ":"; };
  in_order(merged.added, id);
  in_order(merged.updated, id);
  in_order(merged.unchanged, id);
  in_order(merged.skipped, [](const IndexReport::Skip& s) { return s.file + ":"; });
  in_order(merged.warnings, [](const std::string& s) { return s; });
  append_report(report, std::move(merged));
}

// How many parts of a new index of `files` are written at a time
// (parallel_build.h): the writers asked for, or one per core; never more than
// the files.
size_t parts_for(const IndexOptions& options, size_t files) {
  size_t parts = options.writers ? options.writers : std::thread::hardware_concurrency();
  return std::min(std::max<size_t>(parts, 1), files);
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
  check_index_path(options.database, options.corpus_roots);
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
      create_database_atomically(path);
      writers.emplace_back(path.string(), flags, schema::kBlockSize);
      discard_compaction_leftovers(path);
      discard_parts_leftovers(path);
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

  CorpusScan scan = scan_corpus(options.corpus_roots, ScanOptions{options.follow_links});
  for (const SkippedFile& s : scan.skipped) report.skipped.push_back({s.path, s.reason});

  // Ids that documents posted or read from JSON Lines hold (record_ingest.h):
  // a corpus file of the same id is skipped, never replaces it.
  std::optional<Xapian::Database> records;  // a plain index's (JSON Lines need one)
  if (paths.size() == 1 && !writers.empty())
    records = writers[0];
  else if (paths.size() == 1 && std::filesystem::exists(paths[0]))
    records = Xapian::Database(paths[0].string());
  auto posted = [&](const std::string& id) {
    return records && !records->get_metadata(record_state_key(id)).empty();
  };
  std::vector<const CorpusFile*> candidates;
  std::set<std::string> taken;              // corpus files whose id a posted document holds
  std::map<uint64_t, std::string> folders;  // recorded in the (first) database
  if (!writers.empty())
    folders = parse_folders(writers[0].get_metadata(std::string(schema::kMetaFolders)));
  else if (std::filesystem::exists(paths[0]))
    folders = parse_folders(
        Xapian::Database(paths[0].string()).get_metadata(std::string(schema::kMetaFolders)));
  std::set<uint64_t> given(scan.folder_tags.begin(), scan.folder_tags.end());
  std::vector<std::pair<std::string, FileState>> attributed;  // states given their folder
  for (const CorpusFile& f : scan.files) {
    if (posted(f.id)) {
      taken.insert(f.id);
      report.skipped.push_back({f.path.string(), "a posted document holds the id " + f.id +
                                                     ": the file is not indexed; delete that "
                                                     "document or rename the file"});
      continue;
    }
    auto it = stored.find(f.id);
    if (it != stored.end() && it->second.folder != 0 && it->second.folder != f.folder &&
        !options.prune) {
      // Another folder's article holds the id: while that folder exists,
      // the file is not indexed over it; a folder gone hands it over.
      auto other = folders.find(it->second.folder);
      std::error_code ec;
      if (other != folders.end() && !given.count(other->first) &&
          std::filesystem::exists(other->second, ec)) {
        report.skipped.push_back({f.path.string(), "the article " + f.id + " from " +
                                                       other->second +
                                                       " holds this id: the file is not "
                                                       "indexed (rename it, or --prune)"});
        continue;
      }
    }
    bool same_stat =
        it != stored.end() && it->second.size == f.size && it->second.mtime_ns == f.mtime_ns;
    if (same_stat && !effective.full) {
      report.unchanged.push_back(f.id);
      if (it->second.folder != f.folder) {  // recorded before folders were, or moved
        FileState moved = it->second;
        moved.folder = f.folder;
        attributed.emplace_back(f.id, moved);
      }
    } else {
      candidates.push_back(&f);
    }
  }

  // A new index gets a dictionary trained on its passages; an index compresses
  // with the one it holds (one for all shards: the first shard's, when all
  // hold it), or with none.
  bool new_index = !options.dry_run && stored.empty();
  for (const auto& writer : writers) new_index = new_index && writer.get_lastdocid() == 0;
  if (new_index) {
    effective.passage_dictionary = PassageDictionary::train(dictionary_samples(candidates));
  } else {
    for (size_t k = 0; k < writers.size(); ++k) {
      auto held = load_passage_dictionary(writers[k]);
      if (k == 0) effective.passage_dictionary = held;
      if (held != effective.passage_dictionary) effective.passage_dictionary = nullptr;
    }
  }
  std::string dictionary_bytes =
      effective.passage_dictionary ? effective.passage_dictionary->bytes() : std::string();

  // A new index: built in parallel parts and swapped in whole.
  // (--no-compact asks for no compacted copy: one writer then.)
  if (new_index && shards == 1 && options.compaction != CompactionPolicy::kNever &&
      parts_for(options, candidates.size()) > 1) {
    IndexReport synonyms_report;
    std::map<std::string, std::string> metadata = {
        {std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion)},
        {std::string(schema::kMetaAnalysisVersion), std::string(kAnalysisVersion)},
        {std::string(schema::kMetaSynonyms), read_synonyms(options.corpus_roots, synonyms_report)},
        {std::string(schema::kMetaPassageDictionary), dictionary_bytes}};
    std::map<uint64_t, std::string> held;
    for (size_t k = 0; k < scan.folders.size(); ++k) held[scan.folder_tags[k]] = scan.folders[k];
    metadata[std::string(schema::kMetaFolders)] = format_folders(held);
    // The writer must have nothing to commit: it would write into the
    // directory the new index is swapped into.
    writers[0].commit();
    std::string failure;
    try {
      build_in_parts(paths[0], candidates, effective, parts_for(options, candidates.size()),
                     metadata, report);
    } catch (const Xapian::Error& e) {
      failure = e.get_description();
    } catch (const std::exception& e) {
      failure = e.what();
    }
    if (failure.empty()) {
      for (const auto& [tag, path] : held) report.folders.push_back(path);
      std::sort(report.folders.begin(), report.folders.end());
      report.warnings.insert(report.warnings.end(), synonyms_report.warnings.begin(),
                             synonyms_report.warnings.end());
      report.synonym_groups = synonyms_report.synonym_groups;
      report.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      return report;
    }
    // The index is as it was, empty: one writer builds it.
    report.warnings.push_back("not built in parallel parts (" + failure +
                              "): written by one writer");
  }

  // One batch per shard; an article and its state live in shard_of(id).
  std::vector<std::unique_ptr<BatchWriter>> batches;
  for (size_t k = 0; k < writers.size(); ++k) {
    batches.push_back(std::make_unique<BatchWriter>(writers[k], options.commit_every_passages));
    if (new_index && !dictionary_bytes.empty())
      batches.back()->set_metadata(std::string(schema::kMetaPassageDictionary), dictionary_bytes);
    // A new index's first commit already says which analysis made its terms:
    // a run killed after it leaves files that the next run need not redo.
    if (stored.empty() &&
        writers[k].get_metadata(std::string(schema::kMetaAnalysisVersion)) != kAnalysisVersion)
      batches.back()->set_metadata(std::string(schema::kMetaAnalysisVersion),
                                   std::string(kAnalysisVersion));
    if (reanalyzed[k]) batches.back()->restart_key_vocabulary();
    if (writers[k].spellings_begin() != writers[k].spellings_end())
      batches.back()->drop_spelling_table();
  }
  auto batch_for = [&](const std::string& id) -> BatchWriter* {
    return batches.empty() ? nullptr : batches[shard_of(id, shards)].get();
  };
  if (batches.size() > 1) {
    index_shards_in_parallel(candidates, stored, effective, batches, report);
  } else {
    size_t files_done = 0;
    index_files(candidates, stored, effective, batch_for, report, [&] {
      if (options.progress) options.progress(++files_done, candidates.size());
    });
  }

  std::map<std::string, bool> present;
  for (const CorpusFile& f : scan.files) present[f.id] = true;
  size_t kept_unreadable = 0, kept_other = 0;
  for (const auto& [id, state] : stored) {
    if (present.count(id) && !taken.count(id)) continue;
    if (taken.count(id)) {
      // A file state left beside a posted document of its id (an index from
      // before ids were kept apart): the passages are the document's; only
      // the stale state goes.
      if (BatchWriter* batch = batch_for(id)) batch->set_metadata(schema::file_state_key(id), "");
      continue;
    }
    if (scan.may_hold(id)) {  // under a folder that cannot be read now
      ++kept_unreadable;
      continue;
    }
    if (!options.prune && !given.count(state.folder)) {  // another folder's, or unknown
      ++kept_other;
      continue;
    }
    if (options.stop_requested && options.stop_requested()) {  // between articles, as above
      report.stopped = true;
      break;
    }
    report.removed.push_back(id);
    if (BatchWriter* batch = batch_for(id)) batch->remove_article(id, schema::file_state_key(id));
  }
  if (kept_unreadable)
    report.warnings.push_back(
        std::to_string(kept_unreadable) +
        " article(s) kept as indexed: their folder or file cannot be read now");
  if (kept_other)
    report.warnings.push_back(std::to_string(kept_other) +
                              " article(s) of other folders, or indexed before folders were "
                              "recorded, not found here and kept (--prune removes them)");
  for (const auto& [id, state] : attributed)
    if (BatchWriter* batch = batch_for(id))
      batch->set_metadata(schema::file_state_key(id), state.encode());
  std::map<uint64_t, std::string> now_held =
      options.prune ? std::map<uint64_t, std::string>{} : folders;
  for (size_t k = 0; k < scan.folders.size(); ++k) now_held[scan.folder_tags[k]] = scan.folders[k];
  for (const auto& [tag, path] : now_held) report.folders.push_back(path);
  std::sort(report.folders.begin(), report.folders.end());
  if (!batches.empty() && now_held != folders)
    batches.front()->set_metadata(std::string(schema::kMetaFolders), format_folders(now_held));
  if (!writers.empty()) {
    std::string synonyms = read_synonyms(options.corpus_roots, report);
    const std::string key(schema::kMetaSynonyms);
    if (writers.front().get_metadata(key) != synonyms) batches.front()->set_metadata(key, synonyms);
  }
  if (!options.batch_reason.empty() && !batches.empty() &&
      !(report.added.empty() && report.updated.empty() && report.removed.empty())) {
    std::string batch =
        std::to_string(static_cast<long long>(std::time(nullptr))) + ' ' +
        std::to_string(report.added.size()) + ' ' + std::to_string(report.updated.size()) + ' ' +
        std::to_string(report.removed.size()) + ' ' + std::to_string(report.skipped.size()) + ' ' +
        std::to_string(report.passages_written) + ' ' + options.batch_reason;
    batches.front()->set_metadata(std::string(schema::kMetaWatchBatch), batch);
  }
  const std::string analysis_key(schema::kMetaAnalysisVersion);
  for (size_t k = 0; k < batches.size(); ++k) {
    if (writers[k].get_metadata(analysis_key) != kAnalysisVersion)
      batches[k]->set_metadata(analysis_key, std::string(kAnalysisVersion));
    batches[k]->finish();
    report.passages_deleted += batches[k]->passages_deleted();
  }
  for (const auto& path : created) sync_database_files(path);
  if (!options.dry_run && !report.stopped) {
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
