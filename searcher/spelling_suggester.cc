// Spelling suggestions over an in-memory vocabulary (see spelling_suggester.h).
#include "spelling_suggester.h"

#include <algorithm>

#include "utf8.h"

namespace fahras {
namespace {

// A polynomial hash of code points (mod 2^64), so that the hash of a word
// without one letter comes from its prefix and suffix hashes in O(1): a
// table of a million deletes is built without making the strings. Equal
// hashes are only candidates: each is checked by its edit distance.
constexpr uint64_t kBase = 0x100000001b3ULL;

constexpr unsigned kBucketBits = 16;

// kBase to the powers 0..n-1 and beyond, grown on demand.
const uint64_t* powers(size_t n) {
  thread_local std::vector<uint64_t> power = {1};
  while (power.size() <= n) power.push_back(power.back() * kBase);
  return power.data();
}

// Calls add(hash) for the word and for the word without each one letter.
template <typename Add>
void deletion_hashes(const std::u32string& w, std::vector<uint64_t>& suffix, Add&& add) {
  size_t n = w.size();
  suffix.assign(n + 1, 0);
  const uint64_t* power = powers(n);
  for (size_t k = n; k-- > 0;) suffix[k] = (w[k] + 1) * power[n - 1 - k] + suffix[k + 1];
  add(suffix[0]);
  uint64_t prefix = 0;  // hash of w[0..i)
  for (size_t i = 0; i < n; ++i) {
    add(prefix * power[n - 1 - i] + suffix[i + 1]);
    prefix = prefix * kBase + w[i] + 1;
  }
}

// Optimal string alignment distance, or limit + 1 once it exceeds limit.
unsigned osa_distance(const std::u32string& a, const std::u32string& b, unsigned limit) {
  size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::vector<unsigned>> d(n + 1, std::vector<unsigned>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<unsigned>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<unsigned>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return std::min(d[n][m], limit + 1);
}

// The query word, without one letter, and without two: their hashes.
std::vector<uint64_t> query_hashes(const std::u32string& word) {
  std::vector<uint64_t> out, suffix;
  auto add = [&](uint64_t h) { out.push_back(h); };
  deletion_hashes(word, suffix, add);
  if (word.size() > 2)
    for (size_t i = 0; i < word.size(); ++i)
      deletion_hashes(word.substr(0, i) + word.substr(i + 1), suffix, add);
  return out;
}

void to_utf32_into(const std::string& utf8, std::u32string& out) {
  out.clear();
  char32_t c;
  for (size_t i = 0; i < utf8.size();)
    if (decode_utf8(utf8, i, c)) out.push_back(c);
}

}  // namespace

void SpellingSuggester::forget() {
  loaded_ = false;
  asked_ = 0;
  frequencies_.clear();
  utf8_.clear();
  deletes_.clear();
}

void SpellingSuggester::load(const Xapian::Database& spelling) {
  forget();
  for (auto s = spelling.spellings_begin(); s != spelling.spellings_end(); ++s) {
    utf8_.push_back(*s);
    frequencies_.push_back(s.get_termfreq());
  }
  // Counting sort into buckets by the hash's top bits, then each (small)
  // bucket sorted: the table is in hash order without a sort of it all.
  // (The hashes are computed twice, to count and to place: cheaper than
  // holding them all twice.)
  std::vector<uint64_t> suffix;
  std::u32string word;
  const unsigned shift = 64 - kBucketBits;
  std::vector<uint32_t> start((size_t{1} << kBucketBits) + 1, 0);
  for (uint32_t i = 0; i < utf8_.size(); ++i) {
    to_utf32_into(utf8_[i], word);
    deletion_hashes(word, suffix, [&](uint64_t h) { ++start[(h >> shift) + 1]; });
  }
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  deletes_.resize(start.back());
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (uint32_t i = 0; i < utf8_.size(); ++i) {
    to_utf32_into(utf8_[i], word);
    deletion_hashes(word, suffix, [&](uint64_t h) { deletes_[fill[h >> shift]++] = {h, i}; });
  }
  for (size_t b = 0; b + 1 < start.size(); ++b)
    std::sort(deletes_.begin() + start[b], deletes_.begin() + start[b + 1]);
  loaded_ = true;
}

std::string SpellingSuggester::suggest(const Xapian::Database& spelling, const std::string& word,
                                       unsigned max_edits) {
  max_edits = std::min(max_edits, kMaxSuggestionEdits);
  if (!loaded_ && asked_++ < kQuestionsBeforeTable) {
    // The first questions of a revision go to Xapian: a program that asks
    // for one query (fahras-search) does not build a table of every word.
    std::string s = spelling.get_spelling_suggestion(word, max_edits);
    return s == word ? std::string() : s;
  }
  if (!loaded_) load(spelling);
  const std::u32string target = to_utf32(word);
  if (target.empty() || utf8_.empty()) return {};
  std::vector<uint32_t> candidates;
  for (uint64_t h : query_hashes(target)) {
    auto at = std::lower_bound(deletes_.begin(), deletes_.end(), std::make_pair(h, uint32_t{0}));
    for (; at != deletes_.end() && at->first == h; ++at) candidates.push_back(at->second);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  size_t best = utf8_.size();
  unsigned best_distance = max_edits + 1;
  std::u32string candidate;
  for (uint32_t i : candidates) {  // in table order: the first of equals wins
    if (utf8_[i] == word) return {};  // the word is in the table itself
    to_utf32_into(utf8_[i], candidate);
    unsigned distance = osa_distance(candidate, target, max_edits);
    if (distance < best_distance ||
        (distance == best_distance && best < utf8_.size() && frequencies_[i] > frequencies_[best])) {
      best = i;
      best_distance = distance;
    }
  }
  return best < utf8_.size() ? utf8_[best] : std::string();
}

}  // namespace fahras
