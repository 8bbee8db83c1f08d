// Remembered term statistics (see term_statistics.h).
#include "term_statistics.h"

#include "fahras/schema.h"
#include "key_vocabulary.h"

namespace fahras {

bool TermAnswers::termfreq(const std::string& term, Xapian::doccount& frequency) const {
  std::shared_lock lock(mutex_);
  auto found = termfreq_.find(term);
  if (found == termfreq_.end()) return false;
  frequency = found->second;
  return true;
}

void TermAnswers::remember_termfreq(const std::string& term, Xapian::doccount frequency) {
  std::unique_lock lock(mutex_);
  make_room();
  termfreq_.emplace(term, frequency);
}

bool TermAnswers::stem_counts(const std::string& key, StemCounts& counts) const {
  std::shared_lock lock(mutex_);
  auto found = with_key_.find(key);
  if (found == with_key_.end()) return false;
  counts = found->second;
  return true;
}

void TermAnswers::remember_stem_counts(const std::string& key, const StemCounts& counts) {
  std::unique_lock lock(mutex_);
  make_room();
  with_key_.emplace(key, counts);
}

void TermAnswers::inherit(const TermAnswers& older,
                          const std::unordered_set<std::string>& changed) {
  std::shared_lock from(older.mutex_);
  std::unique_lock lock(mutex_);
  for (const auto& [term, frequency] : older.termfreq_)
    if (!changed.count(term)) termfreq_.emplace(term, frequency);
}

void TermAnswers::forget() {
  std::unique_lock lock(mutex_);
  termfreq_.clear();
  with_key_.clear();
}

void TermAnswers::forget_keys() {
  std::unique_lock lock(mutex_);
  with_key_.clear();
}

void TermAnswers::forget_terms(const std::unordered_set<std::string>& terms) {
  std::unique_lock lock(mutex_);
  with_key_.clear();
  for (const std::string& term : terms) termfreq_.erase(term);
}

void TermAnswers::make_room() {
  if (termfreq_.size() + with_key_.size() < kMaxRememberedAnswers) return;
  termfreq_.clear();
  with_key_.clear();
}

Xapian::doccount TermStatistics::termfreq(const std::string& term) {
  Xapian::doccount frequency = 0;
  if (answers_->termfreq(term, frequency)) return frequency;
  frequency = db_.get_termfreq(term);
  answers_->remember_termfreq(term, frequency);
  return frequency;
}

std::vector<std::string> TermStatistics::stems_with_key(const std::string& key) {
  std::vector<std::string> stems;
  for (const auto& [stem, count] : stem_counts_with_key(key)) stems.push_back(stem);
  return stems;
}

StemCounts TermStatistics::stem_counts_with_key(const std::string& key) {
  StemCounts counts;
  if (answers_->stem_counts(key, counts)) return counts;
  const std::string metadata_key = std::string(schema::kMetaKeyVocabularyPrefix) + key;
  KeyVocabulary united;
  if (shards_.empty()) {
    united = parse_key_vocabulary(db_.get_metadata(metadata_key));
  } else {
    for (const Xapian::Database& shard : shards_)
      united.merge(parse_key_vocabulary(shard.get_metadata(metadata_key)));
  }
  counts.assign(united.begin(), united.end());
  answers_->remember_stem_counts(key, counts);
  return counts;
}

void TermStatistics::reopen_shards() {
  if (shards_.empty()) return;  // a key's stems are then the database's own, of its revision
  for (Xapian::Database& shard : shards_) {
    // Xapian 1.4 reopens a database whose directory now holds another (a
    // compacted copy exchanged for it, compaction.h) without a word: the new
    // version file over the old tables' open files, whose blocks it then
    // misreads ("EOF reading block"). A new UUID tells; the caller opens anew.
    std::string uuid = shard.get_uuid();
    shard.reopen();
    if (shard.get_uuid() != uuid)
      throw Xapian::DatabaseError("a shard was replaced by another database while open");
  }
  answers_->forget_keys();
}

void TermStatistics::forget() { answers_->forget(); }

void TermStatistics::forget_terms(const std::unordered_set<std::string>& terms) {
  answers_->forget_terms(terms);
}

}  // namespace fahras
