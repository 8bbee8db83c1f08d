// Writes whole articles into a Fahras index in crash-safe batches.
//
// Every change goes through one Xapian transaction per batch of about
// commit_every passages, so an article's passages, its entries in the key
// vocabulary (key_vocabulary.h) and its state (a metadata value) are
// committed together or not at all, and so is its title (stored once per
// article: schema::kMetaArticleTitlePrefix). An article of more passages than that
// (a file that is a whole archive) is the exception: Xapian holds a
// transaction's postings in memory, so it is committed in parts, its state
// removed in the first and set in the last; after a crash in between it has
// no state, and the next run indexes it again. Searchers may see part of it
// meanwhile. So is the
// count of passages changed since the last compaction (compaction.h), and
// the articles whose passages the commit deleted (schema.h). Used
// by corpus runs (index_run.h) and document ingestion (record_ingest.h).
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "key_vocabulary.h"
#include "passage_document.h"

namespace fahras {

// A commit that deletes the passages of more articles lists none (writes "*").
inline constexpr size_t kMaxListedDeletedArticles = 1000;
// An article is also committed in parts once its uncommitted passages hold
// this many bytes of text: Xapian keeps a transaction's postings in memory,
// and full windows of one giant line (kMaxPassageWords words each) hold
// twice the words of ordinary paragraphs.
inline constexpr size_t kMaxArticleBytesPerPart = 8 << 20;

class BatchWriter {
 public:
  BatchWriter(Xapian::WritableDatabase& db, size_t commit_every);
  ~BatchWriter();  // an unfinished batch is discarded, as after a crash

  // Replaces every passage of `article` (its B term) with `passages` and sets
  // its state metadata: begin_article, add_passages, end_article.
  void replace_article(const std::string& article, const std::vector<PassageDocument>& passages,
                       const std::string& state_key, const std::string& state);
  // The same in steps, for an article whose passages come in parts: removes
  // its passages; adds passages (committing when the article alone has
  // brought commit_every passages, or kMaxArticleBytesPerPart bytes of text,
  // since the last commit); sets its state.
  void begin_article(const std::string& article, const std::string& state_key);
  void add_passages(const std::vector<PassageDocument>& passages);
  void end_article(const std::string& state);
  // Removes every passage of `article` and its state.
  void remove_article(const std::string& article, const std::string& state_key);
  void set_metadata(const std::string& key, const std::string& value);
  // Empties the key vocabulary and counts only passages added from now on:
  // for a run that re-analyzes every passage another analysis version made
  // (their entries would not be the ones this version derives).
  void restart_key_vocabulary();
  // Empties Xapian's spelling table, which indexes written by analysis
  // version 8 and before kept up to date ("did you mean" now reads the
  // index's words: searcher/spelling/spelling_suggester.h).
  void drop_spelling_table();

  // Commits the open batch.
  void finish();

  // Passages deleted so far, replaced ones included.
  size_t passages_deleted() const { return passages_deleted_; }

 private:
  void delete_passages(const std::string& article);
  void commit_if_due();

  Xapian::WritableDatabase& db_;
  size_t commit_every_;
  size_t pending_ = 0;
  size_t article_bytes_pending_ = 0;
  // The article begun and not ended: its id, its state key, and its passages
  // added since the last commit.
  std::string article_;
  std::string article_state_key_;
  size_t article_pending_ = 0;
  size_t passages_deleted_ = 0;
  size_t passages_changed_in_batch_ = 0;  // added and deleted, for kMetaChangedSinceCompaction
  std::vector<std::string> deleted_articles_in_batch_;  // for kMetaLastDeletedArticles
  bool in_transaction_ = false;
  KeyVocabularyChanges key_vocabulary_;
  Xapian::docid key_vocabulary_since_ = 0;  // schema::kMetaKeyVocabularySince
};

}  // namespace fahras
