// Spelling suggestions over an in-memory vocabulary (see spelling_suggester.h).
#include "spelling_suggester.h"

#include <algorithm>

#include "passage_document.h"
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
  built_ = 0;
  deletes_.clear();
  added_deletes_.clear();
  added_.clear();
}

size_t SpellingSuggester::index_of(const std::string& word) const {
  auto end = utf8_.begin() + static_cast<std::ptrdiff_t>(built_);
  auto at = std::lower_bound(utf8_.begin(), end, word);
  if (at != end && *at == word) return static_cast<size_t>(at - utf8_.begin());
  auto added = added_.find(word);
  return added == added_.end() ? utf8_.size() : added->second;
}

void SpellingSuggester::follow(const Xapian::Database& spelling,
                               const std::unordered_set<std::string>& words) {
  if (!loaded_) return;  // the table, when built, reads the database as it is then
  std::vector<std::string> sorted;
  for (const std::string& word : words)
    if (is_spelling_word(word)) sorted.push_back(word);
  std::sort(sorted.begin(), sorted.end());
  // Xapian 1.4 looks a spelling's frequency up by skipping its list of
  // spellings to it: in byte order, one list serves them all.
  Xapian::TermIterator at = spelling.spellings_begin();
  std::vector<uint64_t> suffix;
  std::u32string letters;
  for (const std::string& word : sorted) {
    if (at != spelling.spellings_end()) at.skip_to(word);
    Xapian::doccount frequency =
        at != spelling.spellings_end() && *at == word ? at.get_termfreq() : 0;
    size_t i = index_of(word);
    if (i < utf8_.size()) {
      frequencies_[i] = frequency;
      continue;
    }
    if (frequency == 0) continue;
    if (added_.size() >= kMaxFollowedWords) {
      forget();  // built again from the database after the next questions
      return;
    }
    auto index = static_cast<uint32_t>(utf8_.size());
    utf8_.push_back(word);
    frequencies_.push_back(frequency);
    added_.emplace(word, index);
    to_utf32_into(word, letters);
    deletion_hashes(letters, suffix, [&](uint64_t h) {
      auto at =
          std::lower_bound(added_deletes_.begin(), added_deletes_.end(), std::make_pair(h, index));
      added_deletes_.insert(at, {h, index});
    });
  }
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
  built_ = utf8_.size();
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
    for (const auto* table : {&deletes_, &added_deletes_}) {
      auto at = std::lower_bound(table->begin(), table->end(), std::make_pair(h, uint32_t{0}));
      for (; at != table->end() && at->first == h; ++at) candidates.push_back(at->second);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  size_t best = utf8_.size();
  unsigned best_distance = max_edits + 1;
  std::u32string candidate;
  for (uint32_t i : candidates) {
    if (frequencies_[i] == 0) continue;  // gone since the table was built
    if (utf8_[i] == word) return {};     // the word is in the table itself
    to_utf32_into(utf8_[i], candidate);
    unsigned distance = osa_distance(candidate, target, max_edits);
    bool better = distance < best_distance;
    if (!better && distance == best_distance && best < utf8_.size())
      better = frequencies_[i] > frequencies_[best] ||
               (frequencies_[i] == frequencies_[best] && utf8_[i] < utf8_[best]);
    if (better) {
      best = i;
      best_distance = distance;
    }
  }
  return best < utf8_.size() ? utf8_[best] : std::string();
}

}  // namespace fahras
