// Spelling suggestions over an in-memory vocabulary (see spelling_suggester.h).
#include "spelling_suggester.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "passage_document.h"
#include "shared_spelling_tables.h"
#include "utf8.h"

namespace fahras {
namespace {

// A polynomial hash of code points (mod 2^64), so that the hash of a word
// without one letter comes from its prefix and suffix hashes in O(1): a
// table of a million deletes is built without making the strings. Equal
// hashes are only candidates: each is checked by its edit distance.
constexpr uint64_t kBase = 0x100000001b3ULL;

constexpr unsigned kBucketBits = 16;

std::atomic<uint64_t> tables_read{0};

// Where the index's unprefixed terms begin: after every capital letter.
const std::string kFirstWordTerm = "[";

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

// The best of the candidates considered: the least distance to the target
// (at most max_edits), then the most frequent, then the first in byte order.
class Closest {
 public:
  Closest(const std::u32string& target, unsigned max_edits)
      : target_(target), max_edits_(max_edits), best_distance_(max_edits + 1) {}

  void consider(const std::string& candidate, Xapian::doccount frequency) {
    to_utf32_into(candidate, letters_);
    unsigned distance = osa_distance(letters_, target_, max_edits_);
    if (distance > max_edits_) return;
    bool better =
        distance < best_distance_ ||
        (distance == best_distance_ &&
         (frequency > best_frequency_ || (frequency == best_frequency_ && candidate < best_)));
    if (!better) return;
    best_ = candidate;
    best_distance_ = distance;
    best_frequency_ = frequency;
  }
  const std::string& word() const { return best_; }

