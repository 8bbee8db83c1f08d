// Finds the words of a passage that a query matched, in the ORIGINAL text.
//
// The passage is analyzed with the same chain as the index, so a vocalized,
// hamza-variant or clitic-bearing word is highlighted through its stem, and a
// name through its phonetic key. Ranges are byte offsets into the original
// text and always cover whole words.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "query_plan.h"

namespace fahras {

using ByteRange = std::pair<size_t, size_t>;

std::vector<ByteRange> find_highlights(const std::string& text, const HighlightTerms& terms);

struct SnippetStyle {
  std::string before = "**";  // around each highlight
  std::string after = "**";
  std::string omitted = "…";  // where text was cut
  size_t max_bytes = 400;     // texts up to this size are shown whole
};

// The passage, or the window of it with the most highlights, with markers.
std::string make_snippet(const std::string& text, const std::vector<ByteRange>& highlights,
                         const SnippetStyle& style);

}  // namespace fahras
