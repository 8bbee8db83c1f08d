// Reading, analyzing and writing files (see file_indexing.h).
#include "file_indexing.h"

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "content_check.h"
#include "document_formats.h"
#include "fahras/schema.h"
#include "passage_dictionary.h"
#include "passage_document.h"
#include "html_text.h"
#include "markdown_text.h"
#include "passages.h"
#include "text_encoding.h"
#include "utf8.h"

namespace fahras {
namespace {

// Bound the memory held by files analyzed and not yet written: at most this
// many files, and past the first, at most this many bytes of their text (an
// analyzed passage holds about ten times its text). On the statutes (37 KB
// files) 64 files ahead held 75 MB more at peak than 8, and ran slower.
constexpr size_t kMaxFilesAhead = 64;
constexpr uint64_t kMaxBytesAhead = 512 * 1024;

// A file's passages are analyzed and handed to the writer kPassagesPerAdd
// at a time, at most kMaxChunksAhead ahead of it: a file of 300,000 lines
// held every document at once (2.4 GB peak RSS with Xapian's transaction).
constexpr size_t kMaxChunksAhead = 2;

// A file read and analyzed by a worker, ready for the writer: its first
// chunk of documents; `more` when further chunks follow (take_more()).
struct PreparedFile {
  FileState state;
  bool skipped = false;
  bool content_unchanged = false;  // same hash as stored: only the state moves
  std::string skip_reason;
  std::vector<PassageDocument> documents;
  std::vector<std::string> warnings;
  std::string encoding;  // the file's, when not UTF-8
  bool more = false;
  ArticleCursor rest;  // for the worker, when `more`
};

// The next chunk of a file's documents, or the end of them (`last`), with
// the warnings known only then, or the error that stopped the analysis.
struct PreparedChunk {
  std::vector<PassageDocument> documents;
  bool last = false;
  std::vector<std::string> warnings;
  std::string error;
};

// The warnings known once an article's analysis has ended.
void finish_warnings(const std::string& file, const ArticleCursor& at,
                     std::vector<std::string>& warnings) {
  if (at.passages == 0) warnings.push_back(file + ": no passages (empty or no words)");
  if (at.long_words > 0)
    warnings.push_back(file + ": " + std::to_string(at.long_words) + " words longer than " +
                       std::to_string(schema::kMaxWordBytes) + " bytes not indexed");
}

// A file whose invalid UTF-8 sequences number more than this share of its
// bytes, and that no other encoding reads (text_encoding.h), is not text
// (random bytes, an image): it is skipped, not indexed as junk. A UTF-8 text
// with a few bad bytes is indexed, with a warning.
constexpr double kMaxInvalidUtf8Share = 0.25;

// The encoding a file is read in (text_encoding.h), or none with the reason
// in `skip_reason`: valid UTF-8 as it is; otherwise what its first bytes
// say, UTF-16 or an Arabic 8-bit encoding; UTF-8 with a few invalid bytes
// (replaced by spaces, with a warning); else not text.
std::optional<TextEncoding> encoding_of(const CorpusFile& file, const ContentCheck& check,
                                        std::string& skip_reason,
                                        std::vector<std::string>& warnings) {
  if (!check.has_nul && check.invalid_count == 0) return TextEncoding::kUtf8;
  std::string start(kEncodingSampleBytes, '\0');
  std::ifstream in(file.path, std::ios::binary);
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  start.resize(static_cast<size_t>(in.gcount()));
  TextEncoding encoding = detect_encoding(start, is_html_file_name(file.path.filename().string()));
  if (encoding != TextEncoding::kUtf8 && encoding != TextEncoding::kUnknown) return encoding;
  if (check.has_nul) {
    skip_reason = "binary file (contains NUL bytes)";
    return std::nullopt;
  }
  if (static_cast<double>(check.invalid_count) >
      kMaxInvalidUtf8Share * static_cast<double>(check.bytes)) {
    skip_reason = "not text: " + std::to_string(check.invalid_count) +
                  " invalid UTF-8 sequences in " + std::to_string(check.bytes) +
                  " bytes, the first at byte " + std::to_string(check.first_invalid) +
                  ", and not UTF-16, windows-1256 or ISO-8859-6 either";
    return std::nullopt;
  }
  warnings.push_back(file.id + ": invalid UTF-8 at byte " + std::to_string(check.first_invalid) +
                     " (" + std::to_string(check.invalid_count) +
                     " invalid sequences replaced by spaces)");
  return TextEncoding::kUtf8;
}

// `out` with the article's first chunk of documents from `at`, and `at`
// kept for the rest when there is more (else the warnings of its end).
PreparedFile with_first_chunk(const CorpusFile& file, ArticleCursor at, PreparedFile out,
                              PassageDocumentBuilder& builder) {
  out.documents = builder.build_next(file.id, at);
  out.more = !at.finished();
  if (out.more) {
    out.rest = std::move(at);
  } else {
    finish_warnings(file.id, at, out.warnings);
  }
  return out;
}

// A document's text (document_formats.h) read on this worker thread, then
// its first chunk of passages; a document that cannot be read is skipped
// with the reader's reason.
PreparedFile prepare_document(const CorpusFile& file, const DocumentReader& read_document,
                              PreparedFile out, PassageDocumentBuilder& builder) {
  DocumentText text;
  try {
    text = read_document(file.path);
  } catch (const DocumentError& e) {
    out.skipped = true;
    out.skip_reason = e.what();
    return out;
  }
  for (const std::string& w : text.warnings) out.warnings.push_back(file.id + ": " + w);
  ArticleCursor at = cursor_over(std::move(text.lines));
  at.sections = std::move(text.sections);
  at.reversed_lam_alef = text.reversed_lam_alef;
  return with_first_chunk(file, std::move(at), std::move(out), builder);
}

PreparedFile prepare(const CorpusFile& file, const std::optional<FileState>& stored, bool full,
                     bool analyze, PassageDocumentBuilder& builder) {
  PreparedFile out;
  std::string error;
  // One pass for the hash and the checks, another for the passages: memory
  // stays bounded whatever the file's size (content_check.h, passages.h).
  std::optional<ContentCheck> check = check_content(file.path, error);
  if (!check) {
    out.skipped = true;
    out.skip_reason = error;
    return out;
  }
  out.state = {file.size, file.mtime_ns, check->hash, 0, file.folder};
  if (stored && !full && stored->content_hash == out.state.content_hash) {
    out.state.passages = stored->passages;
    out.content_unchanged = true;
    return out;
  }
  if (DocumentReader read_document = document_reader_for(file.path.filename().string())) {
    if (!analyze) return out;
    return prepare_document(file, read_document, std::move(out), builder);
  }
  std::optional<TextEncoding> encoding = encoding_of(file, *check, out.skip_reason, out.warnings);
  if (!encoding) {
    out.skipped = true;
    return out;
  }
  if (*encoding != TextEncoding::kUtf8) out.encoding = encoding_name(*encoding);
  if (!analyze) return out;
  std::unique_ptr<std::istream> in;
  try {
    in = utf8_stream(file.path, *encoding);
  } catch (const std::exception&) {  // the file went away since it was checked
    in.reset();
  }
  if (!in || !*in) {
    out.skipped = true;
    out.skip_reason = "cannot open: " + std::string(std::strerror(errno));
    return out;
  }
  if (is_html_file_name(file.path.filename().string())) {
    in = html_line_stream(std::move(in));
  } else if (is_markdown_file_name(file.path.filename().string())) {
    if (check->bytes <= kMaxMarkdownBytes) {
      std::string markdown{std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>()};
      in = std::make_unique<std::istringstream>(markdown_as_lines(markdown));
    } else {
      out.warnings.push_back(file.id + ": Markdown larger than " +
                             std::to_string(kMaxMarkdownBytes >> 20) + " MB, read as plain text");
    }
  }
  return with_first_chunk(file, cursor_over(std::move(in)), std::move(out), builder);
}

// Runs prepare() for candidates on worker threads, handing results to the
// caller in candidate order; a file of more than one chunk is handed over
// chunk by chunk (take_more()), its worker at most kMaxChunksAhead ahead.
class PreparePipeline {
 public:
  PreparePipeline(const std::vector<const CorpusFile*>& files,
                  const std::map<std::string, FileState>& stored, const IndexOptions& options)
      : files_(files),
        stored_(stored),
        options_(options),
        results_(files.size()),
        chunks_(files.size()) {
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
    bytes_ahead_ -= files_[index]->size;
    changed_.notify_all();
    return out;
  }

