// Article titles for the passages a search shows (see article_titles.h).
#include "article_titles.h"

#include <algorithm>

namespace fahras {

namespace {

// Which of `count` shards holds `docid` of their combined database.
size_t shard_holding(Xapian::docid docid, size_t count) { return (docid - 1) % count; }

}  // namespace

std::string stored_title_of(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                            Xapian::docid docid, const std::string& file) {
  const size_t count = db.size();
  if (count <= 1) return stored_article_title(db, file);
  if (shards.size() != count) return {};
  return stored_article_title(shards[shard_holding(docid, count)], file);
}

void add_article_titles(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                        std::vector<PassageData>& page, const std::vector<Xapian::docid>& docids) {
  const size_t count = std::max<size_t>(db.size(), 1);
  for (size_t i = 0; i < page.size(); ++i) {
    if (!page[i].title.empty()) continue;
    auto same_article = [&](size_t j) {  // the same file in the same shard
      return page[j].file == page[i].file &&
             shard_holding(docids[j], count) == shard_holding(docids[i], count);
    };
    size_t same = 0;  // an earlier passage of the same article
    while (same < i && !same_article(same)) ++same;
    page[i].title =
        same < i ? page[same].title : stored_title_of(db, shards, docids[i], page[i].file);
  }
}

}  // namespace fahras
