// Tests of indexer/corpus_scan.h: links that stay inside the corpus roots
// are followed, links out of them are not, and what cannot be read keeps its
// place (CorpusScan::may_hold).
#include <doctest/doctest.h>

#include "corpus_scan.h"
#include "e2e_support.h"

using namespace fahras;
namespace fs = std::filesystem;

namespace {

bool skipped_with(const CorpusScan& scan, const std::string& path_end, const std::string& reason) {
  for (const SkippedFile& s : scan.skipped)
    if (s.path.size() >= path_end.size() &&
        s.path.compare(s.path.size() - path_end.size(), path_end.size(), path_end) == 0 &&
        s.reason.find(reason) != std::string::npos)
      return true;
  return false;
}

std::vector<std::string> ids(const CorpusScan& scan) {
  std::vector<std::string> out;
  for (const CorpusFile& f : scan.files) out.push_back(f.id);
  return out;
}

}  // namespace

TEST_SUITE("corpus_scan") {
  TEST_CASE("links out of every corpus root are skipped and named, unless followed") {
    e2e::TempDir tmp;
    fs::path corpus = tmp.path / "corpus", outside = tmp.path / "private";
    e2e::write_file(corpus / "a.txt", "الصين\n");
    e2e::write_file(outside / "secret.txt", "كلمة السر\n");
    e2e::write_file(outside / "dir/b.txt", "بكين\n");
    fs::create_symlink(outside / "secret.txt", corpus / "passwd.txt");
    fs::create_directory_symlink(outside / "dir", corpus / "root");
    fs::create_symlink(corpus / "a.txt", corpus / "alias.txt");  // inside: followed

    CorpusScan scan = scan_corpus({corpus});
    CHECK(ids(scan) == std::vector<std::string>{"a.txt", "alias.txt"});
    CHECK(skipped_with(scan, "passwd.txt", "outside the corpus roots"));
    CHECK(skipped_with(scan, "root", "outside the corpus roots"));

    CorpusScan followed = scan_corpus({corpus}, ScanOptions{true});
    CHECK(ids(followed) ==
          std::vector<std::string>{"a.txt", "alias.txt", "passwd.txt", "root/b.txt"});

    // A link into another corpus root is inside the roots.
    CorpusScan both = scan_corpus({corpus, outside});
    CHECK(both.files.size() == 6);
  }

  TEST_CASE("a link loop and a broken link are each named as what they are") {
    e2e::TempDir tmp;
    fs::path corpus = tmp.path / "corpus";
    e2e::write_file(corpus / "a.txt", "الصين\n");
    fs::create_symlink(corpus / "loop1.txt", corpus / "loop2.txt");
    fs::create_symlink(corpus / "loop2.txt", corpus / "loop1.txt");
    fs::create_symlink(corpus / "missing.txt", corpus / "broken.txt");
    CorpusScan scan = scan_corpus({corpus});
    CHECK(skipped_with(scan, "loop1.txt", "symbolic link loop"));
    CHECK(skipped_with(scan, "broken.txt", "broken symbolic link"));
    CHECK(ids(scan) == std::vector<std::string>{"a.txt"});
  }

  TEST_CASE("may_hold: ids under a place that could not be read") {
    CorpusScan scan;
    scan.unreadable = {"sub/", "x.txt"};
    CHECK(scan.may_hold("sub/a.txt"));
    CHECK(scan.may_hold("sub/deep/b.txt"));
    CHECK(scan.may_hold("x.txt"));
    CHECK_FALSE(scan.may_hold("subway.txt"));
    CHECK_FALSE(scan.may_hold("a.txt"));
    scan.unreadable = {""};  // a whole root
    CHECK(scan.may_hold("a.txt"));
  }
}
