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

bool within_one_edit(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t same = 0;  // the common prefix
  while (same < a.size() && a[same] == b[same]) ++same;
  if (same == a.size()) return true;  // equal, or b is a with one more at its end
  if (a.size() == b.size()) return a.substr(same + 1) == b.substr(same + 1);  // one substituted
  return a.substr(same) == b.substr(same + 1);  // b is a with one more at `same`
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
  static_assert(kAllowedEdits == 1, "within_one_edit() decides the distance");
  std::vector<std::string> out;
  if (key.empty()) return out;
  const std::u32string own = to_utf32(stem);
  const bool own_latin = is_ascii(stem);
  const bool short_key = is_short_name_key(key);
  std::u32string letters;  // of each stem in turn
  for (auto& [other, count] : index.stem_counts_with_key(key)) {
    if (other == stem || other.empty()) continue;
    if (is_ascii(other) != own_latin) {  // another script: a transcription of the word?
      if (own_latin ? may_transcribe(stem, other) : may_transcribe(other, stem))
        out.push_back(std::move(other));
      continue;
    }
    if (short_key) continue;
    to_utf32_into(other, letters);
    if (within_one_edit(own, letters)) out.push_back(std::move(other));
  }
  return out;
}

}  // namespace fahras
