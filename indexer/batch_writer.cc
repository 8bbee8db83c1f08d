// Crash-safe batched writes (see batch_writer.h).
#include "batch_writer.h"

#include <charconv>

#include "compaction.h"
#include "fahras/schema.h"
#include "normalizer.h"
#include "passage_dictionary.h"

namespace fahras {

BatchWriter::BatchWriter(Xapian::WritableDatabase& db, size_t commit_every)
    : db_(db), commit_every_(commit_every) {
  std::string since = db_.get_metadata(std::string(schema::kMetaKeyVocabularySince));
  std::from_chars(since.data(), since.data() + since.size(), key_vocabulary_since_);
  load_passage_dictionary(db_);  // deleted passages' stored data is read
  db_.begin_transaction();
  in_transaction_ = true;
}

BatchWriter::~BatchWriter() {
  if (in_transaction_) {
    try {
      db_.cancel_transaction();
    } catch (const Xapian::Error&) {
    }
  }
}

void BatchWriter::drop_spelling_table() {
  std::vector<std::pair<std::string, Xapian::termcount>> words;
  for (auto w = db_.spellings_begin(); w != db_.spellings_end(); ++w)
    words.emplace_back(*w, w.get_termfreq());
  for (const auto& [word, frequency] : words) db_.remove_spelling(word, frequency);
}

void BatchWriter::delete_passages(const std::string& article) {
  std::string term = schema::article_term(article);
  std::vector<Xapian::docid> ids(db_.postlist_begin(term), db_.postlist_end(term));
  for (Xapian::docid id : ids) {
    if (id < key_vocabulary_since_) continue;
    Xapian::Document doc = db_.get_document(id);
    key_vocabulary_.count(word_terms_of(normalize(passage_data_of(doc).text)).keyed_stems, -1);
  }
  if (!ids.empty()) {
    db_.delete_document(term);
    db_.set_metadata(schema::article_title_key(article), std::string());
  }
  pending_ += ids.size();
  passages_deleted_ += ids.size();
  passages_changed_in_batch_ += ids.size();
  if (!ids.empty()) deleted_articles_in_batch_.push_back(term);
}

void BatchWriter::replace_article(const std::string& article,
                                  const std::vector<PassageDocument>& passages,
                                  const std::string& state_key, const std::string& state) {
  begin_article(article, state_key);
  add_passages(passages);
  end_article(state);
}

void BatchWriter::begin_article(const std::string& article, const std::string& state_key) {
  delete_passages(article);
  article_ = article;
  article_state_key_ = state_key;
  article_pending_ = 0;
  article_bytes_pending_ = 0;
}

void BatchWriter::add_passages(const std::vector<PassageDocument>& passages) {
  for (const PassageDocument& passage : passages) {
    db_.add_document(passage.document);
    key_vocabulary_.count(passage.keyed_stems, +1);
    if (!passage.article_title.empty())
      db_.set_metadata(schema::article_title_key(article_), passage.article_title);
  }
  pending_ += passages.size();
  passages_changed_in_batch_ += passages.size();
  article_pending_ += passages.size();
  for (const PassageDocument& passage : passages) article_bytes_pending_ += passage.text_bytes;
  if (article_pending_ < commit_every_ && article_bytes_pending_ < kMaxArticleBytesPerPart) return;
  // Committed in parts: without a state until its last part is.
  db_.set_metadata(article_state_key_, std::string());
  finish();
  db_.begin_transaction();
  in_transaction_ = true;
  article_pending_ = 0;
  article_bytes_pending_ = 0;
}

void BatchWriter::end_article(const std::string& state) {
  db_.set_metadata(article_state_key_, state);
  ++pending_;
  article_.clear();
  article_state_key_.clear();
  commit_if_due();
}

void BatchWriter::remove_article(const std::string& article, const std::string& state_key) {
  delete_passages(article);
  db_.set_metadata(state_key, std::string());
  ++pending_;
  commit_if_due();
}

void BatchWriter::set_metadata(const std::string& key, const std::string& value) {
  db_.set_metadata(key, value);
}

void BatchWriter::restart_key_vocabulary() {
  clear_key_vocabulary(db_);
  key_vocabulary_ = KeyVocabularyChanges();
  key_vocabulary_since_ = db_.get_lastdocid() + 1;
  db_.set_metadata(std::string(schema::kMetaKeyVocabularySince),
                   std::to_string(key_vocabulary_since_));
}

void BatchWriter::commit_if_due() {
  if (pending_ < commit_every_) return;
  finish();
  db_.begin_transaction();
  in_transaction_ = true;
}

void BatchWriter::finish() {
  if (!in_transaction_) return;
  key_vocabulary_.apply(db_);
  if (passages_changed_in_batch_ > 0) {
    std::string key(schema::kMetaChangedSinceCompaction);
    db_.set_metadata(
        key, std::to_string(passages_changed_since_compaction(db_) + passages_changed_in_batch_));
    std::string deleted;
    if (deleted_articles_in_batch_.size() > kMaxListedDeletedArticles) {
      deleted = "*";
    } else {
      for (const std::string& article : deleted_articles_in_batch_) deleted += article + "\n";
    }
    db_.set_metadata(std::string(schema::kMetaLastDeletedArticles), deleted);
    passages_changed_in_batch_ = 0;
    deleted_articles_in_batch_.clear();
  }
  db_.commit_transaction();
  in_transaction_ = false;
  pending_ = 0;
}

}  // namespace fahras
