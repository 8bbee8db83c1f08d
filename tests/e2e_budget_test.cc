// End-to-end test of what bounds a query's cost (search_budget.h,
// query_plan.h, spelling_suggester.h) on a real index: the Saudi statutes of
// ../shared/corpora (66,000 passages). Each query of at most 4 KB (the
// service's limit) runs through the real fahras-search and must end within
// its 1 s budget, allowing for the process's start, with a peak RSS under
// 300 MB. Skipped when the shared corpora are not there.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <fstream>

#include "e2e_support.h"

using namespace fahras::e2e;

namespace {

struct ChildCost {
  int status = -1;
  double seconds = 0;
  long max_rss_kb = 0;
};

// Runs PROGRAM ARGS... with its output discarded, measuring its time and peak RSS.
ChildCost run_measured(const std::vector<std::string>& argv) {
  ChildCost cost;
  auto started = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  cost.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  cost.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  cost.max_rss_kb = usage.ru_maxrss;
  return cost;
}

// A fixed pseudo-random word of Latin letters (no two runs differ).
std::string latin_word(uint64_t& state, size_t letters) {
  std::string w;
  for (size_t i = 0; i < letters; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    w += static_cast<char>('a' + (state >> 33) % 26);
  }
  return w;
}

std::string repeated(const std::string& unit, size_t max_bytes) {
  std::string out;
  while (out.size() + unit.size() <= max_bytes) out += unit;
  return out;
}

}  // namespace

TEST_SUITE("e2e_budget") {
  TEST_CASE("queries of 4 KB end within their budget on 66,000 real passages") {
    fs::path legal = fs::path(FAHRAS_SHARED_DIR) / "corpora" / "legal";
    if (!fs::is_directory(legal)) {
      MESSAGE("skipped: no " << legal.string());
      return;
    }
    TempDir tmp;
    fs::path db = tmp.path / "legal.db";
    RunResult built =
        run(std::string(FAHRAS_INDEX_BIN) + " -q --db " + quote(db) + " " + quote(legal));
    REQUIRE_MESSAGE(built.status == 0, built.out);

    uint64_t state = 7;
    std::string long_latin;
    while (long_latin.size() + 121 <= 4096) long_latin += latin_word(state, 120) + " ";
    std::string pasted;
    for (const auto& entry : fs::directory_iterator(legal)) {
      pasted = read_file(entry.path()).substr(0, 6000);
      break;
    }
    std::string queries[] = {
        repeated("ا* ", 4096),                                    // one wildcard, many times
        "ا* ب* ت* ث* ج* ح* خ* د* ذ* ر* ز* س* ش* ص* ض* ط* ع* غ*",  // many wildcards
        long_latin,                                               // "did you mean" on long words
        repeated("المادة NEAR النظام ", 4096),                    // operators
        "\"" + repeated("في ", 4000) + "\"",                      // a phrase of stop words
        repeated("المسؤولية المسئولية ", 4096),                   // hamza seats, repeated
        repeated("في NEAR من NEAR على NEAR ", 4096),              // a proximity chain
        repeated("\"في من\" \"من على\" ", 4096),                 // phrases by the hundred
        repeated("في AND من AND ا* AND ", 4096),                  // wildcards in a conjunction
        pasted,                                                   // a pasted page (cut at 4 KB)
    };
    for (const std::string& q : queries) {
      ChildCost cost = run_measured({FAHRAS_SEARCH_BIN, "--db", db.string(), "--json", "--", q});
      MESSAGE(q.substr(0, 40) << "…: " << cost.seconds << " s, " << cost.max_rss_kb / 1024
                              << " MB");
      CHECK(cost.status >= 0);
      CHECK(cost.status <= 1);
      // The budget is 1 s; starting the process and opening the index come on top.
      CHECK(cost.seconds < 4.0);
      CHECK(cost.max_rss_kb < 300 * 1024);
    }
  }

  TEST_CASE("one line or one word of any size is indexed in bounded memory") {
    TempDir tmp;
    fs::path corpus = tmp.path / "corpus";
    fs::create_directories(corpus);
    // 60 MB on one line, of the corpus article's words in a fixed order.
    std::string article = read_file(fs::path(FAHRAS_CORPUS_DIR) / "000_0fdb8642d30cb6d2.txt");
    std::vector<std::string> words;
    for (size_t at = 0, end; at < article.size(); at = end + 1) {
      end = article.find_first_of(" \n", at);
      if (end == std::string::npos) end = article.size();
      if (end > at) words.push_back(article.substr(at, end - at));
    }
    {
      std::ofstream line(corpus / "line.txt", std::ios::binary);
      uint64_t state = 11;
      for (size_t bytes = 0; bytes < (60u << 20);) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::string& w = words[(state >> 33) % words.size()];
        line << w << ' ';
        bytes += w.size() + 1;
      }
      line << '\n';
      std::ofstream word(corpus / "word.txt", std::ios::binary);
      word << "عنوان\n" << std::string(40u << 20, 'k') << '\n';
    }
    fs::path db = tmp.path / "db";
    ChildCost cost = run_measured({FAHRAS_INDEX_BIN, "-q", "--db", db.string(), corpus.string()});
    MESSAGE("indexing a 60 MB line and a 40 MB word: " << cost.seconds << " s, "
                                                       << cost.max_rss_kb / 1024 << " MB");
    CHECK(cost.status == 0);
    CHECK(cost.max_rss_kb < 300 * 1024);
    RunResult found = run(std::string(FAHRAS_SEARCH_BIN) + " --db " + quote(db) + " -- عنوان");
    CHECK(found.out.find("word.txt:1:") != std::string::npos);
  }
}
