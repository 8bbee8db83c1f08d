// End-to-end tests of fahras-index: the real binary on real files, with the
// resulting index checked through the Xapian API.
#include <doctest/doctest.h>
#include <signal.h>
#include <xapian.h>
#include <zstd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "analysis_version.h"
#include "analyzer.h"
#include "e2e_support.h"
#include "fahras/schema.h"
#include "index_contents.h"
#include "passage_dictionary.h"
#include "passage_document.h"
#include "searcher.h"

using namespace fahras::e2e;
using fahras::testing::index_contents;
namespace schema = fahras::schema;

namespace {

const std::string kIndex = FAHRAS_INDEX_BIN;

RunResult index(const fs::path& db, const fs::path& corpus, const std::string& flags = "") {
  return run(kIndex + " -q --db " + quote(db) + " " + flags + " " + quote(corpus));
}

// Every passage id in the index (FILE:LINE[#WINDOW]), from its values.
std::set<std::string> passages(const fs::path& db) {
  Xapian::Database d(db.string());
  std::set<std::string> ids;
  for (auto p = d.postlist_begin(""); p != d.postlist_end(""); ++p) {
    Xapian::Document doc = d.get_document(*p);
    std::string file;
    uint32_t line = 0;
    REQUIRE(schema::parse_location_value(doc.get_value(schema::kSlotLocation), file, line));
    std::string window_value = doc.get_value(schema::kSlotWindow);  // absent: window 0
    auto window = window_value.empty()
                      ? 0u
                      : static_cast<uint32_t>(Xapian::sortable_unserialise(window_value));
    ids.insert(file + ":" + std::to_string(line) +
               (window > 0 ? "#" + std::to_string(window) : std::string()));
  }
  return ids;
}

const std::string kArticleA =
    "الصين توافق على استيراد شرائح H200\n"
    "\n"
    "وافقت السلطات الصينية على استيراد الدفعة الأولى من شرائح إنفيديا.\n"
    "موافقة بعد زيارة هوانغ\n"
    "منحت بكين الضوء الأخضر لاستيراد مئات الآلاف من الشرائح.\n";
const std::string kArticleB =
    "واشنطن تسمح ببيع الرقائق\n"
    "سمحت إدارة ترامب ببيع رقائق H200 إلى الصين.\n";
const std::string kArticleC = "مقال ثالث\nفقرة عن الذكاء الاصطناعي.\n";

// The block sizes xapian-check reports for the index's tables, each once
// ("4K"; the docdata table, never written, reports none).
std::set<std::string> block_sizes(const fs::path& db) {
  std::string report = run("xapian-check " + quote(db)).out;
  std::set<std::string> sizes;
  for (size_t at = report.find("blocksize="); at != std::string::npos;
       at = report.find("blocksize=", at + 1))
    sizes.insert(report.substr(at + 10, report.find(' ', at) - at - 10));
  return sizes;
}

}  // namespace

