// The public library facade (include/fahras/fahras.h) over the indexer and
// searcher libraries. The command-line tools and the HTTP service use it.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "fahras/fahras.h"
#include "fahras/schema.h"
#include "file_state.h"
#include "highlighter.h"
#include "index_directory.h"
#include "index_run.h"
#include "passage_document.h"
#include "record_ingest.h"
#include "searcher.h"

namespace fahras {
namespace {

ChangeReport to_change_report(IndexReport&& r) {
  ChangeReport out;
  out.added = std::move(r.added);
  out.updated = std::move(r.updated);
  out.removed = std::move(r.removed);
  out.unchanged = std::move(r.unchanged);
  for (auto& s : r.skipped) out.skipped.emplace_back(std::move(s.file), std::move(s.reason));
  out.passages_written = r.passages_written;
  out.seconds = r.seconds;
  out.warnings = std::move(r.warnings);
  return out;
}

std::runtime_error error_about(const std::string& what, const Xapian::Error& e) {
  return std::runtime_error(what + ": " + e.get_description());
}

}  // namespace

std::string mark_snippet(const Match& match, const std::string& before, const std::string& after,
                         size_t max_bytes) {
  SnippetStyle style;
  style.before = before;
  style.after = after;
  style.max_bytes = max_bytes;
  return make_snippet(match.text, match.highlights, style);
}

struct Index::Impl {
  std::string name;  // for messages
  std::vector<std::string> databases, spelling;
  std::optional<Xapian::WritableDatabase> writer;
  std::unique_ptr<Searcher> searcher;
  std::vector<std::string> pending;  // JSON Lines not yet written

  void require_writer() const {
    if (!writer)
      throw std::runtime_error(name +
                               ": not open for writing (opened read-only, or another process "
                               "took the index while it was compacted)");
  }

  // Runs a read, retrying after reopening when a writer's commit or a
  // compaction overtook it (DatabaseModifiedError, or files of two databases
  // while a compaction swapped them in) up to kReadAttempts times. Overtaken
  // by commits, it goes on, a millisecond apart, until kRetryReadsFor has
  // passed: a reader is overtaken when two commits land during one read, so
  // while writers commit faster than a loaded machine searches, every
  // attempt can be; the read then waits for their pause instead of failing.
  template <typename Read>
  auto read_retrying(Read&& read) {
    constexpr int kReadAttempts = 6;
    constexpr auto kRetryReadsFor = std::chrono::seconds(2);
    const auto started = std::chrono::steady_clock::now();
    auto give_up = [&](int attempt, bool overtaken_by_commits) {
      if (attempt < kReadAttempts) return false;
      if (!overtaken_by_commits || std::chrono::steady_clock::now() - started >= kRetryReadsFor)
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return false;
    };
    for (int attempt = 1;; ++attempt) {
      try {
        return read(reader());
      } catch (const Xapian::DatabaseModifiedError&) {
        if (give_up(attempt, true)) throw;
      } catch (const Xapian::DatabaseCorruptError&) {  // opened mid-swap (compaction.h)
        if (give_up(attempt, false)) throw;
      } catch (const Xapian::DatabaseOpeningError&) {     // reopened mid-swap: the same
        if (!searcher || give_up(attempt, false)) throw;  // never opened: no such index
      }
    }
  }

  Searcher& reader() {
    if (writer) commit();
    if (!searcher)
      searcher = std::make_unique<Searcher>(databases, spelling);
    else
      searcher->refresh();
    return *searcher;
  }

  IndexReport apply(std::istream& in, const std::string& source) {
    require_writer();
    return ingest_records(*writer, in, source);
  }

  void flush() {
    if (pending.empty()) return;
    std::string lines;
    for (const std::string& l : pending) lines += l + "\n";
    pending.clear();
    std::istringstream in(lines);
    IndexReport report = apply(in, "put");
    if (!report.skipped.empty())
      throw std::runtime_error(name + ": " + report.skipped.front().file + ": " +
                               report.skipped.front().reason);
  }

  void commit() {
    flush();
    writer->commit();
  }

