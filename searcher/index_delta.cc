// The terms a commit added (see index_delta.h).
#include "index_delta.h"

namespace fahras {

IndexRevision revision_of(const Xapian::Database& db) {
  return {db.get_doccount(), db.get_lastdocid()};
}

std::optional<std::unordered_set<std::string>> terms_added_since(const Xapian::Database& db,
                                                                 const IndexRevision& before) {
  std::unordered_set<std::string> terms;
  Xapian::doccount added = 0;
  // The empty term's posting list holds every document.
  Xapian::PostingIterator doc = db.postlist_begin("");
  doc.skip_to(before.last_docid + 1);
  for (; doc != db.postlist_end(""); ++doc) {
    if (++added > kMaxFollowedDocuments) return std::nullopt;
    for (auto t = db.termlist_begin(*doc); t != db.termlist_end(*doc); ++t) terms.insert(*t);
  }
  if (before.documents + added != db.get_doccount()) return std::nullopt;  // some were deleted
  return terms;
}

}  // namespace fahras
