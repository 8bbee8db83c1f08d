// Tests of xapian_stem.h: TermGenerator, QueryParser and snippets all use
// the chain, so vocalized, hamza and clitic variants meet in one term.
#include <doctest/doctest.h>
#include <xapian.h>

#include <memory>

#include "normalizer.h"
#include "xapian_stem.h"

using namespace fahras;

TEST_SUITE("xapian_stem") {
  TEST_CASE("the stemmer normalizes and stems") {
    Xapian::Stem stem = make_stemmer();
    CHECK(stem("الْكِتَابُ") == "كتاب");
    CHECK(stem("وبالشركات") == "شرك");
    CHECK(stem("إنفيديا") == stem("انفيديا"));
  }

  TEST_CASE("TermGenerator and QueryParser meet on the same terms") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator tg;
    tg.set_stemmer(make_stemmer());
    std::unique_ptr<Xapian::Stopper> stopper(make_stopper());
    tg.set_stopper(stopper.get());
    tg.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(normalize("وافقت السلطات الصينية على استيراد شرائح إنفيديا"));
    db.add_document(doc);

    Xapian::QueryParser qp;
    qp.set_stemmer(make_stemmer());
    qp.set_stopper(stopper.get());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    Xapian::Enquire enquire(db);
    for (std::string q : {"الصين", "انفيديا", "والشرائح", "السُّلُطات", "\"على استيراد\""}) {
      enquire.set_query(qp.parse_query(normalize(q)));
      CHECK_MESSAGE(enquire.get_mset(0, 10).size() == 1, q);
    }
    enquire.set_query(qp.parse_query(normalize("أمريكا")));
    CHECK(enquire.get_mset(0, 10).size() == 0);
  }
}
