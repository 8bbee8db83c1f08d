// JSON Lines ingestion (see record_ingest.h).
#include "record_ingest.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "analysis_version.h"
#include "analyzer.h"
#include "batch_writer.h"
#include "fahras/schema.h"
#include "file_state.h"
#include "passage_dictionary.h"
#include "passage_document.h"
#include "passages.h"

namespace fahras {
namespace {

std::string string_field(const nlohmann::json& j, const char* name, bool required,
                         std::string& error) {
  if (!j.contains(name)) {
    if (required) error = std::string("missing \"") + name + "\"";
    return {};
  }
  if (!j[name].is_string()) {
    error = std::string("\"") + name + "\" must be a string";
    return {};
  }
  return j[name].get<std::string>();
}

// Reads one line into `line` (without its newline), at most kMaxRecordBytes
// of it: a longer line is read past and discarded, `too_long` set. False at
// the end of the stream.
bool read_bounded_line(std::istream& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  std::streambuf* buffer = in.rdbuf();
  bool any = false;
  for (;;) {
    int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return any;
    }
    any = true;
    if (c == '\n') return true;
    if (line.size() < kMaxRecordBytes)
      line.push_back(static_cast<char>(c));
    else
      too_long = true;
  }
}

}  // namespace

std::string record_state_key(const std::string& id) {
  return schema::bounded_term(schema::kMetaRecordStatePrefix, id);
}

std::optional<Record> parse_record(const std::string& line, std::string& error) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) {
    error = "not valid JSON";
    return std::nullopt;
  }
  if (!j.is_object()) {
    error = "a record must be a JSON object";
    return std::nullopt;
  }
  Record r;
  error.clear();
  r.id = string_field(j, "id", true, error);
  if (error.empty() && r.id.empty()) error = "\"id\" is empty";
  if (!error.empty()) return std::nullopt;
  if (j.contains("deleted")) {
    if (!j["deleted"].is_boolean()) {
      error = "\"deleted\" must be true or false";
      return std::nullopt;
    }
    r.deleted = j["deleted"].get<bool>();
    if (r.deleted) return r;
  }
  r.title = string_field(j, "title", false, error);
  if (error.empty()) r.text = string_field(j, "text", true, error);
  if (error.empty()) r.url = string_field(j, "url", false, error);
  if (error.empty()) r.date = string_field(j, "date", false, error);
  if (!error.empty()) return std::nullopt;
  return r;
}

IndexReport ingest_records(Xapian::WritableDatabase& db, std::istream& in,
                           const std::string& source_name, size_t commit_every_passages) {
  auto started = std::chrono::steady_clock::now();
  IndexReport report;
  std::shared_ptr<const PassageDictionary> dictionary = load_passage_dictionary(db);
  PassageDocumentBuilder builder(dictionary.get());
  // Records indexed before are not in the stream: if another analysis version
  // made their terms, only sending them again updates them.
  std::string made_by = analysis_version_of(db);
  bool had_documents = db.get_doccount() > 0;
  if (had_documents && made_by != kAnalysisVersion)
    report.warnings.push_back(source_name + ": the documents already indexed have terms of " +
                              "analysis version " + made_by + ", not " +
                              std::string(kAnalysisVersion) + ": send them again to update them");
  BatchWriter batch(db, commit_every_passages);
  if (!had_documents && made_by != kAnalysisVersion)
    batch.set_metadata(std::string(schema::kMetaAnalysisVersion), std::string(kAnalysisVersion));
  std::string line;
  bool too_long = false;
  for (size_t number = 1; read_bounded_line(in, line, too_long); ++number) {
    if (too_long) {
      report.skipped.push_back({source_name + ":" + std::to_string(number),
                                "a record longer than " + std::to_string(kMaxRecordBytes >> 20) +
                                    " MB: not read"});
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string error;
    std::optional<Record> record = parse_record(line, error);
    if (!record) {
      report.skipped.push_back({source_name + ":" + std::to_string(number), error});
      continue;
    }
    std::string key = record_state_key(record->id);
    std::string stored = db.get_metadata(key);
    // A corpus file's article keeps its id (index_run.h): a record may not
    // replace or delete it.
    if (stored.empty() && !db.get_metadata(schema::file_state_key(record->id)).empty()) {
      report.skipped.push_back({source_name + ":" + std::to_string(number),
                                std::string(kIdOfCorpusFile) + ": \"" + record->id + "\""});
      continue;
    }
    if (record->deleted) {
      if (stored.empty()) {
        report.skipped.push_back({source_name + ":" + std::to_string(number),
                                  "no document \"" + record->id + "\" to delete"});
        continue;
      }
      batch.remove_article(record->id, key);
      report.removed.push_back(record->id);
      continue;
    }
    std::string content = record->title + "\n" + record->text;
    FileState state{content.size(), 0,
                    content_hash(content + '\0' + record->url + '\0' + record->date), 0};
    auto old = FileState::decode(stored);
    if (old && old->content_hash == state.content_hash) {
      report.unchanged.push_back(record->id);
      continue;
    }
    ArticleCursor at = cursor_over(std::move(content));
    batch.begin_article(record->id, key);
    while (!at.finished())
      batch.add_passages(builder.build_next(record->id, at, record->url, record->date));
    state.passages = static_cast<uint32_t>(at.passages);
    batch.end_article(state.encode());
    report.passages_written += state.passages;
    (old ? report.updated : report.added).push_back(record->id);
  }
  batch.finish();
  report.passages_deleted = batch.passages_deleted();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace fahras
