// Tests of indexer/record_ingest.h: record parsing, replace and delete by id,
// unchanged records, malformed lines reported by number.
#include <doctest/doctest.h>
#include <xapian.h>

#include <sstream>

#include "analyzer.h"
#include "e2e_support.h"
#include "fahras/schema.h"
#include "record_ingest.h"

using namespace fahras;

namespace {

// How many passages of `id` begin on `line`, by their location values.
size_t passages_at(const Xapian::Database& db, const std::string& id, uint32_t line) {
  const std::string wanted = schema::location_value(id, line);
  size_t found = 0;
  for (auto v = db.valuestream_begin(schema::kSlotLocation);
       v != db.valuestream_end(schema::kSlotLocation); ++v)
    found += *v == wanted;
  return found;
}

}  // namespace

TEST_SUITE("record_ingest") {
  TEST_CASE("parse_record accepts records and deletions, and says what is wrong") {
    std::string error;
    auto r = parse_record(R"({"id":"a","title":"عنوان","text":"نص","url":"u","date":"2026-01-01"})",
                          error);
    REQUIRE(r);
    CHECK(r->id == "a");
    CHECK(r->url == "u");
    CHECK(parse_record(R"({"id":"a","deleted":true})", error)->deleted);
    CHECK_FALSE(parse_record("{broken", error));
    CHECK(error == "not valid JSON");
    CHECK_FALSE(parse_record(R"(["id"])", error));
    CHECK(error == "a record must be a JSON object");
    CHECK_FALSE(parse_record(R"({"text":"x"})", error));
    CHECK(error == "missing \"id\"");
    CHECK_FALSE(parse_record(R"({"id":"a"})", error));
    CHECK(error == "missing \"text\"");
    CHECK_FALSE(parse_record(R"({"id":"a","text":5})", error));
    CHECK(error == "\"text\" must be a string");
    CHECK_FALSE(parse_record(R"({"id":"a","deleted":"yes"})", error));
  }

  TEST_CASE("ids are replaced, kept when unchanged, and deleted") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    std::istringstream first(
        "{\"id\":\"n1\",\"title\":\"الصين\",\"text\":\"فقرة أولى.\\nفقرة ثانية.\"}\n"
        "not json\n"
        "{\"id\":\"n2\",\"text\":\"خبر آخر.\"}\n");
    IndexReport r = ingest_records(db, first, "feed.jsonl");
    CHECK(r.added == std::vector<std::string>{"n1", "n2"});
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].file == "feed.jsonl:2");
    CHECK(db.get_termfreq(schema::article_term("n1")) == 3);  // title + two paragraphs
    CHECK(passages_at(db, "n1", 3) == 1);

    std::istringstream second(
        "{\"id\":\"n1\",\"title\":\"الصين\",\"text\":\"فقرة واحدة.\"}\n"
        "{\"id\":\"n2\",\"text\":\"خبر آخر.\"}\n"
        "{\"id\":\"n3\",\"deleted\":true}\n");
    r = ingest_records(db, second, "feed.jsonl");
    CHECK(r.updated == std::vector<std::string>{"n1"});
    CHECK(r.unchanged == std::vector<std::string>{"n2"});
    CHECK(r.skipped.size() == 1);  // nothing to delete
    CHECK(db.get_termfreq(schema::article_term("n1")) == 2);
    CHECK(passages_at(db, "n1", 3) == 0);

    std::istringstream third("{\"id\":\"n1\",\"deleted\":true}\n");
    r = ingest_records(db, third, "feed.jsonl");
    CHECK(r.removed == std::vector<std::string>{"n1"});
    CHECK(db.get_termfreq(schema::article_term("n1")) == 0);
    CHECK(db.get_metadata(record_state_key("n1")).empty());
    CHECK(db.get_termfreq(schema::article_term("n2")) == 1);  // no title: one paragraph
  }

  TEST_CASE("the analysis version: written into a new index, warned about in an old one") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    const std::string key(schema::kMetaAnalysisVersion);
    std::istringstream first("{\"id\":\"n1\",\"title\":\"الصين\",\"text\":\"شركاتها.\"}\n");
    IndexReport report = ingest_records(db, first, "news.jsonl");
    CHECK(report.warnings.empty());
    CHECK(db.get_metadata(key) == kAnalysisVersion);

    db.set_metadata(key, "");
    db.commit();
    std::istringstream second("{\"id\":\"n2\",\"title\":\"بكين\",\"text\":\"نص.\"}\n");
    report = ingest_records(db, second, "more.jsonl");
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings[0].rfind("more.jsonl: the documents already indexed have terms of "
                                   "analysis version 1",
                                   0) == 0);
    CHECK(db.get_metadata(key).empty());  // n1 still has the old terms
  }
  TEST_CASE("a record of many passages is added in parts, every passage and its state in") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    // 5,000 paragraphs: three adds of at most kPassagesPerAdd, and commits
    // within the record every 1,000.
    std::string text;
    for (int i = 1; i <= 5000; ++i)
      text += "وافقت السلطات الصينية على استيراد الدفعة رقم " + std::to_string(i) + "\\n";
    std::istringstream in(R"({"id":"archive","title":"أرشيف الأخبار","text":")" + text + "\"}\n");
    IndexReport report = ingest_records(db, in, "archive.jsonl", 1000);
    CHECK(report.added == std::vector<std::string>{"archive"});
    CHECK(report.passages_written == 5001);
    Xapian::Database reader((dir.path / "db").string());
    CHECK(reader.get_termfreq(schema::article_term("archive")) == 5001);
    CHECK(reader.get_termfreq("Zدفع") == 5000);
    CHECK_FALSE(reader.get_metadata(record_state_key("archive")).empty());
  }

  TEST_CASE("a record longer than kMaxRecordBytes is skipped by line number; the next is read") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    std::string big = R"({"id":"big","text":")" + std::string(kMaxRecordBytes + 10, 'k') + "\"}";
    std::istringstream in(big + "\n" + R"({"id":"small","title":"عنوان","text":"نص قصير."})" +
                          "\n");
    IndexReport report = ingest_records(db, in, "big.jsonl");
    REQUIRE(report.skipped.size() == 1);
    CHECK(report.skipped[0].file == "big.jsonl:1");
    CHECK(report.skipped[0].reason.find("longer than") != std::string::npos);
    CHECK(report.added == std::vector<std::string>{"small"});
  }

  TEST_CASE("a record may not take a corpus file's id") {
    e2e::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(schema::file_state_key("a.txt"), "state of a corpus file");
    db.commit();
    std::istringstream in(R"({"id":"a.txt","title":"عنوان","text":"نص."})"
                          "\n"
                          R"({"id":"a.txt","deleted":true})"
                          "\n");
    IndexReport report = ingest_records(db, in, "posted");
    REQUIRE(report.skipped.size() == 2);
    CHECK(report.skipped[0].reason.rfind(kIdOfCorpusFile, 0) == 0);
    CHECK(report.skipped[1].reason.rfind(kIdOfCorpusFile, 0) == 0);
    CHECK(report.added.empty());
    CHECK(db.get_metadata(schema::file_state_key("a.txt")) == "state of a corpus file");
  }
}
