// Spelling variants from the index's stems (see spelling_variants.h).
#include "spelling_variants.h"

#include <algorithm>

#include "fahras/schema.h"
#include "phonetic_key.h"
#include "utf8.h"

namespace fahras {
namespace {

// How many letters two spellings of one script may differ by: one (ترمب and
// ترامب, هوانج and هوانغ); at two, unrelated words pair up (استثمار, استمرار).
constexpr size_t kAllowedEdits = 1;

}  // namespace

size_t edit_distance(const std::u32string& a, const std::u32string& b, size_t limit) {
  size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    size_t row_best = current[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

bool differs_by_a_long_vowel(const std::string& a, const std::string& b) {
  std::u32string x = to_utf32(a), y = to_utf32(b);
  if (x.size() > y.size()) std::swap(x, y);
  if (y.size() != x.size() + 1) return false;
  size_t at = 0;
  while (at < x.size() && x[at] == y[at]) ++at;
  char32_t extra = y[at];
  bool long_vowel = extra == U'\u0627' || extra == U'\u0648' || extra == U'\u064A';  // ا و ي
  return long_vowel && x.compare(at, std::u32string::npos, y, at + 1, std::u32string::npos) == 0;
}

std::vector<std::string> spelling_variants(TermStatistics& index, const std::string& key,
                                           const std::string& stem) {
  std::vector<std::string> out;
  if (key.empty()) return out;
  std::u32string own = to_utf32(stem);
  bool own_latin = is_ascii(stem);
  for (std::string& other : index.stems_with_key(key)) {
    if (other == stem || other.empty()) continue;
    if (is_ascii(other) != own_latin) {  // another script: a transcription of the word?
      if (own_latin ? may_transcribe(stem, other) : may_transcribe(other, stem))
        out.push_back(std::move(other));
      continue;
    }
    if (!is_short_name_key(key) &&
        edit_distance(own, to_utf32(other), kAllowedEdits) <= kAllowedEdits)
      out.push_back(std::move(other));
  }
  return out;
}

}  // namespace fahras
