// What a commit changed in an index, as far as the searcher's caches care.
//
// Fahras's writers (indexer/batch_writer.h) change an index only by adding
// documents, under new document ids, and deleting documents; a document is
// never changed in place (docs/index-format.md, Consistency). An article
// streamed in anew adds passages; one sent again replaces its passages: the
// old ones are deleted, the new ones added; one removed has its passages
// deleted, and each commit lists the articles whose passages it deleted
// (schema::kMetaLastDeletedArticles). So a cached answer about a term
// (its posting list, its frequency, the terms beside it under a prefix)
// stays true unless an added or a deleted passage holds that term. Given the
// index at the older revision and at the newer, the searcher forgets only
// those answers rather than all. Its location column stays true after any
// commit (a passage's file and line never change; deleted passages are never
// looked up), so it reads only the added passages' locations.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_set>

namespace fahras {

// Above this many added and deleted passages a commit is a batch, not a
// stream: reading their term lists would cost more than forgetting all.
inline constexpr Xapian::doccount kMaxFollowedDocuments = 1000;

struct IndexDelta {
  // The terms of the passages added and deleted; nullopt when they cannot be
  // had cheaply: more than kMaxFollowedDocuments changed, passages of an
  // article neither replaced nor listed by the one commit between were
  // deleted (several commits lie between), the older revision has since been
  // overwritten, or reading failed.
  std::optional<std::unordered_set<std::string>> terms;
};

// What changed in a single local database between `older` and `newer`, two
// handles on it (newer's revision later).
IndexDelta delta_between(const Xapian::Database& older, const Xapian::Database& newer);

}  // namespace fahras
