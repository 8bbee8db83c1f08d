// Text and JSON output of results and change reports (see result_format.h).
#include "result_format.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>

#include "json_text.h"
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
      out << kColorFile << printable_name(m.id) << kColorReset << ':' << kColorLine
          << place_in_file(m) << kColorReset << ": " << mark_snippet(m, kColorMatch, kColorReset)
          << '\n';
    else
      out << printable_name(m.id) << ':' << place_in_file(m) << ": " << mark_snippet(m, "**", "**")
          << '\n';
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

namespace {

// Doubles as nlohmann::json writes them (its own shortest form: 12.0, 1e-05).
void append_double(std::string& out, double value) { out += nlohmann::json(value).dump(); }

// Whether every string the answer holds is valid UTF-8, which
// append_json_string() writes as nlohmann::json does.
bool all_valid_utf8(const Results& results) {
  auto valid = [](const std::string& s) { return is_valid_utf8(s); };
  if (!valid(results.query) || (results.suggestion && !valid(*results.suggestion))) return false;
  for (const std::string& notice : results.notices)
    if (!valid(notice)) return false;
  for (const auto& [stage, ms] : results.stages)
    if (!valid(stage)) return false;
  for (const Match& m : results.matches)
    for (const std::string* s :
         {&m.id, &m.title, &m.heading, &m.text, &m.snippet, &m.url, &m.date, &m.place})
      if (!valid(*s)) return false;
  return true;
}

void append_hit(std::string& out, const Match& m) {
  // nlohmann::json's objects keep their keys sorted: the same order here.
  JsonObjectWriter hit(out);
  if (!m.date.empty()) hit.string_member("date", m.date);
  hit.string_member("file", m.id);
  // A name that is not plain UTF-8 text, escaped so that its bytes can be
  // recovered (printable_name.h), as to_json() writes it.
  if (!is_plain_name(m.id)) hit.string_member("file_bytes", printable_name(m.id));
  hit.string_member("heading", m.heading);
  hit.member("highlights") += '[';
  for (size_t i = 0; i < m.highlights.size(); ++i) {
    if (i) out += ',';
    out += '[';
    append_integer(out, m.highlights[i].first);
    out += ',';
    append_integer(out, m.highlights[i].second);
    out += ']';
  }
  out += ']';
  append_integer(hit.member("line"), m.line);
  if (!m.place.empty()) hit.string_member("place", m.place);
  append_integer(hit.member("rank"), m.rank);
  append_double(hit.member("score"), round_to(m.score, 4));
  hit.string_member("snippet", m.snippet);
  hit.string_member("text", m.text);
  hit.string_member("title", m.title);
  if (!m.url.empty()) hit.string_member("url", m.url);
  append_integer(hit.member("window"), m.window);
}

}  // namespace

std::string search_json_text(const Results& results, bool with_profile) {
  // Invalid UTF-8 is replaced as nlohmann::json replaces it: rare, left to it.
  if (!all_valid_utf8(results)) {
    nlohmann::json body = to_json(results);
    if (with_profile) body["profile"] = profile_json(results);
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  size_t bytes = 256;
  for (const Match& m : results.matches)
    bytes += 256 + m.text.size() + m.snippet.size() + m.title.size() + m.heading.size() +
             m.id.size() + 24 * m.highlights.size();
  std::string out;
  out.reserve(bytes);
  {
    JsonObjectWriter answer(out);
    answer.member("hits") += '[';
    for (size_t i = 0; i < results.matches.size(); ++i) {
      if (i) out += ',';
      append_hit(out, results.matches[i]);
    }
    out += ']';
    if (!results.notices.empty()) {
      answer.member("notices") += '[';
      for (size_t i = 0; i < results.notices.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, results.notices[i]);
      }
      out += ']';
    }
    if (with_profile) {
      std::map<std::string, double> stages;  // sorted, the last of a stage named twice
      for (const auto& [stage, ms] : results.stages) stages[stage] = round_to(ms, 3);
      answer.member("profile");
      JsonObjectWriter profile(out);
      for (const auto& [stage, ms] : stages) append_double(profile.member(stage), ms);
    }
    answer.string_member("query", results.query);
    if (results.suggestion)
      answer.string_member("suggestion", *results.suggestion);
    else
      answer.member("suggestion") += "null";
    append_double(answer.member("took_ms"), round_to(results.took_ms, 3));
    append_integer(answer.member("total"), results.total);
    answer.member("total_is_estimate") += results.total_is_estimate ? "true" : "false";
  }
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