TEST_SUITE("e2e_index") {
  TEST_CASE("incremental runs: add, edit, delete, rename, touch") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db";
    write_file(corpus / "a.txt", kArticleA);
    write_file(corpus / "sub/b.txt", kArticleB);
    write_file(corpus / "c.txt", kArticleC);

    RunResult r = index(db, corpus);
    CHECK_MESSAGE(r.status == 0, r.out);
    CHECK(r.out.find("3 added, 0 updated, 0 removed, 0 unchanged, 0 skipped") != std::string::npos);
    CHECK(passages(db) == std::set<std::string>{"a.txt:1", "a.txt:3", "a.txt:4", "a.txt:5",
                                                "c.txt:1", "c.txt:2", "sub/b.txt:1",
                                                "sub/b.txt:2"});

    SUBCASE("edit a file: only its passages change") {
      write_file(corpus / "a.txt", kArticleA + "فقرة جديدة عن هواوي.\n");
      r = index(db, corpus, "--json");
      CHECK(r.out.find("\"updated\":[\"a.txt\"]") != std::string::npos);
      CHECK(r.out.find("\"unchanged\":[\"c.txt\",\"sub/b.txt\"]") != std::string::npos);
      CHECK(passages(db).count("a.txt:6") == 1);
    }
    SUBCASE("delete a file: its passages go") {
      fs::remove(corpus / "c.txt");
      r = index(db, corpus);
      CHECK(r.out.find("1 removed") != std::string::npos);
      CHECK(passages(db) == std::set<std::string>{"a.txt:1", "a.txt:3", "a.txt:4", "a.txt:5",
                                                  "sub/b.txt:1", "sub/b.txt:2"});
      Xapian::Database d(db.string());
      CHECK(d.get_metadata(schema::file_state_key("c.txt")).empty());
    }
    SUBCASE("add and rename") {
      write_file(corpus / "d.txt", kArticleC);
      fs::rename(corpus / "sub/b.txt", corpus / "sub/e.txt");
      r = index(db, corpus, "--json");
      CHECK(r.out.find("\"added\":[\"d.txt\",\"sub/e.txt\"]") != std::string::npos);
      CHECK(r.out.find("\"removed\":[\"sub/b.txt\"]") != std::string::npos);
      auto ids = passages(db);
      CHECK(ids.count("sub/e.txt:2") == 1);
      CHECK(ids.count("sub/b.txt:2") == 0);
      CHECK(ids.count("d.txt:2") == 1);
    }
    SUBCASE("touch: nothing is reindexed") {
      fs::last_write_time(corpus / "a.txt",
                          fs::file_time_type::clock::now() + std::chrono::hours(1));
      r = index(db, corpus, "--json");
      CHECK(r.out.find("\"passages_written\":0") != std::string::npos);
      CHECK(r.out.find("\"updated\":[]") != std::string::npos);
      // The new mtime is remembered: the next run only stats.
      r = index(db, corpus, "--json");
      CHECK(r.out.find("\"unchanged\":[\"a.txt\",\"c.txt\",\"sub/b.txt\"]") != std::string::npos);
    }
    SUBCASE("dry run lists changes and writes nothing") {
      write_file(corpus / "a.txt", kArticleB);
      auto before = index_contents(db);
      r = index(db, corpus, "--dry-run");
      CHECK(r.out.find("U a.txt") != std::string::npos);
      CHECK(index_contents(db) == before);
    }
    SUBCASE("--full and incremental runs converge to a clean build") {
      write_file(corpus / "a.txt", kArticleA + "فقرة أخرى.\n");
      fs::remove(corpus / "c.txt");
      index(db, corpus);
      fs::path clean = tmp.path / "clean";
      index(clean, corpus);
      CHECK(index_contents(db) == index_contents(clean));
      index(db, corpus, "--full");
      CHECK(index_contents(db) == index_contents(clean));
    }
    CHECK(run("xapian-check " + quote(db)).out.find("No errors found") != std::string::npos);
  }

  TEST_CASE("a new index is compacted, a small change is not, --compact and --no-compact decide") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db";
    for (int i = 0; i < 20; ++i) write_file(corpus / ("a" + std::to_string(i) + ".txt"), kArticleA);
    RunResult r = index(db, corpus);
    CHECK_MESSAGE(r.out.find("compacted the index ") != std::string::npos, r.out);
    CHECK(block_sizes(db) == std::set<std::string>{"4K"});  // schema::kBlockSize
    write_file(corpus / "a0.txt", kArticleA + "فقرة جديدة عن هواوي.\n");
    r = index(db, corpus, "--json");
    CHECK(r.out.find("\"updated\":[\"a0.txt\"]") != std::string::npos);
    CHECK(r.out.find("\"compaction\"") == std::string::npos);
    auto before = index_contents(db);
    r = index(db, corpus, "--json --compact");
    CHECK(r.out.find("\"compaction\":{\"bytes_after\":") != std::string::npos);
    CHECK(index_contents(db) == before);
    // An index of Xapian's default 8 KB blocks gets 4 KB ones when compacted.
    fs::path eight = tmp.path / "eight";
    REQUIRE(run("xapian-compact -b 8192 " + quote(db) + " " + quote(eight)).status == 0);
    CHECK(block_sizes(eight) == std::set<std::string>{"8K"});
    CHECK(index(eight, corpus, "--compact").status == 0);
    CHECK(block_sizes(eight) == std::set<std::string>{"4K"});
    CHECK(index_contents(eight) == before);
    CHECK(run("xapian-check " + quote(db)).out.find("No errors found") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path / "db.compacting"));
    r = index(tmp.path / "never", corpus, "--no-compact");
    CHECK(r.out.find("compacted") == std::string::npos);
    r = index(db, corpus, "--compact --no-compact");
    CHECK(r.status == 2);
    CHECK(r.out.find("--compact and --no-compact exclude each other") != std::string::npos);
  }

  TEST_CASE("terms of another analysis version: searched with a warning, then re-indexed") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db";
    write_file(corpus / "a.txt", kArticleA);
    write_file(corpus / "c.txt", kArticleC);
    REQUIRE(index(db, corpus).status == 0);
    const std::string key(schema::kMetaAnalysisVersion);
    CHECK(Xapian::Database(db.string()).get_metadata(key) == fahras::kAnalysisVersion);
    const std::string search = FAHRAS_SEARCH_BIN " --db " + quote(db) + " شرائح";
    CHECK(run(search).out.find("analysis version") == std::string::npos);

    {
      // As an index built before the current chain looks: no version, or an old one.
      Xapian::WritableDatabase w(db.string());
      w.set_metadata(key, "");
      w.commit();
    }
    RunResult found = run(search);
    CHECK(found.status == 0);
    CHECK_MESSAGE(found.out.find("made by analysis version 1") != std::string::npos, found.out);

    // Unchanged files are analyzed again, and the version is written with them.
    RunResult r = run(kIndex + " --json --db " + quote(db) + " " + quote(corpus));
    CHECK_MESSAGE(r.out.find("\"updated\":[\"a.txt\",\"c.txt\"]") != std::string::npos, r.out);
    CHECK(r.out.find("re-indexing every file") != std::string::npos);
    CHECK(Xapian::Database(db.string()).get_metadata(key) == fahras::kAnalysisVersion);
    CHECK(run(search).out.find("analysis version") == std::string::npos);
    r = index(db, corpus);
    CHECK(r.out.find("0 updated, 0 removed, 2 unchanged") != std::string::npos);
  }

  TEST_CASE("bad input is reported by name and never loses the index") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db";
    write_file(corpus / "good.txt", kArticleA);
    write_file(corpus / "invalid.txt", "عنوان\nالصين \xff\xfe بكين\n");
    write_file(corpus / "binary.txt", std::string("\x7f"
                                                  "ELF\0\0\x01",
                                                  7));
    write_file(corpus / "empty.txt", "");
    std::string long_word;
    for (int i = 0; i < 200; ++i) long_word += "ك";
    write_file(corpus / "longword.txt", "عنوان\nكلمة " + long_word + " الصين\n");
    std::string huge = "عنوان\n";
    for (int i = 0; i < 1000000; ++i) huge += "شرائح ";
    write_file(corpus / "huge.txt", huge + "\n");
    fs::create_directories(corpus / "loop");
    fs::create_directory_symlink("..", corpus / "loop" / "up");
    fs::create_symlink(corpus / "missing.txt", corpus / "broken.txt");

    RunResult r = index(db, corpus);
    CHECK_MESSAGE(r.status == 1, r.out);  // finished, but something was skipped
    CHECK(r.out.find("skipped binary.txt: binary file") != std::string::npos);
    CHECK(r.out.find("warning: invalid.txt: invalid UTF-8 at byte 22") != std::string::npos);
    CHECK(r.out.find("warning: empty.txt: no passages") != std::string::npos);
    CHECK(r.out.find("warning: longword.txt: 1 words longer than") != std::string::npos);
    CHECK(r.out.find("broken symbolic link") != std::string::npos);
    CHECK(r.out.find("symlink loop") != std::string::npos);
    auto ids = passages(db);
    CHECK(ids.count("good.txt:3") == 1);
    CHECK(ids.count("invalid.txt:2") == 1);
    CHECK(ids.count("huge.txt:2#1") == 1);
    CHECK(ids.count("longword.txt:2") == 1);

    // The binary file turned text is indexed; a text file turned binary keeps its passages.
    write_file(corpus / "binary.txt", "عنوان\nنص\n");
    write_file(corpus / "good.txt", std::string("\0\0", 2));
    r = index(db, corpus);
    ids = passages(db);
    CHECK(ids.count("binary.txt:2") == 1);
    CHECK(ids.count("good.txt:3") == 1);

    // A second writer fails at once with a clear message.
    {
      Xapian::WritableDatabase holder(db.string());
      r = index(db, corpus, "--full");
      CHECK(r.status == 2);
      CHECK(r.out.find("is locked: another fahras-index is writing it") != std::string::npos);
    }
    // A missing corpus root is an error, not an empty corpus: nothing is removed.
    r = run(kIndex + " --db " + quote(db) + " " + quote(tmp.path / "no-such-dir"));
    CHECK(r.status == 2);
    CHECK(r.out.find("no-such-dir: corpus root does not exist") != std::string::npos);
    CHECK(passages(db).count("binary.txt:2") == 1);
  }

  TEST_CASE("a new index built in parallel parts equals one built by one writer") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus";
    // The seed articles, and each again under another name with a line of its own.
    for (const auto& entry : fs::directory_iterator(FAHRAS_CORPUS_DIR)) {
      if (entry.path().extension() != ".txt") continue;
      std::string text = read_file(entry.path());
      write_file(corpus / entry.path().filename(), text);
      write_file(corpus / "copies" / entry.path().filename(), text + "نسخة ثانية من المقال.\n");
    }
    fs::path sequential = tmp.path / "sequential", parallel = tmp.path / "parallel";
    RunResult one = index(sequential, corpus, "--writers 1");
    RunResult three = index(parallel, corpus, "--writers 3 --json");
    REQUIRE_MESSAGE(three.status == 0, three.out);
    CHECK(three.out.find("\"passages_written\":216") != std::string::npos);
    CHECK(three.out.find("\"compaction\":{") != std::string::npos);  // merged: compact already
    CHECK_FALSE(fs::exists(tmp.path / "parallel.parts"));
    CHECK_FALSE(fs::exists(tmp.path / "parallel.compacting"));
    CHECK(run("xapian-check " + quote(parallel)).out.find("No errors found") != std::string::npos);
    CHECK(block_sizes(parallel) == std::set<std::string>{"4K"});
    // Passages, terms, positions, stored data, metadata (the key vocabulary's
    // counts summed over the parts), the spelling table.
    CHECK(index_contents(parallel) == index_contents(sequential));
    // Docid for docid, so ties rank alike.
    Xapian::Database a(sequential.string()), b(parallel.string());
    for (auto t = a.allterms_begin("Q"); t != a.allterms_end("Q"); ++t)
      CHECK(*a.postlist_begin(*t) == *b.postlist_begin(*t));
    fahras::Searcher by_one({sequential.string()}), by_parts({parallel.string()});
    for (const char* query :
         {"H200 الصين موافقة", "Nvidia", "الرقائق", "هوانج", "بايت دانس", "\"الذكاء الاصطناعي\""}) {
      fahras::SearchOptions options;
      options.limit = 50;
      std::string expected, got;
      for (const auto& hit : by_one.search(query, options).hits)
        expected +=
            hit.file + ":" + std::to_string(hit.line) + " " + std::to_string(hit.score) + "\n";
      for (const auto& hit : by_parts.search(query, options).hits)
        got += hit.file + ":" + std::to_string(hit.line) + " " + std::to_string(hit.score) + "\n";
      CHECK_MESSAGE(got == expected, query);
      CHECK_FALSE(expected.empty());
    }
    // Adding to it afterwards is an ordinary incremental run.
    write_file(corpus / "new.txt", kArticleC);
    CHECK(index(parallel, corpus, "--writers 3").status == 0);
    CHECK(index(sequential, corpus).status == 0);
    CHECK(index_contents(parallel) == index_contents(sequential));
  }

  TEST_CASE("a new index of 1,000 passages or more stores them with a dictionary trained on them") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus";
    // The seed articles ten times over (1,060 passages), each copy with a line of its own.
    for (const auto& entry : fs::directory_iterator(FAHRAS_CORPUS_DIR)) {
      if (entry.path().extension() != ".txt") continue;
      std::string text = read_file(entry.path());
      for (int copy = 0; copy < 10; ++copy)
        write_file(corpus / std::to_string(copy) / entry.path().filename(),
                   text + "النسخة رقم " + std::to_string(copy) + " من المقال.\n");
    }
    fs::path sequential = tmp.path / "sequential", parallel = tmp.path / "parallel";
    REQUIRE(index(sequential, corpus, "--writers 1").status == 0);
    REQUIRE(index(parallel, corpus, "--writers 2").status == 0);
    const std::string key(fahras::schema::kMetaPassageDictionary);
    std::string stored = Xapian::Database(parallel.string()).get_metadata(key);
    auto dictionary = fahras::PassageDictionary::from_bytes(stored);
    REQUIRE(dictionary);
    CHECK(Xapian::Database(sequential.string()).get_metadata(key) == stored);
    CHECK(index_contents(parallel) == index_contents(sequential));
    // Every passage's frame names it, and all of them take less room than
    // frames without it would.
    Xapian::Database db(parallel.string());
    size_t with_dictionary = 0, without = 0;
    for (auto v = db.valuestream_begin(fahras::schema::kSlotPassageData);
         v != db.valuestream_end(fahras::schema::kSlotPassageData); ++v) {
      std::string frame = *v;
      CHECK(ZSTD_getDictID_fromFrame(frame.data(), frame.size()) == dictionary->id());
      with_dictionary += frame.size();
      without += fahras::compress_passage_data(fahras::decompress_passage_frame(frame)).size();
    }
    MESSAGE("stored data: ", with_dictionary, " bytes with the dictionary, ", without, " without");
    CHECK(with_dictionary < without * 3 / 4);
    // A searcher opened on it shows the passages' text.
    fahras::Searcher searcher({parallel.string()});
    auto hits = searcher.search("النسخة رقم 7", {}).hits;
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().text == "النسخة رقم 7 من المقال.");
    // Later runs compress new passages with the same dictionary.
    write_file(corpus / "new.txt", kArticleC);
    REQUIRE(index(parallel, corpus).status == 0);
    Xapian::Database after(parallel.string());
    CHECK(after.get_metadata(key) == stored);
    Xapian::docid added = *after.postlist_begin(fahras::schema::article_term("new.txt"));
    std::string frame = after.get_document(added).get_value(fahras::schema::kSlotPassageData);
    CHECK(ZSTD_getDictID_fromFrame(frame.data(), frame.size()) == dictionary->id());
    CHECK(index_contents(parallel).size() > index_contents(sequential).size());
  }

  TEST_CASE("results depend on the passages only: incremental, clean, sharded alike") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus";
    std::vector<fs::path> articles;
    for (const auto& entry : fs::directory_iterator(FAHRAS_CORPUS_DIR))
      if (entry.path().extension() == ".txt") articles.push_back(entry.path());
    std::sort(articles.begin(), articles.end());
    fs::create_directories(corpus);
    for (const fs::path& a : articles) fs::copy_file(a, corpus / a.filename());
    fs::path db = tmp.path / "db";
    REQUIRE(index(db, corpus).status == 0);
    // Edit, add, delete and rename files, then index incrementally.
    std::ofstream(corpus / articles[2].filename(), std::ios::app)
        << "فقرة جديدة عن الرقائق والشرائح التي تطلبها الشركات الصينية.\n";
    write_file(corpus / "new.txt", kArticleA + kArticleB);
    fs::remove(corpus / articles[1].filename());
    std::string retitled = read_file(corpus / articles[0].filename());
    write_file(corpus / articles[0].filename(),
               "عنوان جديد عن الرقائق" + retitled.substr(retitled.find('\n')));
    fs::rename(corpus / articles[3].filename(),
               corpus / ("renamed-" + articles[3].filename().string()));
    REQUIRE(index(db, corpus).status == 0);
    fs::path clean = tmp.path / "clean", sharded = tmp.path / "sharded";
    REQUIRE(index(clean, corpus).status == 0);
    REQUIRE(index(sharded, corpus, "--shards 2").status == 0);
    fahras::Searcher incremental({db.string()}), rebuilt({clean.string()}),
        shards({sharded.string()});
    // Single common words tie on BM25 in many passages (b = 0).
    // clang-format off
    const char* queries[] = {
        "الرقائق", "الصين", "شرائح", "إنفيديا", "ترامب", "بكين", "الشركات", "الذكاء الاصطناعي",
        "H200", "H20", "واشنطن", "هوانغ", "بايت دانس", "علي بابا", "الموافقة", "التصدير",
        "الأمن القومي", "وزارة التجارة", "المستوردة", "المحللون", "أشباه الموصلات",
        "الحكومة الصينية", "Nvidia", "Huawei", "مليار دولار", "الطلب", "السوق", "العملاء",
        "الصين موافقة H200", "\"الذكاء الاصطناعي\""};
    // clang-format on
    fahras::SearchOptions options;
    options.limit = 50;
    auto ranking = [&](fahras::Searcher& searcher, const char* query) {
      std::string out;
      for (const auto& hit : searcher.search(query, options).hits)
        out += hit.file + ":" + std::to_string(hit.line) + "#" + std::to_string(hit.window) + " " +
               std::to_string(hit.score) + " " + hit.title + "\n";
      return out;
    };
    size_t compared = 0;
    for (int pass = 0; pass < 2; ++pass) {  // the second: the searchers' caches filled
      for (const char* query : queries) {
        std::string expected = ranking(rebuilt, query);
        CHECK_MESSAGE(ranking(incremental, query) == expected, std::string(query));
        CHECK_MESSAGE(ranking(shards, query) == expected, std::string(query));
        compared += !expected.empty();
      }
    }
    CHECK(compared >= 2 * 28);
    // Each article's title, stored once for it, reaches its every hit.
    options.limit = 200;
    std::map<std::string, std::string> titles;
    for (const auto& hit : shards.search("الصين", options).hits) titles[hit.file] = hit.title;
    CHECK(titles.size() >= 4);
    CHECK(titles[articles[0].filename().string()] == "عنوان جديد عن الرقائق");
    CHECK(titles["new.txt"] == "الصين توافق على استيراد شرائح H200");
    for (const auto& [file, title] : titles) CHECK_MESSAGE(!title.empty(), file);
  }

  TEST_CASE("kill -9 at any moment: the index opens, checks clean, and converges") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db", clean = tmp.path / "clean";
    std::string article = read_file(std::string(FAHRAS_CORPUS_DIR) + "/001_721394432df85b15.txt");
    for (int i = 0; i < 300; ++i)
      write_file(corpus / ("a" + std::to_string(i) + ".txt"),
                 article + "رقم " + std::to_string(i) + "\n");
    // Runs fahras-index with `flag`, kills it after `delay_ms`, checks the index.
    auto kill_after = [&](int delay_ms, const char* flag) {
      pid_t child = fork();
      if (child == 0) {
        std::string db_arg = db.string(), corpus_arg = corpus.string();
        execl(kIndex.c_str(), kIndex.c_str(), "-q", "--db", db_arg.c_str(), corpus_arg.c_str(),
              flag, static_cast<char*>(nullptr));
        _exit(127);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      kill(child, SIGKILL);
      waitpid(child, nullptr, 0);
      if (!fs::exists(db)) return;
      CHECK(run("xapian-check " + quote(db)).out.find("No errors found") != std::string::npos);
      // It opens after every kill, and holds whole articles only: each file
      // with a stored state has exactly the passages that state counts.
      Xapian::Database opened(db.string());
      std::string prefix(schema::kMetaFileStatePrefix);
      for (auto k = opened.metadata_keys_begin(prefix); k != opened.metadata_keys_end(prefix);
           ++k) {
        std::string file = (*k).substr(prefix.size());
        unsigned stored = 0;
        std::sscanf(opened.get_metadata(*k).c_str(), "v1 %*u %*d %*x %u", &stored);
        CHECK(opened.get_termfreq(schema::article_term(file)) == stored);
      }
    };
    for (int delay_ms : {30, 120, 250, 400}) kill_after(delay_ms, "--full");
    // Killed while compacting (the run has nothing else to do): the index is
    // the old copy or the new, whole either way.
    CHECK(index(db, corpus).status == 0);
    for (int delay_ms : {5, 20, 50, 100}) kill_after(delay_ms, "--compact");
    CHECK(index(db, corpus).status == 0);
    CHECK_FALSE(fs::exists(tmp.path / "db.compacting"));
    CHECK(index(clean, corpus).status == 0);
    CHECK(index_contents(db) == index_contents(clean));
  }

  TEST_CASE("kill -9 after a first build's first commit: the next run redoes only the rest") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db";
    std::string article = read_file(std::string(FAHRAS_CORPUS_DIR) + "/001_721394432df85b15.txt");
    const int files = 1500;  // more passages than one commit holds
    for (int i = 0; i < files; ++i)
      write_file(corpus / ("a" + std::to_string(i) + ".txt"),
                 article + "رقم " + std::to_string(i) + "\n");
    pid_t child = fork();
    if (child == 0) {
      std::string db_arg = db.string(), corpus_arg = corpus.string();
      execl(kIndex.c_str(), kIndex.c_str(), "-q", "--no-compact", "--db", db_arg.c_str(),
            corpus_arg.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    size_t committed = 0;
    std::string prefix(schema::kMetaFileStatePrefix);
    for (int tries = 0; tries < 3000 && committed == 0; ++tries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      try {
        Xapian::Database opened(db.string());
        for (auto k = opened.metadata_keys_begin(prefix); k != opened.metadata_keys_end(prefix);
             ++k)
          ++committed;
      } catch (const Xapian::Error&) {
      }
    }
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    REQUIRE(committed > 0);
    Xapian::Database opened(db.string());
    committed = 0;
    for (auto k = opened.metadata_keys_begin(prefix); k != opened.metadata_keys_end(prefix); ++k)
      ++committed;
    CHECK(opened.get_metadata(std::string(schema::kMetaAnalysisVersion)) ==
          fahras::kAnalysisVersion);
    RunResult again = run(kIndex + " --json --db " + quote(db) + " " + quote(corpus));
    CHECK_MESSAGE(again.out.find("analysis version") == std::string::npos, again.out);
    size_t unchanged_at = again.out.find("\"unchanged\":[");
    REQUIRE(unchanged_at != std::string::npos);
    size_t unchanged = 0;
    for (size_t at = again.out.find(".txt", unchanged_at);
         at != std::string::npos && at < again.out.find(']', unchanged_at);
         at = again.out.find(".txt", at + 1))
      ++unchanged;
    CHECK(unchanged == committed);
  }

  TEST_CASE("JSON Lines ingestion: kill -9 at any moment, then convergence") {
    TempDir tmp;
    fs::path feed = tmp.path / "feed.jsonl", db = tmp.path / "db", clean = tmp.path / "clean";
    {
      std::ofstream out(feed);
      for (int i = 0; i < 3000; ++i)
        out << "{\"id\":\"n" << i << "\",\"title\":\"خبر " << i
            << "\",\"text\":\"وافقت السلطات الصينية على استيراد شرائح H200.\\n"
            << "فقرة ثانية عن إنفيديا رقم " << i << ".\"}\n";
    }
    auto ingest = [&](const fs::path& into) {
      return run(kIndex + " -q --db " + quote(into) + " --jsonl " + quote(feed));
    };
    for (int delay_ms : {20, 80, 200}) {
      pid_t child = fork();
      if (child == 0) {
        std::string db_arg = db.string(), feed_arg = feed.string();
        execl(kIndex.c_str(), kIndex.c_str(), "-q", "--db", db_arg.c_str(), "--jsonl",
              feed_arg.c_str(), static_cast<char*>(nullptr));
        _exit(127);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      kill(child, SIGKILL);
      waitpid(child, nullptr, 0);
      if (!fs::exists(db)) continue;
      CHECK(run("xapian-check " + quote(db)).out.find("No errors found") != std::string::npos);
      Xapian::Database opened(db.string());
      std::string prefix(schema::kMetaRecordStatePrefix);
      for (auto k = opened.metadata_keys_begin(prefix); k != opened.metadata_keys_end(prefix); ++k)
        CHECK(opened.get_termfreq(schema::article_term((*k).substr(prefix.size()))) == 3);
    }
    CHECK(ingest(db).status == 0);
    CHECK(ingest(clean).status == 0);
    CHECK(index_contents(db) == index_contents(clean));
    CHECK(ingest(db).out.find("0 added, 0 updated, 0 removed, 3000 unchanged") !=
          std::string::npos);
  }

  TEST_CASE("a reader searching during runs and compactions never fails") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db";
    std::string article = read_file(std::string(FAHRAS_CORPUS_DIR) + "/000_0fdb8642d30cb6d2.txt");
    for (int i = 0; i < 200; ++i) write_file(corpus / ("a" + std::to_string(i) + ".txt"), article);
    REQUIRE(index(db, corpus).status == 0);
    std::atomic<bool> writer_done = false;
    int compactions = 0;
    std::thread writer([&] {
      for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 200; i += 3)
          write_file(corpus / ("a" + std::to_string(i) + ".txt"),
                     article + "جولة " + std::to_string(round) + "\n");
        RunResult r = run(kIndex + " -q --db " + quote(db) + " " + quote(corpus));
        if (r.out.find("compacted the index") != std::string::npos) ++compactions;
      }
      writer_done = true;
    });
    fahras::Searcher searcher({db.string()});
    int searches = 0, failures = 0;
    // Each round changes a third of the files, so each run also compacts:
    // refreshes meet commits and compactions (compaction.h).
    while (!writer_done) {
      try {
        if (searches % 2 == 0) searcher.refresh();
        if (searcher.search("الصين موافقة H200").hits.empty()) ++failures;
      } catch (const std::exception&) {
        ++failures;
      }
      ++searches;
    }
    writer.join();
    CHECK(searches > 0);
    CHECK(failures == 0);
    CHECK(compactions == 3);
  }

  TEST_CASE("a refreshed searcher finds what was indexed since, for a query it already answered") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus", db = tmp.path / "db";
    write_file(corpus / "a.txt", "عنوان\nوافقت السلطات الصينية على استيراد الشرائح.\n");
    REQUIRE(index(db, corpus).status == 0);
    fahras::Searcher searcher({db.string()});
    fahras::SearchResult before = searcher.search("الشرائح الصينية");
    REQUIRE(before.hits.size() == 1);
    // A second search: the searcher now holds the index's locations in memory too.
    CHECK(searcher.search("الشرائح الصينية").hits[0].line == 2);
    write_file(corpus / "b.txt", "عنوان آخر\nالشرائح الصينية في السوق.\nالشرائح مرة أخرى.\n");
    REQUIRE(index(db, corpus).status == 0);
    searcher.refresh();
    fahras::SearchResult after = searcher.search("الشرائح الصينية");
    CHECK(after.total == 3);
    REQUIRE(after.hits.size() == 3);
    CHECK(after.hits[0].file == "b.txt");
  }
}
