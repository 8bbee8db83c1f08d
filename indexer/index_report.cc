// Text and JSON forms of IndexReport (see index_report.h).
#include "index_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

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
    for (const auto& f : r.added) out << "A " << f << '\n';
    for (const auto& f : r.updated) out << "U " << f << '\n';
    for (const auto& f : r.removed) out << "D " << f << '\n';
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
  out << r.added.size() << " added, " << r.updated.size() << " updated, " << r.removed.size()
      << " removed, " << r.unchanged.size() << " unchanged, " << r.skipped.size() << " skipped; "
      << r.passages_written << " passages written in " << seconds << " s\n";
  if (r.compaction) {
    const CompactionReport& c = *r.compaction;
    std::snprintf(seconds, sizeof seconds, "%.2f", c.seconds);
    out << "compacted the index from " << human_bytes(c.bytes_before) << " to "
        << human_bytes(c.bytes_after) << " in " << seconds << " s\n";
  }
}

void print_report_problems(const IndexReport& r, const char* program, std::ostream& out) {
  for (const auto& w : r.warnings) out << program << ": warning: " << w << '\n';
  for (const auto& s : r.skipped) out << program << ": skipped " << s.file << ": " << s.reason << '\n';
}

void print_report_json(const IndexReport& r, bool dry_run, std::ostream& out) {
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& s : r.skipped) skipped.push_back({{"file", s.file}, {"reason", s.reason}});
  nlohmann::json j = {{"dry_run", dry_run},       {"added", r.added},
                      {"updated", r.updated},     {"removed", r.removed},
                      {"unchanged", r.unchanged}, {"skipped", skipped},
                      {"warnings", r.warnings},   {"passages_written", r.passages_written},
                      {"seconds", r.seconds}};
  if (r.stopped) j["stopped"] = true;
  if (r.compaction)
    j["compaction"] = {{"bytes_before", r.compaction->bytes_before},
                       {"bytes_after", r.compaction->bytes_after},
                       {"seconds", r.compaction->seconds}};
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace fahras
