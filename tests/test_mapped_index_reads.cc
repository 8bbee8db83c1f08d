// Unit tests: glass table reads served from memory mappings answer as the
// pread system call does, on the corpus index and on files changed under them.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <string>

#include "corpus_index.h"
#include "fahras/mapped_index_reads.h"
#include "passage_document.h"

namespace {

namespace fs = std::filesystem;

// What the kernel returns for the same read, past any interposition.
std::string system_read(int fd, size_t count, off_t offset) {
  std::string bytes(count, '\0');
  long got = syscall(SYS_pread64, fd, bytes.data(), count, offset);
  bytes.resize(got < 0 ? 0 : static_cast<size_t>(got));
  return bytes;
}

std::string interposed_read(int fd, size_t count, off_t offset) {
  std::string bytes(count, '\0');
  ssize_t got = pread(fd, bytes.data(), count, offset);
  bytes.resize(got < 0 ? 0 : static_cast<size_t>(got));
  return bytes;
}

}  // namespace

TEST_SUITE("mapped_index_reads") {
  TEST_CASE("Xapian's reads of a corpus index are served from mappings") {
    fahras::testing::CorpusIndex index;
    uint64_t before = fahras::mapped_index_reads();
    CHECK(fahras::mapped_index_files() > 0);
    Xapian::Enquire enquire(index.db);
    enquire.set_query(Xapian::Query("الصين"));
    Xapian::MSet hits = enquire.get_mset(0, 5);
    REQUIRE(hits.size() > 0);
    auto data = fahras::passage_data_of(hits.begin().get_document());
    CHECK(data.text.find("الصين") != std::string::npos);
    CHECK(fahras::mapped_index_reads() > before);
  }

  TEST_CASE("a table's bytes read through the mapping equal the system call's") {
    fahras::testing::CorpusIndex index;
    fs::path table = index.path / "postlist.glass";
    int fd = open(table.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    auto size = static_cast<off_t>(fs::file_size(table));
    uint64_t before = fahras::mapped_index_reads();
    for (off_t offset : {off_t(0), off_t(8192), size / 2, size - 100}) {
      CHECK(interposed_read(fd, 4096 < size - offset ? 4096 : size - offset, offset) ==
            system_read(fd, 4096, offset));
    }
    CHECK(fahras::mapped_index_reads() == before + 4);
    // Past the end: a short read, as the system call gives.
    CHECK(interposed_read(fd, 100, size - 10) == system_read(fd, 100, size - 10));
    CHECK(interposed_read(fd, 100, size + 10).empty());
    close(fd);
  }

  TEST_CASE("a write by another descriptor is seen; a grown file is read past its old end") {
    fahras::e2e::TempDir dir;
    fs::path table = dir.path / "termlist.glass";
    fahras::e2e::write_file(table, std::string(8192, 'a'));
    int reader = open(table.c_str(), O_RDONLY);
    REQUIRE(reader >= 0);
    int writer = open(table.c_str(), O_WRONLY);
    REQUIRE(writer >= 0);
    REQUIRE(pwrite(writer, "الصين", 10, 100) == 10);
    REQUIRE(pwrite(writer, "موافقة", 12, 8192) == 12);  // past the mapped length
    close(writer);
    uint64_t before = fahras::mapped_index_reads();
    CHECK(interposed_read(reader, 10, 100) == "الصين");
    CHECK(fahras::mapped_index_reads() == before + 1);
    CHECK(interposed_read(reader, 14, 8190) == "aaموافقة");
    close(reader);
  }

  TEST_CASE("closing drops the mapping: the next file on that descriptor reads its own bytes") {
    fahras::e2e::TempDir dir;
    fahras::e2e::write_file(dir.path / "position.glass", "موافقة الولايات المتحدة");
    fahras::e2e::write_file(dir.path / "docdata.glass", "رقائق H200 إلى الصين");
    uint64_t files = fahras::mapped_index_files();
    int first = open((dir.path / "position.glass").c_str(), O_RDONLY);
    REQUIRE(first >= 0);
    CHECK(fahras::mapped_index_files() == files + 1);
    CHECK(interposed_read(first, 12, 0) == "موافقة");
    close(first);
    CHECK(fahras::mapped_index_files() == files);
    int second = open((dir.path / "docdata.glass").c_str(), O_RDONLY);
    REQUIRE(second >= 0);
    CHECK(interposed_read(second, 10, 0) == "رقائق");
    close(second);
  }

  TEST_CASE("descriptors of one file share its mapping until the file grows") {
    fahras::e2e::TempDir dir;
    fs::path table = dir.path / "position.glass";
    fahras::e2e::write_file(table, std::string(8192, 'a'));
    uint64_t mappings = fahras::mapped_index_mappings();
    int first = open(table.c_str(), O_RDONLY);
    int second = open(table.c_str(), O_RDONLY);
    REQUIRE(first >= 0);
    REQUIRE(second >= 0);
    CHECK(fahras::mapped_index_mappings() == mappings + 1);
    {
      int writer = open(table.c_str(), O_WRONLY | O_APPEND);
      REQUIRE(writer >= 0);
      REQUIRE(write(writer, "الصين", 10) == 10);
      close(writer);
    }
    int third = open(table.c_str(), O_RDONLY);  // the file's new length: a mapping of its own
    REQUIRE(third >= 0);
    CHECK(fahras::mapped_index_mappings() == mappings + 2);
    uint64_t before = fahras::mapped_index_reads();
    CHECK(interposed_read(third, 10, 8192) == "الصين");
    CHECK(fahras::mapped_index_reads() == before + 1);
    CHECK(interposed_read(first, 10, 8192) == "الصين");  // past its mapping: the system call
    CHECK(fahras::mapped_index_reads() == before + 1);
    close(first);
    CHECK(fahras::mapped_index_mappings() == mappings + 2);  // the second still reads it
    CHECK(interposed_read(second, 4, 8188) == "aaaa");
    close(second);
    CHECK(fahras::mapped_index_mappings() == mappings + 1);
    int fourth = open(table.c_str(), O_RDONLY);  // shares the third's
    REQUIRE(fourth >= 0);
    CHECK(fahras::mapped_index_mappings() == mappings + 1);
    close(third);
    CHECK(interposed_read(fourth, 10, 8192) == "الصين");
    close(fourth);
    CHECK(fahras::mapped_index_mappings() == mappings);
  }

  TEST_CASE("a file cut short under its mapping reads short, without SIGBUS") {
    fahras::e2e::TempDir dir;
    fs::path table = dir.path / "postlist.glass";
    fahras::e2e::write_file(table, std::string(3 * 8192, 'b'));
    int reader = open(table.c_str(), O_RDONLY);
    REQUIRE(reader >= 0);
    REQUIRE(truncate(table.c_str(), 100) == 0);
    CHECK(interposed_read(reader, 8192, 8192).empty());  // past the new end: as the system call
    CHECK(interposed_read(reader, 50, 0) == std::string(50, 'b'));
    fahras::e2e::write_file(table, std::string(3 * 8192, 'c'));  // written again, in place
    CHECK(interposed_read(reader, 10, 8192) == std::string(10, 'c'));
    close(reader);
  }

  TEST_CASE("files that are not glass tables, or opened for writing, are not mapped") {
    fahras::e2e::TempDir dir;
    fahras::e2e::write_file(dir.path / "passages.txt", "السوق الصينية");
    fahras::e2e::write_file(dir.path / "record.glass", "السوق الصينية");
    uint64_t files = fahras::mapped_index_files();
    int text = open((dir.path / "passages.txt").c_str(), O_RDONLY);
    int writable = open((dir.path / "record.glass").c_str(), O_RDWR);
    REQUIRE(text >= 0);
    REQUIRE(writable >= 0);
    CHECK(fahras::mapped_index_files() == files);
    uint64_t before = fahras::mapped_index_reads();
    CHECK(interposed_read(text, 10, 0) == "السوق");
    CHECK(interposed_read(writable, 10, 0) == "السوق");
    CHECK(fahras::mapped_index_reads() == before);
    close(text);
    close(writable);
  }

  TEST_CASE("FAHRAS_MAPPED_READS=0 leaves tables to the system calls") {
    fahras::e2e::TempDir dir;
    fahras::e2e::write_file(dir.path / "postlist.glass", "رقائق H200");
    uint64_t files = fahras::mapped_index_files();
    ::setenv("FAHRAS_MAPPED_READS", "0", 1);
    int fd = open((dir.path / "postlist.glass").c_str(), O_RDONLY);
    ::unsetenv("FAHRAS_MAPPED_READS");
    REQUIRE(fd >= 0);
    CHECK(fahras::mapped_index_files() == files);
    uint64_t before = fahras::mapped_index_reads();
    CHECK(interposed_read(fd, 10, 0) == "رقائق");
    CHECK(fahras::mapped_index_reads() == before);
    close(fd);
  }
}
