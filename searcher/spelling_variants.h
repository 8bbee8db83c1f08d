// Other spellings of a word the index knows: ترامب and ترمب, هوانغ and هوانج,
// إنفيديا and Nvidia.
//
// Names are written several ways, and a query in one spelling should find the
// others. Following the word's whole phonetic key (phonetic_key.h) would also
// follow every other word that shares its consonant skeleton, and in a large
// index that is a long posting list for a few true variants. So the variants
// are read off the index's stems once: those that share the word's stem's key
// and, within a script, differ from it by one letter; across scripts the key
// alone decides.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace fahras {

class SpellingVariants {
 public:
  // Reads every stem term of the index (Z-prefixed, not of a field).
  explicit SpellingVariants(const Xapian::Database& db);

  // The other stems that are spellings of `stem`, as stems (no Z prefix).
  std::vector<std::string> of(const std::string& stem) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> stems_by_key_;  // keys of 2+ stems
};

// Levenshtein distance in code points, or limit + 1 when it exceeds `limit`.
size_t edit_distance(const std::u32string& a, const std::u32string& b, size_t limit);

}  // namespace fahras
