// Text and JSON output of results and change reports (see result_format.h).
#include "result_format.h"

#include <cmath>
#include <cstdio>

#include "printable_name.h"

namespace fahras {
namespace {

constexpr const char* kColorMatch = "\033[1;31m";
constexpr const char* kColorFile = "\033[35m";
constexpr const char* kColorLine = "\033[32m";
constexpr const char* kColorReset = "\033[0m";

double round_to(double value, int digits) {
  double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

}  // namespace

void print_text(const Results& results, const TextStyle& style, std::ostream& out) {
  for (const Match& m : results.matches) {
    if (style.color)
      out << kColorFile << printable_name(m.id) << kColorReset << ':' << kColorLine << place_in_file(m) << kColorReset << ": "
          << mark_snippet(m, kColorMatch, kColorReset) << '\n';
    else
      out << printable_name(m.id) << ':' << place_in_file(m) << ": " << mark_snippet(m, "**", "**") << '\n';
  }
}

void print_profile(const Results& results, std::ostream& out) {
  auto ms = [](double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    return std::string(buffer);
  };
  out << "took " << ms(results.took_ms) << " ms:";
  const char* separator = " ";
  for (const auto& [stage, stage_ms] : results.stages) {
    out << separator << stage << ' ' << ms(stage_ms);
    separator = ", ";
  }
  out << '\n';
}

nlohmann::json to_json(const Results& results) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Match& m : results.matches) {
    nlohmann::json ranges = nlohmann::json::array();
    for (const auto& [b, e] : m.highlights) ranges.push_back({b, e});
    nlohmann::json hit = {{"rank", m.rank},       {"score", round_to(m.score, 4)},
                          {"file", m.id},         {"line", m.line},
                          {"window", m.window},   {"title", m.title},
                          {"heading", m.heading}, {"text", m.text},
                          {"snippet", m.snippet}, {"highlights", ranges}};
    // A name that is not plain UTF-8 text, escaped so that its bytes can be
    // recovered (printable_name.h): "file" alone would replace them.
    if (!is_plain_name(m.id)) hit["file_bytes"] = printable_name(m.id);
    if (!m.url.empty()) hit["url"] = m.url;
    if (!m.date.empty()) hit["date"] = m.date;
    if (!m.place.empty()) hit["place"] = m.place;
    hits.push_back(std::move(hit));
  }
  nlohmann::json out = {
      {"query", results.query},
      {"total", results.total},
      {"total_is_estimate", results.total_is_estimate},
      {"took_ms", round_to(results.took_ms, 3)},
      {"suggestion", results.suggestion ? nlohmann::json(*results.suggestion) : nlohmann::json()},
      {"hits", hits}};
  // What the search changed or left out: a cut query, limited wildcards, a
  // spent time budget (the hits may then be incomplete).
  if (!results.notices.empty()) out["notices"] = results.notices;
  return out;
}

nlohmann::json profile_json(const Results& results) {
  nlohmann::json stages = nlohmann::json::object();
  for (const auto& [stage, ms] : results.stages) stages[stage] = round_to(ms, 3);
  return stages;
}

nlohmann::json to_json(const ChangeReport& r) {
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& [where, reason] : r.skipped)
    skipped.push_back({{"file", where}, {"reason", reason}});
  nlohmann::json out = {{"added", r.added},     {"updated", r.updated},
                        {"removed", r.removed}, {"unchanged", r.unchanged},
                        {"skipped", skipped},   {"passages_written", r.passages_written},
                        {"seconds", r.seconds}, {"warnings", r.warnings}};
  if (r.compaction)
    out["compaction"] = {{"bytes_before", r.compaction->bytes_before},
                         {"bytes_after", r.compaction->bytes_after},
                         {"seconds", r.compaction->seconds}};
  return out;
}

}  // namespace fahras
