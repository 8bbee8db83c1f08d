// Renders search results: grep-like text lines and the JSON of design.md §5.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "searcher.h"

namespace fahras {

struct TextStyle {
  bool color = false;          // ANSI colour (on a terminal)
  bool show_title = false;     // a line with the article title before its first hit
};

// FILE:LINE: snippet, one hit per line.
void print_text(const SearchResult& result, const TextStyle& style, std::ostream& out);

nlohmann::json to_json(const SearchResult& result);

}  // namespace fahras