  // The next chunk of file `index` after take(index) said `more`.
  PreparedChunk take_more(size_t index) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !chunks_[index].empty(); });
    PreparedChunk out = std::move(chunks_[index].front());
    chunks_[index].pop_front();
    changed_.notify_all();
    return out;
  }

 private:
  // Analyzes the rest of a file taken in chunks; false when told to stop.
  bool stream_rest(size_t index, ArticleCursor at, PassageDocumentBuilder& builder) {
    const std::string& file = files_[index]->id;
    for (;;) {
      PreparedChunk chunk;
      try {
        chunk.documents = builder.build_next(file, at);
      } catch (const std::exception& e) {
        chunk.error = std::string("analysis failed: ") + e.what();
      }
      chunk.last = !chunk.error.empty() || at.finished();
      const bool last = chunk.last;
      if (last && chunk.error.empty()) finish_warnings(file, at, chunk.warnings);
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || chunks_[index].size() < kMaxChunksAhead; });
        if (stop_) return false;
        chunks_[index].push_back(std::move(chunk));
      }
      changed_.notify_all();
      if (last) return true;
    }
  }

  void work() {
    PassageDocumentBuilder builder(options_.passage_dictionary.get());
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] {
          return stop_ || next_ >= files_.size() ||
                 (next_ < taken_ + kMaxFilesAhead &&
                  (next_ == taken_ || bytes_ahead_ + files_[next_]->size <= kMaxBytesAhead));
        });
        if (stop_ || next_ >= files_.size()) return;
        index = next_++;
        bytes_ahead_ += files_[index]->size;
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
      ArticleCursor rest = std::move(prepared.rest);  // the worker goes on with it
      {
        std::lock_guard lock(mutex_);
        results_[index] = std::move(prepared);
      }
      changed_.notify_all();
      if (rest.reader && !stream_rest(index, std::move(rest), builder)) return;
    }
  }

  const std::vector<const CorpusFile*>& files_;
  const std::map<std::string, FileState>& stored_;
  const IndexOptions& options_;
  std::vector<std::optional<PreparedFile>> results_;
  std::vector<std::deque<PreparedChunk>> chunks_;  // of files taken in chunks
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  size_t next_ = 0, taken_ = 0;
  uint64_t bytes_ahead_ = 0;  // sizes of files from taken_ to next_
  bool stop_ = false;
};

