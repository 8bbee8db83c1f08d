// Remembered term statistics (see term_statistics.h).
#include "term_statistics.h"

#include "fahras/schema.h"
#include "key_vocabulary.h"

namespace fahras {

Xapian::doccount TermStatistics::termfreq(const std::string& term) {
  auto found = termfreq_.find(term);
  if (found != termfreq_.end()) return found->second;
  make_room();
  Xapian::doccount frequency = db_.get_termfreq(term);
  termfreq_.emplace(term, frequency);
  return frequency;
}

std::vector<std::string> TermStatistics::stems_with_key(const std::string& key) {
  std::vector<std::string> stems;
  for (const auto& [stem, count] : stem_counts_with_key(key)) stems.push_back(stem);
  return stems;
}

const std::vector<std::pair<std::string, uint64_t>>& TermStatistics::stem_counts_with_key(
    const std::string& key) {
  auto found = with_key_.find(key);
  if (found != with_key_.end()) return found->second;
  make_room();
  const std::string metadata_key = std::string(schema::kMetaKeyVocabularyPrefix) + key;
  KeyVocabulary united;
  if (shards_.empty()) {
    united = parse_key_vocabulary(db_.get_metadata(metadata_key));
  } else {
    for (const Xapian::Database& shard : shards_)
      united.merge(parse_key_vocabulary(shard.get_metadata(metadata_key)));
  }
  return with_key_
      .emplace(key, std::vector<std::pair<std::string, uint64_t>>(united.begin(), united.end()))
      .first->second;
}

void TermStatistics::reopen_shards() {
  for (Xapian::Database& shard : shards_) shard.reopen();
  with_key_.clear();
}

void TermStatistics::forget() {
  termfreq_.clear();
  with_key_.clear();
}

void TermStatistics::forget_terms(const std::unordered_set<std::string>& terms) {
  with_key_.clear();
  for (const std::string& term : terms) termfreq_.erase(term);
}

void TermStatistics::make_room() {
  if (termfreq_.size() + with_key_.size() >= kMaxRememberedAnswers) forget();
}

}  // namespace fahras
