// Editable synonym groups for names and terms a phonetic key cannot catch.
//
// The file (corpus/synonyms.csv) has one group per line, variants separated by
// commas, '#' starting a comment: `Huawei, هواوي`. A variant may be several
// words (`ByteDance, بايت دانس`). The indexer stores the file's text in the
// index metadata, so every searcher of the index, local or remote, expands
// queries the same way, and editing the file needs no reindexing.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fahras {

struct SynonymParseError {
  size_t line;
  std::string message;
};

class Synonyms {
 public:
  // Parses the file's text; malformed lines are reported and ignored.
  static Synonyms parse(std::string_view text, std::vector<SynonymParseError>* errors = nullptr);

  // Variants (each a list of normalized words) of the groups that contain the
  // single word whose stem is given, excluding that word itself.
  std::vector<std::vector<std::string>> variants_of_stem(const std::string& stem) const;

  // A variant of several words found in a text, and the group's other variants.
  struct PhraseMatch {
    size_t begin = 0;   // index of its first word among the words searched
    size_t length = 0;  // how many words
    std::vector<std::vector<std::string>> others;
  };
  // The multi-word variants standing in `words` (normalized, in order, stop
  // words included), matched by stem (للذكاء الاصطناعي is الذكاء الاصطناعي).
  std::vector<PhraseMatch> phrases_in(const std::vector<std::string>& words) const;

  size_t group_count() const { return groups_.size(); }

 private:
  std::vector<std::vector<std::vector<std::string>>> groups_;  // group -> variant -> words
  std::multimap<std::string, size_t> group_by_stem_;           // stem of 1-word variant -> group
  struct Phrase {
    std::vector<std::string> stems;
    size_t group;
    size_t variant;
  };
  std::vector<Phrase> phrases_;  // every multi-word variant
};

}  // namespace fahras