// Writes a file's analyzed passages, chunk by chunk, through `batch` (null:
// a dry run), and reports it written, or skipped when the analysis of a later
// chunk failed (its passages written so far are removed again).
void write_analyzed(PreparePipeline& pipeline, size_t index, const std::string& id,
                    PreparedFile prepared, BatchWriter* batch, bool was_indexed,
                    IndexReport& report) {
  std::string failure;
  size_t written = 0;
  if (batch) {
    batch->begin_article(id, schema::file_state_key(id));
    batch->add_passages(prepared.documents);
    written += prepared.documents.size();
    prepared.documents = {};
  }
  for (bool more = prepared.more; more;) {
    PreparedChunk chunk = pipeline.take_more(index);
    more = !chunk.last;
    for (std::string& w : chunk.warnings) report.warnings.push_back(std::move(w));
    failure = chunk.error;
    if (batch && failure.empty()) {
      batch->add_passages(chunk.documents);
      written += chunk.documents.size();
    }
  }
  if (!failure.empty()) {
    if (batch) {
      batch->end_article(std::string());
      batch->remove_article(id, schema::file_state_key(id));
    }
    report.skipped.push_back({id, failure});
    return;
  }
  (was_indexed ? report.updated : report.added).push_back(id);
  prepared.state.passages = static_cast<uint32_t>(written);
  if (batch) batch->end_article(prepared.state.encode());
  report.passages_written += written;
}

}  // namespace

