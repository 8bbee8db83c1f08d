// Article titles for the passages a search shows (see article_titles.h).
#include "article_titles.h"

#include <algorithm>

namespace fahras {

std::string stored_title_of(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                            Xapian::docid docid, const std::string& file) {
  const size_t count = db.size();
  if (count <= 1) return stored_article_title(db, file);
  if (shards.size() != count) return {};
  return stored_article_title(shards[(docid - 1) % count], file);
}

void add_article_titles(const Xapian::Database& db, const std::vector<Xapian::Database>& shards,
                        std::vector<PassageData>& page, const std::vector<Xapian::docid>& docids) {
  const size_t count = std::max<size_t>(db.size(), 1);
  for (size_t i = 0; i < page.size(); ++i) {
    if (!page[i].title.empty()) continue;
    auto same_article = [&](size_t j) {  // the same file in the same shard
      return page[j].file == page[i].file && (docids[j] - 1) % count == (docids[i] - 1) % count;
    };
    size_t same = 0;  // an earlier passage of the same article
    while (same < i && !same_article(same)) ++same;
    page[i].title =
        same < i ? page[same].title : stored_title_of(db, shards, docids[i], page[i].file);
  }
}

}  // namespace fahras
