// Tests of searcher/match/term_matches.h: which query terms each candidate contains,
// with their wdf.
#include <doctest/doctest.h>

#include "term_documents.h"
#include "term_matches.h"

using namespace fahras;

TEST_SUITE("term_matches") {
  TEST_CASE("each candidate gets exactly the given terms it contains") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto add = [&](std::initializer_list<const char*> terms) {
      return testing::add_terms(db, terms);
    };
    Xapian::docid china = add({"Zصين", "Zشرائح"});
    {
      Xapian::Document doc = db.get_document(china);
      doc.add_term("Zصين", 2);  // wdf 3 in all
      db.replace_document(china, doc);
    }
    Xapian::docid nvidia = add({"Zانفيديا", "XNFD"});
    Xapian::docid both = add({"Zصين", "Zانفيديا", "XNFD"});
    Xapian::docid none = add({"Zترامب"});
    db.commit();
    // Candidates in rank order, not docid order; one term the index lacks.
    TermMatches m(db, {both, none, china, nvidia}, {"Zصين", "XNFD", "Zبكين"});
    using Found = TermMatches::Found;
    CHECK(m.of(china) == Found{{"Zصين", 3}});
    CHECK(m.of(nvidia) == Found{{"XNFD", 1}});
    CHECK(m.of(both) == Found{{"XNFD", 1}, {"Zصين", 1}});
    CHECK(m.of(none).empty());
    CHECK(m.of(999).empty());  // not a candidate

    // The same from lists decoded in memory (Zصين) beside lists read from the
    // index (XNFD, Zبكين): binary search finds what skip_to finds.
    PostingsCache decoded;
    decoded.postings(db, "Zصين");
    decoded.postings(db, "Zترامب");
    TermMatches d(db, {both, none, china, nvidia}, {"Zصين", "XNFD", "Zبكين", "Zترامب"}, &decoded);
    CHECK(d.of(china) == Found{{"Zصين", 3}});
    CHECK(d.of(nvidia) == Found{{"XNFD", 1}});
    CHECK(d.of(both) == Found{{"XNFD", 1}, {"Zصين", 1}});
    CHECK(d.of(none) == Found{{"Zترامب", 1}});

    // With admission, a list looked up a second time is decoded and kept;
    // the answers stay the same.
    HeavyTerms seen;
    DecodeAdmission admission{&seen, {}};
    PostingsCache kept;
    for (int time = 1; time <= 2; ++time) {
      CAPTURE(time);
      TermMatches a(db, {both, none, china, nvidia}, {"Zصين", "XNFD"}, &kept, &admission);
      CHECK(kept.contains("Zصين") == (time == 2));
      CHECK(kept.contains("XNFD") == (time == 2));
      CHECK_FALSE(kept.contains("Zترامب"));
      CHECK(a.of(china) == Found{{"Zصين", 3}});
      CHECK(a.of(both) == Found{{"XNFD", 1}, {"Zصين", 1}});
      CHECK(a.of(none).empty());
    }
    // A list longer than kMaxDecodedForMatches is walked, however often.
    DecodeAdmission long_lists{&seen, [](const std::string& term) {
                                 return term == "XNFD" ? kMaxDecodedForMatches + 1 : 1;
                               }};
    PostingsCache walked;
    for (int time = 1; time <= 2; ++time) {
      TermMatches a(db, {both, nvidia}, {"Zصين", "XNFD"}, &walked, &long_lists);
      CHECK(a.of(both) == Found{{"XNFD", 1}, {"Zصين", 1}});
    }
    CHECK(walked.contains("Zصين"));
    CHECK_FALSE(walked.contains("XNFD"));
  }
}
