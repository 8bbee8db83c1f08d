// End-to-end tests of fahras-index --watch: the real watcher on a temporary
// corpus of real articles, each kind of change made as users and their tools
// make it, and the watched index compared through the Xapian API with a clean
// build of the same files.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "e2e_support.h"
#include "index_contents.h"

using namespace fahras::e2e;
using fahras::testing::index_contents;

namespace {

const std::string kIndex = FAHRAS_INDEX_BIN;
using Clock = std::chrono::steady_clock;

// The paragraphs (non-empty lines) of the repository's articles.
std::vector<std::string> corpus_paragraphs() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(FAHRAS_CORPUS_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    std::istringstream lines(read_file(entry.path()));
    for (std::string line; std::getline(lines, line);)
      if (line.size() > 40) out.push_back(line);
  }
  return out;
}

// A running `fahras-index --watch`, its stderr in a log file.
class Watcher {
 public:
  Watcher(const fs::path& db, const fs::path& corpus, const fs::path& log) : log_(log) {
    pid_ = fork();
    if (pid_ == 0) {
      int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      dup2(out, STDERR_FILENO);
      std::string db_arg = db.string(), corpus_arg = corpus.string();
      execl(kIndex.c_str(), kIndex.c_str(), "--db", db_arg.c_str(), "--watch", "--watch-quiet",
            "150", "--watch-poll", "300", corpus_arg.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~Watcher() {
    if (pid_ > 0) stop(SIGKILL);
  }
  // Sends `signal` and returns the exit status (-1: killed by a signal).
  int stop(int signal) {
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string log() const { return read_file(log_); }
  // SIGSTOP / SIGCONT: a stopped watcher reads no events, and its queue fills.
  void pause(bool stopped) { kill(pid_, stopped ? SIGSTOP : SIGCONT); }

 private:
  pid_t pid_ = -1;
  fs::path log_;
};

// The contents of `db`, or an empty map while it cannot be read (not yet
// built, or swapped by a compaction while being read).
std::map<std::string, std::string> contents_now(const fs::path& db) {
  try {
    return index_contents(db);
  } catch (const Xapian::Error&) {
    return {};
  }
}

// Whether the watched index comes to equal a clean build of `corpus` within
// `limit`.
bool converges(const fs::path& watched, const fs::path& corpus, const fs::path& clean,
               std::chrono::seconds limit = std::chrono::seconds(60)) {
  fs::remove_all(clean);
  RunResult built = run(kIndex + " -q --db " + quote(clean) + " " + quote(corpus));
  REQUIRE(built.status == 0);
  auto expected = index_contents(clean);
  for (auto deadline = Clock::now() + limit; Clock::now() < deadline;) {
    if (contents_now(watched) == expected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// Writes `count` files of real paragraphs under `dir`, as a checkout would.
void write_burst(const fs::path& dir, int count, const std::string& tag) {
  static const std::vector<std::string> paragraphs = corpus_paragraphs();
  REQUIRE(!paragraphs.empty());
  for (int i = 0; i < count; ++i)
    write_file(dir / ("d" + std::to_string(i % 20)) / (tag + std::to_string(i) + ".txt"),
               paragraphs[i % paragraphs.size()] + "\n" +
                   paragraphs[(i * 7 + 3) % paragraphs.size()] + "\n");
}

// Sets a /proc/sys/fs/inotify limit for as long as it lives (root only).
class InotifyLimit {
 public:
  InotifyLimit(const std::string& name, long value) : path_("/proc/sys/fs/inotify/" + name) {
    old_ = read_file(path_);
    std::ofstream out(path_);
    out << value;
    out.flush();
    changed_ = static_cast<bool>(out);
  }
  ~InotifyLimit() {
    if (changed_) std::ofstream(path_) << old_;
  }
  bool changed() const { return changed_; }

 private:
  fs::path path_;
  std::string old_;
  bool changed_ = false;
};

// Inotify watches every process holds now (each "inotify wd:" line of fdinfo).
long watches_in_use() {
  long count = 0;
  std::error_code ec;
  for (const auto& proc : fs::directory_iterator("/proc", ec)) {
    std::error_code inner;
    for (const auto& fd : fs::directory_iterator(proc.path() / "fdinfo", inner)) {
      std::ifstream in(fd.path());
      for (std::string line; std::getline(in, line);)
        if (line.rfind("inotify wd:", 0) == 0) ++count;
    }
  }
  return count;
}

}  // namespace

TEST_SUITE("e2e_watch") {
  TEST_CASE("a watched index equals a clean build after every kind of change") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db", clean = tmp.path / "clean";
    fs::create_directories(corpus);
    fs::copy(FAHRAS_CORPUS_DIR, corpus / "news", fs::copy_options::recursive);
    Watcher watcher(db, corpus, tmp.path / "log");
    CHECK(converges(db, corpus, clean));

    // An edit in place: a paragraph appended.
    std::ofstream(corpus / "news/001_721394432df85b15.txt", std::ios::app)
        << "\nوافقت الصين على شحنة جديدة من رقائق H200 بعد مراجعة طويلة.\n";
    CHECK(converges(db, corpus, clean));

    // An editor's save: a temporary file written, then renamed over the old.
    std::string text = read_file(corpus / "news/002_2f2aa2fce6c39f26.txt");
    write_file(corpus / "news/.002.txt.swp", "temporary");
    write_file(corpus / "news/002_2f2aa2fce6c39f26.txt.tmp~", text + "\nفقرة أضافها المحرر.\n");
    fs::rename(corpus / "news/002_2f2aa2fce6c39f26.txt.tmp~",
               corpus / "news/002_2f2aa2fce6c39f26.txt");
    fs::remove(corpus / "news/.002.txt.swp");
    CHECK(converges(db, corpus, clean));

    // Files in folders created at once, before any watch could see them.
    write_burst(corpus / "new/a/b", 3, "n");
    CHECK(converges(db, corpus, clean));

    // A folder moved out of the tree, then back in under another name.
    fs::rename(corpus / "new", tmp.path / "outside");
    CHECK(converges(db, corpus, clean));
    write_file(tmp.path / "outside/a/b/while-outside.txt", "كتب هذا الملف خارج المجلد المراقب.\n");
    fs::rename(tmp.path / "outside", corpus / "moved-in");
    CHECK(converges(db, corpus, clean));

    // A folder deleted, then recreated with other files; a file deleted.
    fs::remove_all(corpus / "moved-in");
    CHECK(converges(db, corpus, clean));
    write_file(corpus / "moved-in/again.txt", "عاد المجلد بملف جديد عن شرائح إنفيديا.\n");
    fs::remove(corpus / "news/004_14b02d1ffb8d8581.txt");
    CHECK(converges(db, corpus, clean));

    // Documents copied in, then one replaced by another: read as they are.
    const fs::path documents = fs::path(FAHRAS_DOCUMENTS_DIR);
    fs::create_directories(corpus / "documents");
    for (const char* name : {"book-chromium.pdf", "book.docx", "book.epub", "statute.odt"})
      fs::copy_file(documents / name, corpus / "documents" / name);
    CHECK(converges(db, corpus, clean));
    fs::copy_file(documents / "statute.docx", corpus / "documents/book.docx.tmp");
    fs::rename(corpus / "documents/book.docx.tmp", corpus / "documents/book.docx");
    CHECK(converges(db, corpus, clean));

    // A burst of thousands of files, as a checkout writes them.
    write_burst(corpus / "checkout", 3000, "c");
    CHECK(converges(db, corpus, clean, std::chrono::seconds(120)));

    CHECK(watcher.stop(SIGTERM) == 0);
    std::string log = watcher.log();
    INFO(log);
    CHECK(log.find("first run") != std::string::npos);
    CHECK(log.find(" added, ") != std::string::npos);
    CHECK(log.find(" removed, ") != std::string::npos);
  }

  TEST_CASE("a missing root or conflicting options: a clear message, status 2, nothing written") {
    TempDir tmp;
    RunResult r = run(kIndex + " --db " + quote(tmp.path / "db") + " --watch " +
                      quote(tmp.path / "no-such-corpus"));
    CHECK(r.status == 2);
    CHECK(r.out.find("no-such-corpus: corpus root is not a directory") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path / "db"));
    r = run(kIndex + " --db " + quote(tmp.path / "db") + " --watch --dry-run " + quote(tmp.path));
    CHECK(r.status == 2);
    CHECK(r.out.find("--watch excludes") != std::string::npos);
  }

  TEST_CASE("SIGINT ends the watch with status 0, the index whole") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db", clean = tmp.path / "clean";
    fs::copy(FAHRAS_CORPUS_DIR, corpus, fs::copy_options::recursive);
    Watcher watcher(db, corpus, tmp.path / "log");
    CHECK(converges(db, corpus, clean));
    write_burst(corpus / "more", 400, "m");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(watcher.stop(SIGINT) == 0);
    CHECK(run("xapian-check " + quote(db)).out.find("No errors found") != std::string::npos);
    INFO(watcher.log());
    // A batch run completes what the watch began.
    CHECK(run(kIndex + " -q --db " + quote(db) + " " + quote(corpus)).status == 0);
    CHECK(converges(db, corpus, clean, std::chrono::seconds(1)));
  }

  TEST_CASE("kill -9 mid-burst: the index opens, and the next watch converges") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db", clean = tmp.path / "clean";
    fs::copy(FAHRAS_CORPUS_DIR, corpus, fs::copy_options::recursive);
    // Killed while the burst is being written, while its batch is collected,
    // and while it is being indexed.
    for (int delay_ms : {200, 600, 1000}) {
      Watcher watcher(db, corpus, tmp.path / "log");
      CHECK(converges(db, corpus, clean));
      std::thread burst([&] { write_burst(corpus / "checkout", 2000, std::to_string(delay_ms)); });
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      CHECK(watcher.stop(SIGKILL) == -1);
      burst.join();
      CHECK(run("xapian-check " + quote(db)).out.find("No errors found") != std::string::npos);
    }
    Watcher again(db, corpus, tmp.path / "log2");
    CHECK(converges(db, corpus, clean, std::chrono::seconds(120)));
    CHECK(again.stop(SIGTERM) == 0);
  }

  TEST_CASE("an overflowed event queue and the watch limit fall back to scanning") {
    if (geteuid() != 0) {
      MESSAGE("skipped: setting /proc/sys/fs/inotify limits needs root");
      return;
    }
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db", clean = tmp.path / "clean";
    fs::create_directories(corpus);
    fs::copy(FAHRAS_CORPUS_DIR, corpus / "news", fs::copy_options::recursive);
    {
      // The queue's length is read when the watcher starts: 16 events.
      std::optional<Watcher> watcher;
      {
        InotifyLimit queue("max_queued_events", 16);
        REQUIRE(queue.changed());
        watcher.emplace(db, corpus, tmp.path / "log");
        CHECK(converges(db, corpus, clean));
      }
      write_burst(corpus / "checkout", 20, "o");  // its folders, watched from then on
      CHECK(converges(db, corpus, clean));
      // Stopped while three events a file arrive in watched folders.
      watcher->pause(true);
      write_burst(corpus / "checkout", 300, "o");
      watcher->pause(false);
      CHECK(converges(db, corpus, clean));
      CHECK(watcher->stop(SIGTERM) == 0);
      INFO(watcher->log());
      CHECK(watcher->log().find("overflowed") != std::string::npos);
    }
    {
      // Room for two more watches: the corpus has more directories.
      InotifyLimit watches("max_user_watches", watches_in_use() + 2);
      REQUIRE(watches.changed());
      Watcher watcher(db, corpus, tmp.path / "log-limit");
      CHECK(converges(db, corpus, clean));
      write_file(corpus / "checkout/d3/late.txt", "ملف في مجلد لا يراقبه الإشعار.\n");
      CHECK(converges(db, corpus, clean));
      CHECK(watcher.stop(SIGTERM) == 0);
      INFO(watcher.log());
      CHECK(watcher.log().find("watch limit") != std::string::npos);
    }
  }
}
