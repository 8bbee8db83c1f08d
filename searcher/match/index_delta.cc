// The terms a commit changed (see index_delta.h).
#include "index_delta.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "fahras/schema.h"

namespace fahras {
namespace {

void insert_terms(const Xapian::Database& db, Xapian::docid docid,
                  std::unordered_set<std::string>& terms) {
  for (auto t = db.termlist_begin(docid); t != db.termlist_end(docid); ++t) terms.insert(*t);
}

}  // namespace

IndexDelta delta_between(const Xapian::Database& older, const Xapian::Database& newer) {
  IndexDelta delta;
  std::unordered_set<std::string> terms;
  try {
    // Added: ids above the older revision's last (the empty term lists every
    // document). Their terms are read for the first kMaxFollowedDocuments.
    std::unordered_set<std::string> articles;
    const std::string article_prefix(schema::kArticlePrefix);
    Xapian::doccount added = 0;
    Xapian::PostingIterator doc = newer.postlist_begin("");
    doc.skip_to(older.get_lastdocid() + 1);
    for (; doc != newer.postlist_end(""); ++doc) {
      if (++added > kMaxFollowedDocuments) continue;
      for (auto t = newer.termlist_begin(*doc); t != newer.termlist_end(*doc); ++t) {
        terms.insert(*t);
        if ((*t).rfind(article_prefix, 0) == 0) articles.insert(*t);
      }
    }
    Xapian::doccount deleted = older.get_doccount() + added - newer.get_doccount();
    if (added > kMaxFollowedDocuments || deleted > kMaxFollowedDocuments) return delta;
    // Deleted: the older passages of the articles that got new ones, and,
    // when one commit lies between, of the articles it lists as deleted.
    if (deleted > 0 && newer.get_revision() == older.get_revision() + 1) {
      std::istringstream listed(newer.get_metadata(std::string(schema::kMetaLastDeletedArticles)));
      for (std::string article; std::getline(listed, article);)
        if (article.rfind(article_prefix, 0) == 0) articles.insert(article);
    }
    Xapian::doccount found = 0;
    for (const std::string& article : articles) {
      if (deleted == 0) break;
      std::vector<Xapian::docid> kept(newer.postlist_begin(article), newer.postlist_end(article));
      for (auto p = older.postlist_begin(article); p != older.postlist_end(article); ++p) {
        if (std::binary_search(kept.begin(), kept.end(), *p)) continue;
        ++found;
        insert_terms(older, *p, terms);
      }
    }
    if (found != deleted) return delta;  // some deleted without a replacement
  } catch (const Xapian::Error&) {
    // The older revision is gone (DatabaseModifiedError), or anything else:
    // forgetting everything is always right.
    return IndexDelta{};
  }
  delta.terms = std::move(terms);
  return delta;
}

}  // namespace fahras
