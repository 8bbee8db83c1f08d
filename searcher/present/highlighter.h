// Finds the words of a passage that a query matched, in the ORIGINAL text.
//
// The passage is analyzed with the same chain as the index, so a vocalized,
// hamza-variant or clitic-bearing word is highlighted through its stem (a
// name found through its phonetic key, through the stems listed under it).
// Ranges are byte offsets into the original
// text and always cover whole words.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query_plan.h"

namespace fahras {

using ByteRange = std::pair<size_t, size_t>;

// A query's highlight terms, prepared once for the passages of a search:
// the words that start a phrase or group are looked up, not compared with
// every group at every word. A word's stems depend on the word alone, so each
// thread remembers them for all its highlighters (a bounded memo, forgotten
// when full): the words of passages recur from passage to passage and from
// search to search. One highlighter serves one thread.
class Highlighter {
 public:
  // `terms` must outlive the highlighter.
  explicit Highlighter(const HighlightTerms& terms);

  // The ranges to mark: every phrase and prefix of the terms, and the words
  // of `stems` (a passage's share of the terms' stems).
  std::vector<ByteRange> find(const std::string& text, const std::set<std::string>& stems) const;

 private:
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };

  const HighlightTerms& terms_;
  // word -> the groups it can start a match of (the first word of an
  // ordered group, any word of another)
  std::unordered_map<std::string, std::vector<const WordGroup*>, WordHash, std::equal_to<>>
      groups_by_word_;
};

// Highlighter(terms).find(text, terms.stems).
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
