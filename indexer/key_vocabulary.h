// The phonetic-key vocabulary: which stems the index holds under each key.
//
// A word's phonetic key (phonetic_key.h) is only ever read as a list: the
// searcher asks which stems the index holds under a key (Nvidia's key lists
// انفيدي), then matches their Z terms. So the index keeps it per distinct
// (key, stem) with a reference count, the number of passages holding a word
// with that key and stem, instead of a posting per occurrence.
//
// Storage: one metadata value per key, schema::kMetaKeyVocabularyPrefix + key,
// lines "stem<TAB>count<LF>" sorted by stem; a key no passage holds has no
// value. The batch writer changes it in the commit that adds or deletes the
// passages (batch_writer.h), so it is exactly as current as the postings. A
// sharded index keeps one per shard, which the reader unites; merging
// databases sums the counts of a key several of them hold
// (merge_key_vocabularies).
#pragma once

#include <xapian.h>

#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fahras {

// A word's phonetic key and stem, as one vocabulary entry.
struct KeyedStem {
  std::string key;
  std::string stem;
  auto operator<=>(const KeyedStem&) const = default;
};

// stem -> passages holding it under one key.
using KeyVocabulary = std::map<std::string, uint64_t>;

// Reads one stored value; malformed lines are skipped.
KeyVocabulary parse_key_vocabulary(std::string_view value);
std::string format_key_vocabulary(const KeyVocabulary& vocabulary);
// One value holding the summed counts of several (databases merged).
std::string merge_key_vocabularies(const std::vector<std::string>& values);

// Changes to the vocabulary made by one batch of passages, applied to the
// database in the batch's transaction.
class KeyVocabularyChanges {
 public:
  // Counts the entries of one passage (each at most once) as added (+1) or
  // deleted (-1).
  void count(const std::vector<KeyedStem>& entries, int sign);
  // Writes every changed key's value (read, changed, written back; a count
  // that would fall below zero stops at zero) and forgets the changes.
  void apply(Xapian::WritableDatabase& db);
  bool empty() const { return changes_.empty(); }

 private:
  std::unordered_map<std::string, std::map<std::string, int64_t>> changes_;
};

// Removes every key's value from `db` (in its open transaction, if any).
void clear_key_vocabulary(Xapian::WritableDatabase& db);

}  // namespace fahras