std::optional<std::string> read_whole_file(const std::filesystem::path& path, std::string& error) {
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

void index_files(const std::vector<const CorpusFile*>& files,
                 const std::map<std::string, FileState>& stored, const IndexOptions& options,
                 const BatchFor& batch_for, IndexReport& report,
                 const std::function<void()>& file_done) {
  PreparePipeline pipeline(files, stored, options);
  for (size_t i = 0; i < files.size(); ++i) {
    if (options.stop_requested && options.stop_requested()) {
      report.stopped = true;
      return;
    }
    const CorpusFile& f = *files[i];
    PreparedFile prepared = pipeline.take(i);
    bool was_indexed = stored.count(f.id) > 0;
    for (std::string& w : prepared.warnings) report.warnings.push_back(std::move(w));
    if (!prepared.encoding.empty() && !prepared.skipped) report.encodings[f.id] = prepared.encoding;
    if (prepared.skipped) {
      report.skipped.push_back({f.id, prepared.skip_reason});
    } else if (prepared.content_unchanged) {
      report.unchanged.push_back(f.id);
      if (BatchWriter* batch = batch_for(f.id))
        batch->set_metadata(schema::file_state_key(f.id), prepared.state.encode());
    } else {
      write_analyzed(pipeline, i, f.id, std::move(prepared), batch_for(f.id), was_indexed, report);
    }
    if (file_done) file_done();
  }
}

std::vector<IndexReport> index_groups_in_parallel(
    const std::vector<std::vector<const CorpusFile*>>& groups,
    const std::map<std::string, FileState>& stored, const IndexOptions& options,
    const std::function<void(size_t group, const WriteThrough& write)>& with_batch,
    size_t at_once) {
  const size_t running =
      std::max<size_t>(1, at_once == 0 ? groups.size() : std::min(at_once, groups.size()));
  IndexOptions each = options;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  unsigned threads = options.threads ? options.threads : cores;
  each.threads = std::max<unsigned>(1, threads / static_cast<unsigned>(running));
  size_t total = 0;
  for (const auto& group : groups) total += group.size();
  std::vector<IndexReport> reports(groups.size());
  std::vector<std::exception_ptr> failures(groups.size());
  std::mutex progress_mutex;
  size_t files_done = 0;
  auto file_done = [&] {
    std::lock_guard lock(progress_mutex);
    ++files_done;
    if (options.progress) options.progress(files_done, total);
  };
  std::atomic<size_t> next_group{0};
  std::atomic<bool> failed{false};
  {
    std::vector<std::thread> writers;
    for (size_t w = 0; w < running; ++w)
      writers.emplace_back([&] {
        for (size_t k; !failed && (k = next_group++) < groups.size();) {
          try {
            with_batch(k, [&](BatchWriter& batch) {
              index_files(
                  groups[k], stored, each, [&](const std::string&) { return &batch; },
                  reports[k], file_done);
            });
          } catch (...) {
            failures[k] = std::current_exception();
            failed = true;
          }
        }
      });
    for (std::thread& t : writers) t.join();
  }
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return reports;
}

void append_report(IndexReport& into, IndexReport&& from) {
  auto append = [](auto& to, auto& items) {
    to.insert(to.end(), std::make_move_iterator(items.begin()),
              std::make_move_iterator(items.end()));
  };
  append(into.added, from.added);
  append(into.updated, from.updated);
  append(into.unchanged, from.unchanged);
  append(into.skipped, from.skipped);
  append(into.warnings, from.warnings);
  into.encodings.merge(from.encodings);
  into.passages_written += from.passages_written;
  into.stopped = into.stopped || from.stopped;
}

}  // namespace fahras
