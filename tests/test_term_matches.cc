// Tests of searcher/term_matches.h: which query terms each candidate contains.
#include <doctest/doctest.h>

#include "term_matches.h"

using namespace fahras;

TEST_SUITE("term_matches") {
  TEST_CASE("each candidate gets exactly the given terms it contains") {
    Xapian::WritableDatabase db = Xapian::InMemory::open();
    auto add = [&](std::initializer_list<const char*> terms) {
      Xapian::Document doc;
      for (const char* t : terms) doc.add_term(t);
      return db.add_document(doc);
    };
    Xapian::docid china = add({"Zصين", "Zشرائح"});
    Xapian::docid nvidia = add({"Zانفيديا", "XNFD"});
    Xapian::docid both = add({"Zصين", "Zانفيديا", "XNFD"});
    Xapian::docid none = add({"Zترامب"});
    db.commit();
    // Candidates in rank order, not docid order; one term the index lacks.
    TermMatches m(db, {both, none, china, nvidia}, {"Zصين", "XNFD", "Zبكين"});
    CHECK(m.of(china) == std::set<std::string>{"Zصين"});
    CHECK(m.of(nvidia) == std::set<std::string>{"XNFD"});
    CHECK(m.of(both) == std::set<std::string>{"XNFD", "Zصين"});
    CHECK(m.of(none).empty());
    CHECK(m.of(999).empty());  // not a candidate
  }
}