 private:
  const std::u32string& target_;
  unsigned max_edits_;
  unsigned best_distance_;
  Xapian::doccount best_frequency_ = 0;
  std::string best_;
  std::u32string letters_;
};

// The letters a word may have gained, lost or had swapped for another: the
// Arabic letters (hamza to yeh) for an Arabic word, a-z and digits for a Latin one.
std::u32string alphabet_for(const std::u32string& word) {
  std::u32string letters;
  bool latin = std::all_of(word.begin(), word.end(), [](char32_t c) { return c < 0x80; });
  if (latin) {
    for (char32_t c = U'a'; c <= U'z'; ++c) letters.push_back(c);
    for (char32_t c = U'0'; c <= U'9'; ++c) letters.push_back(c);
  } else {
    for (char32_t c = 0x0621; c <= 0x064A; ++c)
      if (c < 0x063B || c > 0x0640) letters.push_back(c);  // not the unassigned or tatweel
  }
  return letters;
}

// Every string one edit (deletion, swap of neighbours, substitution,
// insertion) from `word`, added to `out` in UTF-8.
void one_edit_from(const std::u32string& word, const std::u32string& alphabet,
                   std::vector<std::string>& out) {
  const size_t n = word.size();
  std::u32string w;
  for (size_t i = 0; i < n; ++i) {
    w = word;
    w.erase(i, 1);
    out.push_back(to_utf8(w));
    if (i + 1 < n) {
      w = word;
      std::swap(w[i], w[i + 1]);
      out.push_back(to_utf8(w));
    }
  }
  for (char32_t c : alphabet) {
    for (size_t i = 0; i <= n; ++i) {
      if (i < n && word[i] != c) {
        w = word;
        w[i] = c;
        out.push_back(to_utf8(w));
      }
      w = word;
      w.insert(w.begin() + static_cast<std::ptrdiff_t>(i), c);
      out.push_back(to_utf8(w));
    }
  }
}

// The strings the table would offer as candidates: one edit from the word,
// and with two edits allowed, the word without one letter and one edit from
// that (a letter too many in the query, and one more edit).
std::vector<std::string> words_within_reach(const std::u32string& word, unsigned max_edits) {
  std::u32string alphabet = alphabet_for(word);
  std::vector<std::string> out;
  one_edit_from(word, alphabet, out);
  if (max_edits >= 2 && word.size() > 2) {
    for (size_t i = 0; i < word.size(); ++i) {
      std::u32string shorter = word;
      shorter.erase(i, 1);
      one_edit_from(shorter, alphabet, out);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

Xapian::rev revision_of(const Xapian::Database& index) {
  if (index.size() != 1) return 0;
  try {
    return index.get_revision();
  } catch (const Xapian::UnimplementedError&) {
    return 0;  // a backend without revisions (in-memory, remote)
  } catch (const Xapian::InvalidOperationError&) {
    return 0;
  }
}

uint64_t spelling_tables_read() { return tables_read.load(std::memory_order_relaxed); }

std::shared_ptr<const SpellingTable> read_spelling_table(const Xapian::Database& index) {
  tables_read.fetch_add(1, std::memory_order_relaxed);
  auto table = std::make_shared<SpellingTable>();
  table->uuid = index.get_uuid();
  table->revision = revision_of(index);
  // Prefixed terms start with a capital letter: the words come after them.
  Xapian::TermIterator t = index.allterms_begin();
  t.skip_to(kFirstWordTerm);
  for (; t != index.allterms_end(); ++t) {
    if (!is_spelling_word(*t)) continue;
    table->words.push_back(*t);
    table->frequencies.push_back(t.get_termfreq());
  }
  // Counting sort into buckets by the hash's top bits, then each (small)
  // bucket sorted: the table is in hash order without a sort of it all.
  // (The hashes are computed twice, to count and to place: cheaper than
  // holding them all twice.)
  const std::vector<std::string>& words = table->words;
  std::vector<std::pair<uint64_t, uint32_t>>& deletes = table->deletes;
  std::vector<uint64_t> suffix;
  std::u32string word;
  const unsigned shift = 64 - kBucketBits;
  std::vector<uint32_t> start((size_t{1} << kBucketBits) + 1, 0);
  for (uint32_t i = 0; i < words.size(); ++i) {
    to_utf32_into(words[i], word);
    deletion_hashes(word, suffix, [&](uint64_t h) { ++start[(h >> shift) + 1]; });
  }
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  deletes.resize(start.back());
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (uint32_t i = 0; i < words.size(); ++i) {
    to_utf32_into(words[i], word);
    deletion_hashes(word, suffix, [&](uint64_t h) { deletes[fill[h >> shift]++] = {h, i}; });
  }
  for (size_t b = 0; b + 1 < start.size(); ++b)
    std::sort(deletes.begin() + start[b], deletes.begin() + start[b + 1]);
  return table;
}

void SpellingSuggester::forget() {
  asked_ = 0;
  table_.reset();
  frequencies_.clear();
  added_words_.clear();
  added_deletes_.clear();
  added_.clear();
  since_.reset();
  changed_since_.clear();
}

void SpellingSuggester::share_tables(std::string path) {
  shared_path_ = std::move(path);
  forget();
}

size_t SpellingSuggester::index_of(const std::string& word) const {
  const std::vector<std::string>& words = table_->words;
  auto at = std::lower_bound(words.begin(), words.end(), word);
  if (at != words.end() && *at == word) return static_cast<size_t>(at - words.begin());
  auto added = added_.find(word);
  return added == added_.end() ? size() : added->second;
}

void SpellingSuggester::follow(const Xapian::Database& index,
                               const std::unordered_set<std::string>& words) {
  if (!table_) {
    // A table read later reads the database as it is then; one read by
    // another thread may be older, back to since_.
    if (!since_) return;
    for (const std::string& word : words)
      if (is_spelling_word(word)) changed_since_.insert(word);
    if (changed_since_.size() > kMaxFollowedWords) forget();
    return;
  }
  std::vector<uint64_t> suffix;
  std::u32string letters;
  for (const std::string& word : words) {
    if (!is_spelling_word(word)) continue;
    Xapian::doccount frequency = index.get_termfreq(word);
    size_t i = index_of(word);
    if (i < size()) {
      frequencies_[i] = frequency;
      continue;
    }
    if (frequency == 0) continue;
    if (added_.size() >= kMaxFollowedWords) {
      forget();  // built again from the database after the next questions
      return;
    }
    auto index = static_cast<uint32_t>(size());
    added_words_.push_back(word);
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

void SpellingSuggester::adopt(const Xapian::Database& index,
                              std::shared_ptr<const SpellingTable> table) {
  table_ = std::move(table);
  frequencies_ = table_->frequencies;
  std::unordered_set<std::string> changed;
  changed.swap(changed_since_);
  follow(index, changed);
}

void SpellingSuggester::obtain_table(const Xapian::Database& index) {
  if (!shared_path_.empty() && since_) {
    SharedTable shared =
        shared_spelling_tables().find(shared_path_, index.get_uuid(), *since_, revision_of(index));
    if (shared.table) return adopt(index, std::move(shared.table));
    if (shared.building) return;
  }
  adopt(index, read_spelling_table(index));
}

std::string SpellingSuggester::suggest(const Xapian::Database& index, const std::string& word,
                                       unsigned max_edits) {
  max_edits = std::min(max_edits, kMaxSuggestionEdits);
  const std::u32string target = to_utf32(word);
  if (target.empty() || target.size() > kMaxSuggestionLetters) return {};
  if (!shared_path_.empty() && !since_) since_ = revision_of(index);
  if (!table_ && asked_ >= kQuestionsBeforeTable) obtain_table(index);
  Closest closest(target, max_edits);
  if (!table_) {
    // The first questions (and, sharing, those until a table is ready) look
    // the words within reach up in the index: a program that asks once
    // (fahras-search) does not read every word.
    ++asked_;
    if (index.get_termfreq(word) > 0) return {};
    for (const std::string& candidate : words_within_reach(target, max_edits))
      if (is_spelling_word(candidate))
        if (Xapian::doccount f = index.get_termfreq(candidate)) closest.consider(candidate, f);
    return closest.word();
  }
  std::vector<uint32_t> candidates;
  for (uint64_t h : query_hashes(target)) {
    for (const auto* table : {&table_->deletes, &std::as_const(added_deletes_)}) {
      auto at = std::lower_bound(table->begin(), table->end(), std::make_pair(h, uint32_t{0}));
      for (; at != table->end() && at->first == h; ++at) candidates.push_back(at->second);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint32_t i : candidates) {
    if (frequencies_[i] == 0) continue;  // gone since the table was read
    if (word_at(i) == word) return {};   // the word is in the table itself
    closest.consider(word_at(i), frequencies_[i]);
  }
  return closest.word();
}

}  // namespace fahras
