// The phonetic-key vocabulary in index metadata (see key_vocabulary.h).
#include "key_vocabulary.h"

#include <charconv>

#include "fahras/schema.h"

namespace fahras {

KeyVocabulary parse_key_vocabulary(std::string_view value) {
  KeyVocabulary vocabulary;
  while (!value.empty()) {
    size_t end = value.find('\n');
    std::string_view line = value.substr(0, end);
    value = end == std::string_view::npos ? std::string_view() : value.substr(end + 1);
    size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    uint64_t count = 0;
    auto [rest, error] = std::from_chars(line.data() + tab + 1, line.data() + line.size(), count);
    if (error != std::errc() || rest != line.data() + line.size() || count == 0) continue;
    vocabulary[std::string(line.substr(0, tab))] += count;
  }
  return vocabulary;
}

std::string format_key_vocabulary(const KeyVocabulary& vocabulary) {
  std::string value;
  for (const auto& [stem, count] : vocabulary) {
    if (count == 0) continue;
    value += stem;
    value += '\t';
    value += std::to_string(count);
    value += '\n';
  }
  return value;
}

std::string merge_key_vocabularies(const std::vector<std::string>& values) {
  KeyVocabulary merged;
  for (const std::string& value : values)
    for (const auto& [stem, count] : parse_key_vocabulary(value)) merged[stem] += count;
  return format_key_vocabulary(merged);
}

void KeyVocabularyChanges::count(const std::vector<KeyedStem>& entries, int sign) {
  for (const KeyedStem& entry : entries) changes_[entry.key][entry.stem] += sign;
}

void KeyVocabularyChanges::apply(Xapian::WritableDatabase& db) {
  const std::string prefix(schema::kMetaKeyVocabularyPrefix);
  for (const auto& [key, stems] : changes_) {
    std::string metadata_key = prefix + key;
    KeyVocabulary vocabulary = parse_key_vocabulary(db.get_metadata(metadata_key));
    bool changed = false;
    for (const auto& [stem, delta] : stems) {
      if (delta == 0) continue;
      uint64_t& count = vocabulary[stem];
      count = delta > 0 ? count + static_cast<uint64_t>(delta)
                        : count - std::min(count, static_cast<uint64_t>(-delta));
      changed = true;
    }
    if (changed) db.set_metadata(metadata_key, format_key_vocabulary(vocabulary));
  }
  changes_.clear();
}

void clear_key_vocabulary(Xapian::WritableDatabase& db) {
  const std::string prefix(schema::kMetaKeyVocabularyPrefix);
  std::vector<std::string> keys(db.metadata_keys_begin(prefix), db.metadata_keys_end(prefix));
  for (const std::string& key : keys) db.set_metadata(key, std::string());
}

}  // namespace fahras
