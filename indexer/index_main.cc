// fahras-index: builds and incrementally updates a Fahras index.
//
// Usage: fahras-index [--db DIR] [--full] [--dry-run] [--json] [CORPUS_DIR...]
//        fahras-index [--db DIR] --watch [CORPUS_DIR...]
//        fahras-index [--db DIR] [--json] --jsonl FILE|-
// Either form takes --compact or --no-compact (compaction.h).
// Exit status: 0 all files indexed or unchanged; 1 the run finished but some
// files were skipped (listed with reasons); 2 error, nothing more written.
// --watch runs until SIGINT or SIGTERM, then exits 0 (watch_loop.h).
#include <unistd.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

#include "allocator_tuning.h"
#include "bulk_build.h"
#include "fahras/schema.h"
#include "index_directory.h"
#include "index_report.h"
#include "index_run.h"
#include "record_ingest.h"
#include "shards.h"
#include "watch_loop.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "fahras-index";

void draw_progress(size_t done, size_t total) {
  constexpr int kWidth = 30;
  int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
            << done << "/" << total << " files" << (done == total ? "\n" : "") << std::flush;
}

fahras::IndexReport ingest(const fahras::IndexOptions& options, const std::string& source) {
  if (fahras::existing_shard_count(options.database) > 1 || options.shards > 1)
    throw std::runtime_error(options.database.string() +
                             ": --jsonl writes a plain index, not shards");
  fahras::check_index_path(options.database);
  fahras::create_database_atomically(options.database);
  Xapian::WritableDatabase db(options.database.string(), Xapian::DB_CREATE_OR_OPEN,
                              fahras::schema::kBlockSize);
  fahras::discard_compaction_leftovers(options.database);
  fahras::IndexReport report;
  if (source == "-") {
    report = fahras::ingest_records(db, std::cin, "<stdin>");
  } else {
    std::ifstream in(source, std::ios::binary);
    if (!in) throw std::runtime_error(source + ": cannot open");
    report = fahras::ingest_records(db, in, source);
  }
  // Still holding the writer: no other writer can slip in before the exchange.
  fahras::compact_if_due({options.database}, db.get_doccount(),
                         fahras::passages_changed_since_compaction(db), options.compaction, report);
  return report;
}

}  // namespace

int main(int argc, char** argv) {
  fahras::hold_freed_memory();
  po::options_description visible("Usage: fahras-index [options] [CORPUS_DIR...]\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value<std::string>()->default_value("fahras.db"), "index database directory")(
      "full", "reindex every file, ignoring the stored state")(
      "dry-run,n", "list what would change; write nothing")("json", "print the report as JSON")(
      "jsonl", po::value<std::string>(),
      "ingest JSON Lines records from FILE ('-': standard input) "
      "instead of a corpus")("threads", po::value<unsigned>()->default_value(0),
                             "analysis threads (0: one per spare core)")(
      "writers", po::value<unsigned>()->default_value(0),
      "a new index is written in N parts in parallel, then merged (0: one per core)")(
      "quiet,q", "no progress bar")(
      "prune",
      "also remove the articles of folders not given (by default a run removes only "
      "what vanished under the folders it is given)")(
      "follow-links", "follow symbolic links that lead outside every corpus root")(
      "shards", po::value<size_t>()->default_value(0),
      "build a new index as N shards (docs/scaling.md)")(
      "compact", "compact the index after the run even if it changed little")(
      "no-compact", "never compact, even after large changes")(
      "watch",
      "keep the index current: index, then again after each batch of changes "
      "(inotify), until SIGINT or SIGTERM")(
      "watch-quiet", po::value<unsigned>()->default_value(500),
      "--watch: a batch of changes ends after this many milliseconds without one")(
      "watch-poll", po::value<unsigned>()->default_value(2000),
      "--watch: milliseconds between scans when inotify cannot watch every directory");
  po::options_description all;
  all.add(visible).add_options()("corpus", po::value<std::vector<std::string>>(), "corpus roots");
  po::positional_options_description positional;
  positional.add("corpus", -1);

  fahras::IndexOptions options;
  bool json = false, watch = false;
  std::string jsonl;
  fahras::WatchSettings watch_settings;
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible
                << "\nIndexes *.txt files under each CORPUS_DIR (default: corpus) into --db.\n"
                   "Exit status: 0 done, 1 done but files were skipped, 2 error.\n";
      return 0;
    }
    options.database = vm["db"].as<std::string>();
    for (const auto& root : vm.count("corpus") ? vm["corpus"].as<std::vector<std::string>>()
                                               : std::vector<std::string>{"corpus"})
      options.corpus_roots.emplace_back(root);
    options.full = vm.count("full") > 0;
    options.dry_run = vm.count("dry-run") > 0;
    options.threads = vm["threads"].as<unsigned>();
    options.writers = vm["writers"].as<unsigned>();
    options.shards = vm["shards"].as<size_t>();
    options.follow_links = vm.count("follow-links") > 0;
    options.prune = vm.count("prune") > 0;
    if (vm.count("compact") && vm.count("no-compact"))
      throw std::runtime_error("--compact and --no-compact exclude each other");
    if (vm.count("compact")) options.compaction = fahras::CompactionPolicy::kAlways;
    if (vm.count("no-compact")) options.compaction = fahras::CompactionPolicy::kNever;
    json = vm.count("json") > 0;
    if (vm.count("jsonl")) jsonl = vm["jsonl"].as<std::string>();
    watch = vm.count("watch") > 0;
    if (watch && (!jsonl.empty() || options.dry_run || json))
      throw std::runtime_error("--watch excludes --jsonl, --dry-run and --json");
    watch_settings.quiet = std::chrono::milliseconds(vm["watch-quiet"].as<unsigned>());
    watch_settings.poll =
        std::chrono::milliseconds(std::max(100u, vm["watch-poll"].as<unsigned>()));
    if (!json && !vm.count("quiet") && isatty(STDERR_FILENO)) options.progress = draw_progress;
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    return 2;
  }

  if (watch) return fahras::watch_corpus(options, watch_settings, kProgram, std::cerr);
  try {
    fahras::IndexReport report =
        jsonl.empty() ? fahras::run_index(options) : ingest(options, jsonl);
    fahras::print_report_problems(report, kProgram, std::cerr);
    if (json)
      fahras::print_report_json(report, options.dry_run, std::cout);
    else
      fahras::print_report_text(report, options.dry_run, std::cout);
    return report.skipped.empty() ? 0 : 1;
  } catch (const Xapian::DatabaseLockError&) {
    std::cerr << kProgram << ": " << options.database.string()
              << " is locked: another fahras-index is writing it\n";
  } catch (const Xapian::Error& e) {
    std::cerr << kProgram << ": " << options.database.string() << ": " << e.get_description()
              << '\n';
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << '\n';
  }
  return 2;
}
