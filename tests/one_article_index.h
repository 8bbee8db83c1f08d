// Test helper: an index the indexer builds of one article (c/a.txt in a
// temporary directory, the index in db beside it), opened for reading.
#pragma once

#include <xapian.h>

#include <string>

#include "e2e_support.h"
#include "index_run.h"

namespace fahras::testing {

struct OneArticleIndex {
  e2e::TempDir dir;
  Xapian::Database db;
  explicit OneArticleIndex(const std::string& article) {
    e2e::write_file(dir.path / "c/a.txt", article);
    IndexOptions options;
    options.database = dir.path / "db";
    options.corpus_roots = {dir.path / "c"};
    run_index(options);
    db = Xapian::Database(options.database.string());
  }
};

}  // namespace fahras::testing
