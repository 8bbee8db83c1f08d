// Text and JSON output of search results (see result_format.h).
#include "result_format.h"

#include <cmath>

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

void print_text(const SearchResult& result, const TextStyle& style, std::ostream& out) {
  SnippetStyle snippet;
  if (style.color) {
    snippet.before = kColorMatch;
    snippet.after = kColorReset;
  }
  for (const Hit& hit : result.hits) {
    if (style.color)
      out << kColorFile << hit.file << kColorReset << ':' << kColorLine << hit.line << kColorReset << ": ";
    else
      out << hit.file << ':' << hit.line << ": ";
    out << make_snippet(hit.text, hit.highlights, snippet) << '\n';
  }
}

nlohmann::json to_json(const SearchResult& result) {
  nlohmann::json hits = nlohmann::json::array();
  SnippetStyle snippet;
  snippet.before = "<b>";
  snippet.after = "</b>";
  for (const Hit& hit : result.hits) {
    nlohmann::json ranges = nlohmann::json::array();
    for (const auto& [b, e] : hit.highlights) ranges.push_back({b, e});
    hits.push_back({{"rank", hit.rank},
                    {"score", round_to(hit.score, 4)},
                    {"file", hit.file},
                    {"line", hit.line},
                    {"window", hit.window},
                    {"title", hit.title},
                    {"heading", hit.heading},
                    {"text", hit.text},
                    {"snippet", make_snippet(hit.text, hit.highlights, snippet)},
                    {"highlights", ranges}});
    if (!hit.url.empty()) hits.back()["url"] = hit.url;
    if (!hit.date.empty()) hits.back()["date"] = hit.date;
  }
  nlohmann::json j = {{"query", result.query},
                      {"total", result.total},
                      {"took_ms", round_to(result.took_ms, 3)},
                      {"suggestion", result.suggestion ? nlohmann::json(*result.suggestion) : nlohmann::json()},
                      {"hits", hits}};
  if (!result.notices.empty()) j["notices"] = result.notices;
  return j;
}

}  // namespace fahras
