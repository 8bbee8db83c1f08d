// Documents from applications: JSON Lines records into a Fahras index.
//
// Each line is {"id", "title", "text", optional "url" and "date"}, or
// {"id", "deleted": true}. The id is the unit of replace and delete: a record
// replaces every passage of its id. Passages are built as for files from
// "title\ntext": line 1 is the title, the paragraphs of text follow, so hits
// read ID:LINE. An unchanged record (same content hash) costs nothing. A
// malformed line is reported with its line number and skipped; the rest is
// still indexed. Writes go through BatchWriter, so ingestion is crash-safe.
#pragma once

#include <xapian.h>

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "fahras/fahras.h"  // kIdOfCorpusFile
#include "index_run.h"

namespace fahras {

// A JSON Lines record (one line) longer than this is skipped, unread: what
// ingestion holds of its input is bounded by it.
inline constexpr size_t kMaxRecordBytes = 32 << 20;

struct Record {
  std::string id, title, text, url, date;
  bool deleted = false;
};

// Parses one line; on failure returns nullopt and says why in `error`.
std::optional<Record> parse_record(const std::string& line, std::string& error);

// Malformed lines are in the report's `skipped`, as SOURCE:LINE with the reason.
IndexReport ingest_records(Xapian::WritableDatabase& db, std::istream& in,
                           const std::string& source_name, size_t commit_every_passages = 20000);

// Metadata key holding a record's state.
std::string record_state_key(const std::string& id);

}  // namespace fahras
