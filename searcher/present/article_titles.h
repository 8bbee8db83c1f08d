// Article titles for the passages a search shows.
//
// The index stores each article's title once, as metadata of the shard that
// holds the article (schema::article_title_key); passages written before
// hold it in their own data (passage_document.h). Xapian answers metadata
// from a combined database's first shard only, so a title is read from the
// shard the passage's docid falls in (Xapian interleaves the shards' docids:
// shard (docid - 1) % shards).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "passage_document.h"

namespace fahras {

// The title `db` stores for the article `file`, which holds passage `docid`
// of `db`: read from `shards[(docid - 1) % shards.size()]` when `db` has
// several (`shards`: its shards in Xapian's order, opened on their own; ""
// when they do not match its count).
std::string stored_title_of(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                            Xapian::docid docid, const std::string& file);

// Gives each passage of `page` (the data of `db`'s `docids`, in their order)
// that holds no title its article's stored one, read once per article.
void add_article_titles(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                        std::vector<PassageData>& page, const std::vector<Xapian::docid>& docids);

}  // namespace fahras