  // Compacts the index in place, then reopens the writer on the compacted
  // copy: it still holds the old copy's files, and writes there would be lost.
  CompactionResult compact() {
    const std::string& path = databases.front();
    CompactionReport report;
    try {
      report = compact_in_place({path});
    } catch (const Xapian::Error& e) {
      throw error_about(path, e);
    }
    writer.reset();
    try {
      writer.emplace(path, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      throw IndexBusy(path + ": another process took the index while it was compacted");
    } catch (const Xapian::Error& e) {
      throw error_about(path, e);
    }
    return {report.bytes_before, report.bytes_after, report.seconds};
  }

  // After a commit: compacts when the changes since the last compaction are
  // due (compaction.h). A failure is a warning; the index is as it was.
  std::optional<CompactionResult> compact_when_due(std::vector<std::string>& warnings) {
    if (!compaction_due(passages_changed_since_compaction(*writer), writer->get_doccount()))
      return std::nullopt;
    try {
      return compact();
    } catch (const std::exception& e) {  // IndexBusy too: the writes are committed
      warnings.push_back(std::string("not compacted: ") + e.what());
      return std::nullopt;
    }
  }
};

Index::Index(const std::string& path, Mode mode) : impl_(std::make_unique<Impl>()) {
  impl_->name = path;
  impl_->databases = {path};
  try {
    if (mode == kWritable) {
      check_index_path(path);
      impl_->writer.emplace(path, Xapian::DB_CREATE_OR_OPEN, schema::kBlockSize);
    }
  } catch (const Xapian::DatabaseLockError& e) {
    throw IndexBusy(path + ": another process is writing this index");
  } catch (const Xapian::Error& e) {
    throw error_about(path, e);
  }
}

Index::Index(const std::vector<std::string>& databases, const std::vector<std::string>& spelling)
    : impl_(std::make_unique<Impl>()) {
  if (databases.empty()) throw std::invalid_argument("no database to open");
  impl_->databases = databases;
  impl_->spelling = spelling;
  for (const std::string& d : databases) impl_->name += (impl_->name.empty() ? "" : ", ") + d;
  try {
    impl_->reader();  // fail now, not on the first search
  } catch (const Xapian::Error& e) {
    throw error_about(impl_->name, e);
  }
}

Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

void Index::put(const Document& d) {
  impl_->require_writer();
  if (d.id.empty()) throw std::invalid_argument("a document needs an id");
  nlohmann::json j = {{"id", d.id}, {"title", d.title}, {"text", d.text}};
  if (!d.url.empty()) j["url"] = d.url;
  if (!d.date.empty()) j["date"] = d.date;
  impl_->pending.push_back(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void Index::put(const std::vector<Document>& documents) {
  for (const Document& d : documents) put(d);
}

bool Index::remove(const std::string& id) {
  impl_->flush();
  std::istringstream in(nlohmann::json({{"id", id}, {"deleted", true}}).dump());
  return !impl_->apply(in, "remove").removed.empty();
}

void Index::commit() {
  if (!impl_->writer) return;
  impl_->commit();
  std::vector<std::string> ignored;  // the next commit tries again
  impl_->compact_when_due(ignored);
}

ChangeReport Index::ingest(std::istream& jsonl, const std::string& source_name) {
  impl_->flush();
  ChangeReport report = to_change_report(impl_->apply(jsonl, source_name));
  impl_->writer->commit();
  report.compaction = impl_->compact_when_due(report.warnings);
  return report;
}

CompactionResult Index::compact() {
  impl_->require_writer();
  impl_->commit();
  return impl_->compact();
}

Results Index::search(const std::string& query, const SearchParameters& parameters) {
  try {
    SearchOptions options;
    options.limit = parameters.limit;
    options.offset = parameters.offset;
    options.per_article = parameters.per_document;
    if (parameters.rerank_depth > 0) options.rerank_depth = parameters.rerank_depth;
    options.time_budget_ms = parameters.time_budget_ms;
    for (const auto& [name, value] : parameters.ranking_weights)
      if (!options.weights.set(name, value))
        throw std::invalid_argument("no ranking weight named '" + name + "'");
    options.abandoned = parameters.abandoned;
    SearchResult r = impl_->read_retrying([&](Searcher& s) { return s.search(query, options); });
    Results out{r.query, r.total, !r.total_exact, r.took_ms, r.suggestion, {}, r.notices, {}};
    const SearchTimings& t = r.timings;
    out.stages = {
        {"plan", t.plan},           {"match", t.match},    {"term_matches", t.term_matches},
        {"locations", t.locations}, {"rerank", t.rerank},  {"fetch", t.fetch},
        {"highlight", t.highlight}, {"suggest", t.suggest}};
    for (Hit& h : r.hits) {
      Match m;
      m.rank = h.rank;
      m.score = h.score;
      m.id = std::move(h.file);
      m.line = h.line;
      m.window = h.window;
      m.title = std::move(h.title);
      m.heading = std::move(h.heading);
      m.text = std::move(h.text);
      m.highlights = std::move(h.highlights);
      m.snippet = mark_snippet(m, "<b>", "</b>");
      m.url = std::move(h.url);
      m.date = std::move(h.date);
      m.place = std::move(h.place);
      out.matches.push_back(std::move(m));
    }
    return out;
  } catch (const Xapian::Error& e) {
    throw error_about(impl_->name, e);
  }
}

std::optional<std::string> Index::suggest(const std::string& query) {
  try {
    return impl_->read_retrying([&](Searcher& s) { return s.suggestion_for(query); });
  } catch (const Xapian::Error& e) {
    throw error_about(impl_->name, e);
  }
}

std::string Index::explain(const std::string& query) {
  return impl_->reader().describe_query(query);
}

std::optional<StoredDocument> Index::document(const std::string& id, size_t offset, size_t limit,
                                              size_t max_bytes) {
  DocumentView view;
  view.offset = offset;
  view.limit = limit;
  view.max_bytes = max_bytes;
  return document(id, view);
}

std::optional<StoredDocument> Index::document(const std::string& id, const DocumentView& view) {
  try {
    return impl_->read_retrying([&](Searcher& s) -> std::optional<StoredDocument> {
      Xapian::Database& db = s.database();
      std::string term = schema::article_term(id);
      // Every passage's place first (a value each), then the text of the
      // page's passages only: memory follows the page, not the document.
      struct Place {
        uint32_t line;
        uint32_t window;
        Xapian::docid docid;
      };
      std::vector<Place> places;
      for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        Xapian::Document d = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
        auto number = [&](unsigned slot) {
          std::string v = d.get_value(slot);
          return v.empty() ? 0u : static_cast<uint32_t>(Xapian::sortable_unserialise(v));
        };
        std::string file;
        uint32_t line = 0;
        if (!schema::parse_location_value(d.get_value(schema::kSlotLocation), file, line))
          line = number(schema::kSlotLine);  // written before the location slot
        places.push_back({line, number(schema::kSlotWindow), *p});
      }
      if (places.empty()) return std::nullopt;
      std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
        return std::tie(a.line, a.window, a.docid) < std::tie(b.line, b.window, b.docid);
      });
      size_t offset = view.offset;
      if (view.around_line != 0) {
        auto at = std::lower_bound(places.begin(), places.end(), view.around_line,
                                   [](const Place& p, unsigned line) { return p.line < line; });
        size_t index = static_cast<size_t>(at - places.begin());
        size_t before = view.limit == SIZE_MAX ? index : view.limit / 2;
        offset = index > before ? index - before : 0;
      }
      PassageData first = passage_data_of(db.get_document(places.front().docid));
      if (first.title.empty()) first.title = s.article_title(places.front().docid, id);
      StoredDocument out{id, first.title, first.url, first.date, {}, offset, places.size()};
      size_t bytes = 0;
      for (size_t i = offset;
           i < places.size() && i - offset < view.limit && bytes < view.max_bytes; ++i) {
        PassageData p = passage_data_of(db.get_document(places[i].docid));
        bytes += p.text.size();
        out.passages.push_back({p.line, p.window, std::move(p.text), std::move(p.place), {}});
      }
      if (!view.query.empty()) {
        std::vector<std::string> texts;
        for (const auto& p : out.passages) texts.push_back(p.text);
        std::vector<std::vector<ByteRange>> found = s.highlights_in(view.query, texts);
        for (size_t i = 0; i < out.passages.size(); ++i)
          out.passages[i].highlights = std::move(found[i]);
      }
      return out;
    });
  } catch (const Xapian::Error& e) {
    throw error_about(impl_->name, e);
  }
}

std::optional<std::filesystem::path> Index::original_file(const std::string& id) {
  try {
    return impl_->read_retrying([&](Searcher& s) -> std::optional<std::filesystem::path> {
      Xapian::Database& db = s.database();
      std::optional<FileState> state =
          FileState::decode(db.get_metadata(schema::file_state_key(id)));
      if (!state || state->folder == 0) return std::nullopt;
      auto folders = parse_folders(db.get_metadata(std::string(schema::kMetaFolders)));
      auto folder = folders.find(state->folder);
      if (folder == folders.end()) return std::nullopt;
      std::error_code error;
      std::filesystem::path root = std::filesystem::canonical(folder->second, error);
      if (error) return std::nullopt;
      if (!std::filesystem::is_directory(root, error)) root = root.parent_path();
      std::filesystem::path file = std::filesystem::canonical(root / id, error);
      if (error || !std::filesystem::is_regular_file(file, error) || !path_within(file, root))
        return std::nullopt;
      return file;
    });
  } catch (const Xapian::Error& e) {
    throw error_about(impl_->name, e);
  }
}

Stats Index::stats() {
  try {
    return impl_->read_retrying([&](Searcher& searcher) {
      Xapian::Database& db = searcher.database();
      Stats s;
      s.passages = db.get_doccount();
      const std::string prefix(schema::kArticlePrefix);
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) ++s.documents;
      s.average_passage_length = db.get_avlength();
      s.databases = impl_->databases.size();
      std::error_code error;
      std::filesystem::path version = std::filesystem::path(impl_->databases[0]) / "iamglass";
      if (impl_->databases.size() == 1 && std::filesystem::is_regular_file(version, error)) {
        s.revision = db.get_revision();
        s.last_watch_batch = db.get_metadata(std::string(schema::kMetaWatchBatch));
        auto written = std::filesystem::last_write_time(version, error);
        if (!error)
          s.last_commit_seconds = std::chrono::duration<double>(
                                      std::chrono::file_clock::to_sys(written).time_since_epoch())
                                      .count();
      }
      return s;
    });
  } catch (const Xapian::Error& e) {
    throw error_about(impl_->name, e);
  }
}

}  // namespace fahras
