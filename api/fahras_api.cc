// The public library facade (include/fahras/fahras.h) over the indexer and
// searcher libraries.
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "fahras/fahras.h"
#include "highlighter.h"
#include "index_run.h"
#include "record_ingest.h"
#include "searcher.h"

namespace fahras {

struct Index::Impl {
  std::string path;
  std::optional<Xapian::WritableDatabase> writer;
  std::unique_ptr<Searcher> searcher;
  std::vector<std::string> pending;  // JSON Lines not yet written

  void flush() {
    if (pending.empty()) return;
    std::string lines;
    for (const std::string& l : pending) lines += l + "\n";
    pending.clear();
    std::istringstream in(lines);
    IndexReport report = ingest_records(*writer, in, "put");
    if (!report.skipped.empty())
      throw std::runtime_error(path + ": " + report.skipped.front().file + ": " + report.skipped.front().reason);
  }
};

Index::Index(const std::string& path, Mode mode) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  try {
    if (mode == kWritable) impl_->writer.emplace(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    throw std::runtime_error(path + ": " + e.get_description());
  }
}

Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

void Index::put(const Document& d) {
  if (!impl_->writer) throw std::runtime_error(impl_->path + ": opened read-only");
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
  if (!impl_->writer) throw std::runtime_error(impl_->path + ": opened read-only");
  impl_->flush();
  std::istringstream in(nlohmann::json({{"id", id}, {"deleted", true}}).dump());
  return !ingest_records(*impl_->writer, in, "remove").removed.empty();
}

void Index::commit() {
  if (!impl_->writer) return;
  impl_->flush();
  impl_->writer->commit();
}

Results Index::search(const std::string& query, const SearchParameters& parameters) {
  if (impl_->writer) commit();
  try {
    if (!impl_->searcher)
      impl_->searcher = std::make_unique<Searcher>(std::vector<std::string>{impl_->path});
    else
      impl_->searcher->refresh();
    SearchOptions options;
    options.limit = parameters.limit;
    options.offset = parameters.offset;
    options.per_article = parameters.per_document;
    SearchResult r = impl_->searcher->search(query, options);
    Results out{r.query, r.total, r.took_ms, r.suggestion, {}};
    SnippetStyle style;
    style.before = "<b>";
    style.after = "</b>";
    for (Hit& h : r.hits) {
      Match m;
      m.rank = h.rank;
      m.score = h.score;
      m.id = h.file;
      m.line = h.line;
      m.title = h.title;
      m.snippet = make_snippet(h.text, h.highlights, style);
      m.text = std::move(h.text);
      m.highlights = std::move(h.highlights);
      m.url = h.url;
      m.date = h.date;
      out.matches.push_back(std::move(m));
    }
    return out;
  } catch (const Xapian::Error& e) {
    throw std::runtime_error(impl_->path + ": " + e.get_description());
  }
}

}  // namespace fahras
