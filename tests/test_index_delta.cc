// Tests of searcher/match/index_delta.h, and of a searcher that follows commits
// with it: after documents are streamed in, it answers exactly as a searcher
// opened afresh.
#include <doctest/doctest.h>
#include <xapian.h>

#include <sstream>

#include "corpus_index.h"
#include "e2e_support.h"
#include "index_delta.h"
#include "index_run.h"
#include "record_ingest.h"
#include "searcher.h"

using namespace fahras;
namespace fs = std::filesystem;

namespace {

// corpus/ indexed by run_index, then written to as an application would.
struct StreamedIndex : testing::CorpusIndex {
  // Ingests JSON Lines records, one per line.
  IndexReport post(const std::string& lines) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    std::istringstream in(lines);
    return ingest_records(db, in, "post");
  }
};

std::string record(const std::string& id, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"title\":\"خبر\",\"text\":\"" + text + "\"}\n";
}

// Everything a search shows, in order.
std::string shown(const SearchResult& r) {
  std::string out = std::to_string(r.total) + "\n";
  for (const Hit& h : r.hits)
    out += h.file + ":" + std::to_string(h.line) + " " + std::to_string(h.score) + "\n";
  return out;
}

}  // namespace

TEST_SUITE("index_delta") {
  TEST_CASE("the terms of passages added, and of passages their articles replaced") {
    StreamedIndex index;
    Xapian::Database older(index.path.string());
    index.post(record("n1", "وافقت بكين على مقايضة جديدة."));
    Xapian::Database newer(index.path.string());
    IndexDelta delta = delta_between(older, newer);
    auto& changed = delta.terms;
    REQUIRE(changed);
    CHECK(changed->count("Zمقايض") == 1);
    CHECK(changed->count("Zبكين") == 1);
    CHECK(changed->count("Bn1") == 1);
    CHECK(changed->count("Zترامب") == 0);  // only in the corpus's articles
    CHECK(delta_between(newer, newer).terms->empty());

    // Sent again: its old passages are deleted, and their terms changed too.
    older = newer;
    index.post(record("n1", "رفضت واشنطن الصفقة."));
    newer = Xapian::Database(index.path.string());
    delta = delta_between(older, newer);
    REQUIRE(changed);
    CHECK(changed->count("Zمقايض") == 1);   // only in the old text
    CHECK(changed->count("Zواشنطن") == 1);  // only in the new one

    // Deleted: the commit lists the article, and its passages' terms changed.
    older = newer;
    index.post("{\"id\":\"n1\",\"deleted\":true}\n");
    newer = Xapian::Database(index.path.string());
    delta = delta_between(older, newer);
    REQUIRE(changed);
    CHECK(changed->count("Zواشنطن") == 1);
    CHECK(changed->count("Zصين") == 0);

    // Two commits between, the first deleting: its list is gone, not followed.
    index.post(record("n2", "نص."));
    older = Xapian::Database(index.path.string());
    index.post("{\"id\":\"n2\",\"deleted\":true}\n");
    index.post(record("n3", "نص آخر."));
    newer = Xapian::Database(index.path.string());
    delta = delta_between(older, newer);
    CHECK_FALSE(delta.terms);

    // A batch, not a stream: its terms are not read.
    older = newer;
    std::string many;
    for (Xapian::doccount i = 0; i < kMaxFollowedDocuments; ++i)
      many += record("m" + std::to_string(i), "فقرة.");  // two passages each
    index.post(many);
    newer = Xapian::Database(index.path.string());
    delta = delta_between(older, newer);
    CHECK_FALSE(delta.terms);
  }

  TEST_CASE(
      "a searcher following streamed, replaced and removed articles answers as one opened afresh") {
    StreamedIndex index;
    Searcher followed({index.path.string()});
    const std::vector<std::string> queries = {"H200 الصين موافقة", "إنفيديا", "Nvidia",
                                              "مقايضة الرقائق",    "هوانج",   "شرائح بكين"};
    // Twice: the second search of a revision also holds its locations.
    for (int pass = 0; pass < 2; ++pass)
      for (const std::string& q : queries) followed.search(q);
    for (int i = 0; i < 5; ++i) {
      // Short passages with the queries' words: they rank high if they are
      // seen. The fourth round replaces the first round's article with
      // others, the fifth removes the second's.
      std::string text = i < 3 ? "وافقت الصين على مقايضة رقائق H200 من إنفيديا " + std::to_string(i)
                               : "رفضت بكين شحنة شرائح هواوي";
      if (i < 4)
        index.post(record("live" + std::to_string(i % 3), text));
      else
        index.post("{\"id\":\"live1\",\"deleted\":true}\n");
      followed.refresh();
      Searcher fresh({index.path.string()});
      for (const std::string& q : queries)
        CHECK_MESSAGE(shown(followed.search(q)) == shown(fresh.search(q)), q);
    }
    // A batch of new articles: terms too many to read, locations extended.
    std::string batch;
    for (Xapian::doccount i = 0; i < kMaxFollowedDocuments; ++i)
      batch += record("batch" + std::to_string(i), "شحنة رقائق رقم " + std::to_string(i));
    index.post(batch);
    followed.refresh();
    Searcher fresh({index.path.string()});
    for (const std::string& q : queries)
      CHECK_MESSAGE(shown(followed.search(q)) == shown(fresh.search(q)), q);
    SearchResult streamed = followed.search("مقايضة");
    REQUIRE_FALSE(streamed.hits.empty());
    CHECK(streamed.hits[0].file == "live2");
    for (const Hit& hit : streamed.hits) {
      CHECK(hit.file != "live0");  // replaced
      CHECK(hit.file != "live1");  // removed
    }
  }
}
