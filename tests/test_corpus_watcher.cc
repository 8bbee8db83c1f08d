// Unit tests of the inotify watcher: which events count, which directories
// are watched.
#include <doctest/doctest.h>
#include <poll.h>

#include "corpus_watcher.h"
#include "e2e_support.h"

using fahras::CorpusWatcher;
using fahras::WatchBatch;
using fahras::e2e::TempDir;
using fahras::e2e::write_file;

namespace {

// Waits up to a second for events, then reads every one ready.
WatchBatch collect(CorpusWatcher& watcher) {
  WatchBatch batch;
  pollfd fd{watcher.fd(), POLLIN, 0};
  if (poll(&fd, 1, 1000) > 0) watcher.drain(batch);
  return batch;
}

}  // namespace

TEST_SUITE("corpus_watcher") {
  TEST_CASE("the files a run reads, by name") {
    CHECK(fahras::is_indexed_file_name("الصين.txt"));
    CHECK(fahras::is_indexed_file_name("synonyms.csv"));
    CHECK_FALSE(fahras::is_indexed_file_name(".مقال.txt.swp"));
    CHECK_FALSE(fahras::is_indexed_file_name("مقال.txt~"));
    CHECK_FALSE(fahras::is_indexed_file_name(".txt"));
    CHECK_FALSE(fahras::is_indexed_file_name("4913"));  // vim's probe file
  }

  TEST_CASE("article files count; editors' temporary files do not") {
    TempDir tmp;
    std::filesystem::create_directories(tmp.path / "news");
    CorpusWatcher watcher({tmp.path});
    CHECK(watcher.watch_trees());
    CHECK(watcher.watched_directories() == 2);

    write_file(tmp.path / "news/.الصين.txt.swp", "مؤقت");
    WatchBatch ignored = collect(watcher);
    CHECK(ignored.events == 0);

    write_file(tmp.path / "news/الصين.txt", "وافقت الصين على استيراد الرقائق.");
    WatchBatch written = collect(watcher);
    CHECK(written.events >= 1);
    CHECK_FALSE(written.directories);

    std::filesystem::rename(tmp.path / "news/.الصين.txt.swp", tmp.path / "news/بكين.txt");
    CHECK(collect(watcher).events == 1);  // moved in under an article's name
  }

  TEST_CASE("folders created, moved out and deleted change the watched set") {
    TempDir tmp, outside;
    CorpusWatcher watcher({tmp.path});
    watcher.watch_trees();
    std::filesystem::create_directories(tmp.path / "أ/ب");
    WatchBatch created = collect(watcher);
    CHECK(created.directories);
    watcher.watch_trees();
    CHECK(watcher.watched_directories() == 3);

    std::filesystem::rename(tmp.path / "أ", outside.path / "أ");
    CHECK(collect(watcher).directories);
    watcher.watch_trees();
    CHECK(watcher.watched_directories() == 1);  // the moved folders no longer watched

    std::filesystem::create_directories(tmp.path / "ج");
    collect(watcher);
    watcher.watch_trees();
    std::filesystem::remove_all(tmp.path / "ج");
    CHECK(collect(watcher).directories);
    CHECK(watcher.watched_directories() == 1);
  }
}
