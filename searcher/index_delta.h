// What a commit changed in an index, as far as the searcher's caches care.
//
// Fahras's writers (indexer/batch_writer.h) change an index only by adding
// documents, under new document ids, and deleting documents; a document is
// never changed in place (docs/index-format.md, Consistency). So when a
// commit deleted nothing, as when an application streams new documents in,
// every document of the old revision is still there, unchanged, and a cached
// answer about a term (its posting list, its frequency, the terms beside it
// under a prefix) stays true unless one of the added documents holds that
// term. The searcher then forgets only those answers, rather than all, and
// extends its location column with the new documents.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_set>

namespace fahras {

// Above this many added documents a commit is a batch, not a stream: reading
// their term lists would cost more than forgetting everything.
inline constexpr Xapian::doccount kMaxFollowedDocuments = 1000;

struct IndexRevision {
  Xapian::doccount documents = 0;
  Xapian::docid last_docid = 0;
};

IndexRevision revision_of(const Xapian::Database& db);

// The terms of the documents added to a single local database since it was
// at `before`; nullopt when documents were also deleted, or more than
// kMaxFollowedDocuments were added.
std::optional<std::unordered_set<std::string>> terms_added_since(const Xapian::Database& db,
                                                                 const IndexRevision& before);

}  // namespace fahras
