// Test fixture: the repository's corpus/ indexed by run_index into a
// temporary directory, for unit tests that need a real index.
#pragma once

#include <xapian.h>

#include <filesystem>

#include "e2e_support.h"
#include "index_run.h"

namespace fahras::testing {

struct CorpusIndex {
  e2e::TempDir dir;
  std::filesystem::path path = dir.path / "db";
  Xapian::Database db;
  CorpusIndex() {
    IndexOptions options;
    options.database = path;
    options.corpus_roots = {std::filesystem::path(FAHRAS_SOURCE_DIR) / "corpus"};
    run_index(options);
    db = Xapian::Database(path.string());
  }
};

}  // namespace fahras::testing
