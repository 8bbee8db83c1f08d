// Text and JSON forms of IndexReport (see index_report.h).
#include "index_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "printable_name.h"

namespace fahras {
namespace {

std::string human_bytes(uint64_t bytes) {
  char text[32];
  if (bytes >= 10'000'000)
    std::snprintf(text, sizeof text, "%.0f MB", bytes / 1e6);
  else
    std::snprintf(text, sizeof text, "%.0f kB", bytes / 1e3);
  return text;
}

}  // namespace

void print_report_text(const IndexReport& r, bool list_files, std::ostream& out) {
  if (list_files) {
    for (const auto& f : r.added) out << "A " << printable_name(f) << '\n';
    for (const auto& f : r.updated) out << "U " << printable_name(f) << '\n';
    for (const auto& f : r.removed) out << "D " << printable_name(f) << '\n';
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
  out << r.added.size() << " added, " << r.updated.size() << " updated, " << r.removed.size()
      << " removed, " << r.unchanged.size() << " unchanged, " << r.skipped.size() << " skipped; "
      << r.passages_written << " passages written in " << seconds << " s\n";
  for (const auto& [file, encoding] : r.encodings)
    out << "read as " << encoding << ": " << printable_name(file) << '\n';
  if (r.folders.size() > 1) {
    out << "folders held:";
    for (const std::string& f : r.folders) out << ' ' << printable_name(f);
    out << '\n';
  }
  if (r.compaction) {
    const CompactionReport& c = *r.compaction;
    std::snprintf(seconds, sizeof seconds, "%.2f", c.seconds);
    if (c.bytes_after <= c.bytes_before)
      out << "compacted the index from " << human_bytes(c.bytes_before) << " to "
          << human_bytes(c.bytes_after) << " in " << seconds << " s\n";
    else  // a small index: whole blocks of every table outweigh what they free
      out << "compacted the index in " << seconds << " s: " << human_bytes(c.bytes_before)
          << " before, " << human_bytes(c.bytes_after)
          << " after (a small index grows: each table starts with whole blocks)\n";
  }
}

void print_report_problems(const IndexReport& r, const char* program, std::ostream& out) {
  for (const auto& w : r.warnings) out << program << ": warning: " << printable_name(w) << '\n';
  for (const auto& s : r.skipped)
    out << program << ": skipped " << printable_name(s.file) << ": " << printable_name(s.reason)
        << '\n';
}

void print_report_json(const IndexReport& r, bool dry_run, std::ostream& out) {
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& s : r.skipped) {
    nlohmann::json entry = {{"file", s.file}, {"reason", s.reason}};
    if (!is_plain_name(s.file)) entry["file_bytes"] = printable_name(s.file);
    skipped.push_back(std::move(entry));
  }
  nlohmann::json j = {{"dry_run", dry_run},       {"added", r.added},
                      {"updated", r.updated},     {"removed", r.removed},
                      {"unchanged", r.unchanged}, {"skipped", skipped},
                      {"warnings", r.warnings},   {"folders", r.folders},
                      {"encodings", r.encodings},
                      {"passages_written", r.passages_written},
                      {"seconds", r.seconds}};
  if (r.stopped) j["stopped"] = true;
  if (r.compaction)
    j["compaction"] = {{"bytes_before", r.compaction->bytes_before},
                       {"bytes_after", r.compaction->bytes_after},
                       {"seconds", r.compaction->seconds}};
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace fahras
