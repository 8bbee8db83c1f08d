// Renders results for people and machines: grep-like text lines and the JSON
// of the output contract (design.md §5), shared by fahras-search and
// fahras-serve. Works on the public library types (fahras/fahras.h).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "fahras/fahras.h"

namespace fahras {

struct TextStyle {
  bool color = false;  // ANSI colour (on a terminal)
};

// FILE:LINE: snippet, one hit per line.
void print_text(const Results& results, const TextStyle& style, std::ostream& out);

// "took 0.412 ms: plan 0.015, match 0.230, ..." (milliseconds), one line.
void print_profile(const Results& results, std::ostream& out);

nlohmann::json to_json(const Results& results);
// {"plan": ms, "match": ms, ...}: the stages of Results::stages.
nlohmann::json profile_json(const Results& results);
// The text of to_json(results) (with "profile": profile_json(results) when
// `with_profile`) as nlohmann::json dumps it compact, replacing invalid
// UTF-8: byte for byte the same, written without building the JSON tree,
// which fahras-serve's answers spent a tenth of their time on.
std::string search_json_text(const Results& results, bool with_profile);
nlohmann::json to_json(const ChangeReport& report);

}  // namespace fahras
