// The search page of fahras-serve in a real browser: headless Chromium loads
// it, types a query, follows "did you mean", pages, the back button and the
// one-per-article option, and reads what it rendered; a passage holding
// markup shows as text. Exits 77 (CTest: skipped) with a message when no
// Chromium is installed (`make -f Makefile.dist test` installs it).
// FAHRAS_SCREENSHOT=FILE.png saves the page of a search as drawn.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>

#include "cdp_browser.h"
#include "e2e_support.h"

using namespace fahras::e2e;
using fahras::testing::CdpBrowser;
using nlohmann::json;

namespace {

// A passage whose text is markup: it must show as text, never run.
const std::string kMarkupArticle =
    "مقال عن الأمان\n"
    "\n"
    "كتب المهاجم <script>window.pwned = 1</script> و<img src=x onerror=\"window.pwned=2\"> "
    "في فقرة عن الحواسيب المخترقة.\n";

// fahras-serve on an index of corpus/, the markup article and a PDF.
class Service {
 public:
  explicit Service(const fs::path& dir) {
    fs::create_directories(dir / "corpus");
    fs::copy(FAHRAS_CORPUS_DIR, dir / "corpus/news", fs::copy_options::recursive);
    write_file(dir / "corpus/security.txt", kMarkupArticle);
    fs::create_directories(dir / "corpus/docs");
    fs::copy(fs::path(FAHRAS_DOCUMENTS_DIR) / "book-chromium.pdf", dir / "corpus/docs");
    RunResult indexed = run(std::string(FAHRAS_INDEX_BIN) + " -q --db " + quote(dir / "db") + " " +
                            quote(dir / "corpus"));
    if (indexed.status != 0) throw std::runtime_error("indexing failed: " + indexed.out);
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      std::string db = (dir / "db").string();
      execl(FAHRAS_SERVE_BIN, FAHRAS_SERVE_BIN, "--db", db.c_str(), "--port", "0", "--threads", "2",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    FILE* from = fdopen(out[0], "r");
    char line[256] = {};
    if (!fgets(line, sizeof line, from)) throw std::runtime_error("fahras-serve did not start");
    std::smatch m;
    std::string text = line;
    if (!std::regex_search(text, m, std::regex("http://[0-9.]+:[0-9]+")))
      throw std::runtime_error("fahras-serve said: " + text);
    base_ = m.str();
  }
  ~Service() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  const std::string& base() const { return base_; }

 private:
  pid_t pid_ = -1;
  std::string base_;
};

std::string g_chromium;

struct Hit {
  std::string where, snippet;
  int marks = 0;
};

std::vector<Hit> hits_shown(CdpBrowser& browser) {
  json list = browser.evaluate(
      "Array.from(document.querySelectorAll('li.hit')).map(h => ({"
      "where: h.querySelector('.where').textContent,"
      "snippet: h.querySelector('.snippet').textContent,"
      "marks: h.querySelectorAll('.snippet mark').length}))");
  std::vector<Hit> out;
  for (const auto& h : list) out.push_back({h["where"], h["snippet"], h["marks"]});
  return out;
}

std::string location(CdpBrowser& browser) { return browser.evaluate("location.href"); }

}  // namespace

TEST_CASE("the search page in a real browser") {
  TempDir tmp;
  Service service(tmp.path);
  CdpBrowser browser(g_chromium, tmp.path / "profile");

  // The empty page: a right-to-left form, its box focused by the script.
  browser.navigate(service.base() + "/");
  CHECK(browser.evaluate("document.documentElement.dir") == "rtl");
  CHECK(browser.evaluate("document.activeElement.name") == "q");
  CHECK(browser.evaluate("document.querySelectorAll('li.hit').length") == 0);

  // Typed and submitted with Enter: the URL holds the query.
  browser.and_wait_for_load([&] { browser.type_and_press_enter("H200 الصين موافقة"); });
  CHECK(location(browser).find("/?q=H200+") != std::string::npos);
  std::vector<Hit> first = hits_shown(browser);
  REQUIRE(first.size() == 10);
  CHECK(first[0].where == "news/004_14b02d1ffb8d8581.txt:6");
  for (const Hit& h : first) CHECK(h.marks > 0);
  CHECK(browser.evaluate("document.querySelector('.took').textContent")
            .get<std::string>()
            .find("ms") != std::string::npos);
  if (const char* shot = std::getenv("FAHRAS_SCREENSHOT")) {
    std::ofstream(shot, std::ios::binary) << browser.screenshot_png();
    MESSAGE("screenshot saved to " << std::string(shot));
  }

  // The next page, then back.
  browser.and_wait_for_load(
      [&] { browser.evaluate("document.querySelector('nav.pages a[rel=next]').click()"); });
  CHECK(location(browser).find("page=2") != std::string::npos);
  CHECK(browser.evaluate("document.querySelector('ol.hits').start") == 11);
  browser.and_wait_for_load([&] { browser.evaluate("history.back()"); });
  CHECK(location(browser).find("page=2") == std::string::npos);
  CHECK(hits_shown(browser)[0].where == first[0].where);

  // One passage per article: ticking the box searches again.
  browser.and_wait_for_load(
      [&] { browser.evaluate("document.querySelector('input[name=one]').click()"); });
  CHECK(location(browser).find("one=1") != std::string::npos);
  std::vector<Hit> one = hits_shown(browser);
  std::set<std::string> files;
  for (const Hit& h : one) files.insert(h.where.substr(0, h.where.find(':')));
  CHECK(files.size() == one.size());
  CHECK(one.size() >= 5);

  // A misspelled word: "did you mean" is a link that searches the correction.
  browser.navigate(service.base() + "/?q=" + "%D8%A7%D9%84%D8%B5%D9%8A%D9%8A%D9%86");  // الصيين
  CHECK(browser.evaluate("document.querySelector('a.suggestion').textContent") == "الصين");
  browser.and_wait_for_load(
      [&] { browser.evaluate("document.querySelector('a.suggestion').click()"); });
  CHECK(browser.evaluate("document.querySelector('input[name=q]').value") == "الصين");
  CHECK(hits_shown(browser).size() == 10);

  // Markup in a passage is shown as text; nothing of it runs.
  browser.navigate(service.base() +
                   "/?q=" + "%D8%A7%D9%84%D9%85%D9%87%D8%A7%D8%AC%D9%85");  // المهاجم
  std::vector<Hit> markup = hits_shown(browser);
  REQUIRE(markup.size() == 1);
  CHECK(markup[0].snippet.find("<script>window.pwned = 1</script>") != std::string::npos);
  CHECK(markup[0].snippet.find("<img src=x") != std::string::npos);
  CHECK(browser.evaluate("typeof window.pwned") == "undefined");
  CHECK(browser.evaluate("document.querySelectorAll('main script, main img').length") == 0);

  // A query holding markup is shown as typed, in the box and the title.
  browser.navigate(service.base() + "/?q=%3Cb%3Eالصين%3C%2Fb%3E");
  CHECK(browser.evaluate("document.querySelector('input[name=q]').value") == "<b>الصين</b>");
  CHECK(browser.evaluate("document.querySelectorAll('header b, main > b').length") == 0);
}

TEST_CASE("a hit opens the reading view at its passage, the query's other hits marked") {
  TempDir tmp;
  Service service(tmp.path);
  CdpBrowser browser(g_chromium, tmp.path / "profile", 390, 500);
  browser.navigate(service.base() + "/?q=" +
                   "%D8%B3%D9%88%D9%82%20%D8%A7%D9%84%D9%88%D8%B1%D8%A7%D9%82%D9%8A%D9%86%20"
                   "%D8%A7%D8%B2%D8%AF%D9%87%D8%B1");  // سوق الوراقين ازدهر
  std::vector<Hit> hits = hits_shown(browser);
  REQUIRE(!hits.empty());
  CHECK(hits[0].where == "docs/book-chromium.pdf:p3:2");
  browser.and_wait_for_load(
      [&] { browser.evaluate("document.querySelector('li.hit a.where').click()"); });
  CHECK(location(browser).find("/read?id=docs%2Fbook-chromium.pdf") != std::string::npos);
  CHECK(location(browser).find("#L6") != std::string::npos);
  CHECK(browser.evaluate("document.querySelector('h1').textContent") == "صناعة الورق في بغداد");
  // The hit's passage is marked and scrolled into the window.
  CHECK(browser.evaluate("document.querySelector('.passage.target').dataset.place") == "p3:2");
  CHECK(browser.evaluate("window.scrollY > 0") == true);
  CHECK(browser.evaluate("(() => { const r = document.querySelector('.passage.target')"
                         ".getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()") ==
        true);
  CHECK(browser.evaluate("document.querySelectorAll('.passage.target mark').length") == 3);
  // The query's other hits in the document are marked too; the rest are not.
  CHECK(browser.evaluate("document.querySelectorAll('.passage.hit').length") == 3);
  CHECK(browser.evaluate("document.querySelectorAll('.passage').length") == 11);
  // The original PDF, at the hit's page.
  CHECK(browser.evaluate("document.querySelector('.original a').getAttribute('href')") ==
        "/original?id=docs%2Fbook-chromium.pdf#page=3");
  // A path in the URL reaches nothing.
  browser.navigate(service.base() + "/read?id=..%2F..%2Fetc%2Fpasswd");
  CHECK(browser.evaluate("document.querySelectorAll('.passage').length") == 0);
  CHECK(browser.evaluate("document.querySelector('.error') !== null") == true);
}

TEST_CASE("without JavaScript the server renders the results; a phone's width fits") {
  TempDir tmp;
  Service service(tmp.path);
  CdpBrowser browser(g_chromium, tmp.path / "profile", 390, 844);
  browser.call("Emulation.setScriptExecutionDisabled", {{"value", true}});
  browser.navigate(service.base() + "/?q=" + "%D8%B4%D8%B1%D8%A7%D8%A6%D8%AD");  // شرائح
  browser.call("Emulation.setScriptExecutionDisabled", {{"value", false}});
  // Read through the protocol with scripts on again; the page was drawn without.
  std::vector<Hit> hits = hits_shown(browser);
  CHECK(hits.size() == 10);
  CHECK(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1") == true);
}

int main(int argc, char** argv) {
  g_chromium = CdpBrowser::find_executable();
  if (g_chromium.empty()) {
    std::cout << "skipped: no Chromium found (install Debian's chromium package, as "
                 "`make -f Makefile.dist test` does, or set FAHRAS_CHROMIUM)\n";
    return 77;
  }
  doctest::Context context(argc, argv);
  return context.run();
}
