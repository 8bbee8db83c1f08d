// Parsing and lookup of synonym groups (see synonyms.h).
#include "synonyms.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "light_stemmer.h"
#include "normalizer.h"
#include "tokenizer.h"

namespace fahras {

Synonyms Synonyms::parse(std::string_view text, std::vector<SynonymParseError>* errors) {
  Synonyms out;
  std::istringstream in{std::string(text)};
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::vector<std::vector<std::string>> group;
    std::istringstream fields(line);
    std::string field;
    while (std::getline(fields, field, ',')) {
      std::vector<std::string> words = split_words(normalize(field));
      if (!words.empty()) group.push_back(std::move(words));
    }
    if (group.empty()) continue;
    if (group.size() < 2) {
      if (errors) errors->push_back({number, "a synonym group needs two or more variants"});
      continue;
    }
    size_t index = out.groups_.size();
    std::set<std::string> stems;  // a group is found once per stem, however many variants share it
    for (size_t v = 0; v < group.size(); ++v) {
      const auto& variant = group[v];
      if (variant.size() > 1) {
        Phrase phrase{{}, index, v};
        for (const std::string& w : variant) phrase.stems.push_back(stem_word(w));
        out.phrases_.push_back(std::move(phrase));
      }
      if (variant.size() != 1) continue;
      std::string stem = stem_word(variant[0]);
      if (stems.insert(stem).second) out.group_by_stem_.emplace(std::move(stem), index);
    }
    out.groups_.push_back(std::move(group));
  }
  return out;
}

std::vector<std::vector<std::string>> Synonyms::variants_of_stem(const std::string& stem) const {
  std::vector<std::vector<std::string>> out;
  auto [first, last] = group_by_stem_.equal_range(stem);
  for (auto it = first; it != last; ++it) {
    for (const auto& variant : groups_[it->second]) {
      if (variant.size() == 1 && stem_word(variant[0]) == stem) continue;
      out.push_back(variant);
    }
  }
  return out;
}

std::vector<Synonyms::PhraseMatch> Synonyms::phrases_in(
    const std::vector<std::string>& words) const {
  std::vector<PhraseMatch> out;
  if (phrases_.empty()) return out;
  std::vector<std::string> stems;
  for (const std::string& w : words) stems.push_back(stem_word(w));
  for (const Phrase& phrase : phrases_) {
    for (size_t at = 0; at + phrase.stems.size() <= stems.size(); ++at) {
      if (!std::equal(phrase.stems.begin(), phrase.stems.end(), stems.begin() + at)) continue;
      PhraseMatch match{at, phrase.stems.size(), {}};
      const auto& group = groups_[phrase.group];
      for (size_t v = 0; v < group.size(); ++v)
        if (v != phrase.variant) match.others.push_back(group[v]);
      out.push_back(std::move(match));
    }
  }
  return out;
}

}  // namespace fahras
