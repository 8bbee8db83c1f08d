// Tests of searcher/match/disjunction_matcher.h: the accumulator ranks exactly as
// Xapian's matcher does, on the real corpus and the planner's real queries.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <memory>

#include "corpus_index.h"
#include "disjunction_matcher.h"
#include "e2e_support.h"
#include "fahras/schema.h"
#include "index_run.h"
#include "passage_context.h"
#include "reference_ranking.h"
#include "query_plan.h"
#include "rerank.h"
#include "searcher.h"
#include "side_thread.h"
#include "term_documents.h"

using namespace fahras;

namespace {

using testing::CorpusIndex;

// How many documents match `query`, counted by Xapian.
Xapian::doccount xapian_count(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// The same ranking as Xapian's, and for every document the same weight
// (weight_of(), pruned or not); the count exact unless said otherwise.
void check_same_ranking(const Xapian::Database& db, DisjunctionMatcher& matcher,
                        const std::vector<WeightedTerm>& terms, const Xapian::Query& query,
                        size_t depth, const std::vector<Xapian::Query>& weighed_alone = {}) {
  RevisionState state;
  size_t expected_total = 0, total = 0;
  bool total_exact = false;
  std::vector<WeightedDoc> expected = xapian_ranking(db, query, depth, expected_total);
  std::vector<WeightedDoc> got =
      matcher.top(db, terms, depth, total, total_exact, location_from_values(db), state, weighed_alone);
  // Xapian's count is an estimate once phrases are in the query.
  if (weighed_alone.empty() && total_exact) CHECK(total == expected_total);
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].docid == expected[i].docid);
    CHECK(got[i].weight == doctest::Approx(expected[i].weight).epsilon(1e-9));
  }
  Xapian::Enquire all(db);
  all.set_query(query);
  all.set_weighting_scheme(passage_bm25());
  Xapian::MSet every = all.get_mset(0, db.get_doccount());
  for (auto m = every.begin(); m != every.end(); ++m)
    CHECK(matcher.weight_of(*m) == doctest::Approx(m.get_weight()).epsilon(1e-9));
}

void check_same_ranking(const Xapian::Database& db, DisjunctionMatcher& matcher,
                        const QueryPlan& plan, size_t depth) {
  check_same_ranking(db, matcher, plan.disjunction, plan.query, depth,
                     plan.disjunction_weighed_alone);
}

const std::vector<std::string> kZipfWords = {"Zفي",     "Zصين",   "Zشرائح", "Zبكين",
                                             "Zترامب",  "Zهواوي", "Zتصدير", "Zموافق",
                                             "Zسيليكون", "Zذكاء",  "Zرقائق", "Zواشنطن"};

// 4,000 passages of kZipfWords at Zipf frequencies (wdf 1-3): common words in
// most, rare ones in few. Many passages tie, so cuts are decided by location too.
Xapian::WritableDatabase zipf_passages(std::mt19937& random) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::string>& words = kZipfWords;
  for (int d = 0; d < 4000; ++d) {
    Xapian::Document doc;
    for (size_t w = 0; w < words.size(); ++w)
      if (random() % (1 + w * w) == 0) doc.add_term(words[w], 1 + random() % 3);
    doc.add_term("Zكل");
    doc.add_value(schema::kSlotLocation,
                  schema::location_value("f" + std::to_string(random() % 50) + ".txt",
                                         static_cast<uint32_t>(random() % 40)));
    db.add_document(doc);
  }
  db.commit();
  return db;
}

}  // namespace

TEST_SUITE("disjunction_matcher") {
  TEST_CASE("ranks the real corpus exactly as Xapian's matcher does") {
    CorpusIndex index;
    const Xapian::Database& db = index.db;
    Synonyms none;
    QueryPlanner planner(db, none);
    DisjunctionMatcher matcher;
    size_t flat = 0, groups = 0;
    // Exact, inflected, misspelt and variant words; one word and several; a
    // stop word; a word the index lacks; a term that matches every passage.
    for (const char* query : {"الصين", "الصين موافقة", "شرائح الذكاء الاصطناعي", "الرقائق والشركات",
                              "ترمب هوانج", "تصدير الرقائق الأمريكية", "في", "كلمةمجهولة الصين",
                              "موافقتا واشنطن وبكين على خطة", "سيادة السيليكون الذاتية",
                              // a word twice, and two words of one stem
                              "الصين الصين", "رقائق الصين والرقائق",
                              // synonym groups: a Latin name's spellings, an unknown word's key
                              "Nvidia الصين", "Huawei هواوي", "انفيدياا الرقائق"}) {
      CAPTURE(query);
      QueryPlan plan = planner.plan(query);
      if (plan.disjunction.empty()) continue;
      ++flat;
      groups += std::count_if(plan.disjunction.begin(), plan.disjunction.end(),
                              [](const WeightedTerm& t) { return !t.synonyms.empty(); });
      for (size_t depth : {1, 5, 30, 1000}) check_same_ranking(db, matcher, plan, depth);
    }
    CHECK(flat >= 13);
    CHECK(groups >= 2);
  }

  TEST_CASE("brackets in a pasted paragraph: still one disjunction, ranked as Xapian ranks it") {
    CorpusIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    DisjunctionMatcher matcher;
    // The parser nests an OR per bracket; an OR's weight is its parts' sum.
    for (const char* query : {"الصين (شرائح إنفيديا)",
                              "وافقت السلطات الصينية (بحسب رويترز) على استيراد (الدفعة الأولى) من "
                              "شرائح H200 التابعة لشركة إنفيديا"}) {
      CAPTURE(query);
      QueryPlan plan = planner.plan(query);
      REQUIRE_FALSE(plan.disjunction.empty());
      for (size_t depth : {1, 10, 1000}) check_same_ranking(index.db, matcher, plan, depth);
    }
  }

  TEST_CASE("phrases beside the terms: weighed by Xapian, ranked as Xapian ranks the whole") {
    CorpusIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    DisjunctionMatcher matcher;
    for (const char* query :
         {"شرائح \"الذكاء الاصطناعي\" إنفيديا", "بايت-دانس الصين",
          "قالت وزارة التجارة \"إن الصين\" وافقت على شراء شرائح H200 من إنفيديا (بحسب رويترز)",
          "\"الصين\" \"الولايات المتحدة\" الرقائق"}) {
      CAPTURE(query);
      QueryPlan plan = planner.plan(query);
      REQUIRE_FALSE(plan.disjunction.empty());
      CHECK_FALSE(plan.disjunction_weighed_alone.empty());
      for (size_t depth : {1, 10, 1000}) check_same_ranking(index.db, matcher, plan, depth);
    }
    // A query that is one phrase alone stays with Xapian's matcher.
    CHECK(planner.plan("\"الذكاء الاصطناعي\"").disjunction.empty());
  }

  TEST_CASE("expansions that are no term beside the terms: ranked as Xapian ranks the whole") {
    CorpusIndex index;
    Synonyms none, listed = Synonyms::parse("الرقائق, أشباه الموصلات\n");
    DisjunctionMatcher matcher;
    // A name the index writes as two words (two_word_spellings.h): a phrase.
    QueryPlanner planner(index.db, none);
    for (const char* query : {"ByteDance الصين", "بايتدانس الرقائق", "DeepSeek شرائح"}) {
      CAPTURE(query);
      QueryPlan plan = planner.plan(query);
      REQUIRE_FALSE(plan.disjunction.empty());
      CHECK(plan.query.get_description().find("PHRASE 2") != std::string::npos);
      CHECK_FALSE(plan.disjunction_weighed_alone.empty());
      for (size_t depth : {1, 10, 1000}) check_same_ranking(index.db, matcher, plan, depth);
    }
    // A synonym of several words: a phrase.
    QueryPlanner with_synonyms(index.db, listed);
    QueryPlan plan = with_synonyms.plan("الرقائق الصينية");
    REQUIRE_FALSE(plan.disjunction.empty());
    CHECK(plan.query.get_description().find("PHRASE") != std::string::npos);
    for (size_t depth : {1, 10, 1000}) check_same_ranking(index.db, matcher, plan, depth);
  }

  TEST_CASE("passages of equal weight make the cut by location, not by docid") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // Written in another order than their locations: c.txt:9, a.txt:9, a.txt:2.
    for (auto [file, line] :
         {std::pair<const char*, uint32_t>{"c.txt", 9}, {"a.txt", 9}, {"a.txt", 2}}) {
      Xapian::Document doc;
      doc.add_term("Zصين");
      doc.add_value(schema::kSlotLocation, schema::location_value(file, line));
      db.add_document(doc);
    }
    db.commit();
    DisjunctionMatcher matcher;
    RevisionState state;
    size_t total = 0;
    bool exact = false;
    std::vector<WeightedDoc> got =
        matcher.top(db, {{"Zصين", 1.0, 3}}, 2, total, exact, location_from_values(db), state);
    CHECK(total == 3);
    CHECK(exact);
    REQUIRE(got.size() == 2);
    CHECK(got[0].docid == 3);  // a.txt:2
    CHECK(got[1].docid == 2);  // a.txt:9 (line, then file)
    size_t xapian_total = 0;
    std::vector<WeightedDoc> xapian = xapian_ranking(db, Xapian::Query("Zصين"), 2, xapian_total);
    REQUIRE(xapian.size() == 2);
    CHECK(xapian[0].docid == got[0].docid);
    CHECK(xapian[1].docid == got[1].docid);
  }

  TEST_CASE("a term the query holds twice is one term at the sum of its factors") {
    CorpusIndex index;
    Synonyms none;
    QueryPlanner planner(index.db, none);
    auto factor_of = [](const QueryPlan& plan, const std::string& term) {
      double sum = 0;
      for (const WeightedTerm& t : plan.disjunction)
        if (t.term == term) sum += t.factor;
      return sum;
    };
    QueryPlan twice = planner.plan("الصين الصين");
    REQUIRE_FALSE(twice.disjunction.empty());
    CHECK(std::count_if(twice.disjunction.begin(), twice.disjunction.end(),
                        [](const WeightedTerm& t) { return t.term == "Zصين"; }) == 1);
    CHECK(factor_of(twice, "Zصين") == doctest::Approx(2.0));
  }

  TEST_CASE("a query of any other shape is not offered as a disjunction") {
    CorpusIndex index;
    const Xapian::Database& db = index.db;
    Synonyms none;
    QueryPlanner planner(db, none);
    CHECK_FALSE(planner.plan("الصين").disjunction.empty());
    for (const char* query : {"\"رقائق الذكاء\"", "الصين NOT ترامب", "الصين AND بكين",
                              "file:000_0fdb8642d30cb6d2.txt الصين", "شرا*"}) {
      CAPTURE(query);
      CHECK(planner.plan(query).disjunction.empty());
    }
  }

  TEST_CASE("documents added after the first search are matched too") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto add = [&](std::initializer_list<const char*> terms) {
      return testing::add_terms(db, terms);
    };
    add({"Zصين", "Zشرائح"});
    add({"Zترامب"});
    db.commit();
    DisjunctionMatcher matcher;
    size_t total = 0;
    bool exact = false;
    RevisionState first;
    CHECK(matcher.top(db, {{"Zصين", 1.0, 1}}, 10, total, exact, location_from_values(db), first).size() == 1);
    Xapian::docid later = add({"Zصين", "Zبكين"});
    db.commit();
    RevisionState second;  // the next revision's
    second.postings.inherit(first.postings, {"Zصين", "Zبكين"});
    std::vector<WeightedDoc> got = matcher.top(db, {{"Zصين", 1.0, 2}, {"Zبكين", 0.6, 1}}, 10,
                                               total, exact, location_from_values(db), second);
    CHECK(total == 2);
    REQUIRE(got.size() == 2);
    CHECK(got[0].docid == later);  // two terms beat one
  }

  TEST_CASE("a disjunction with many postings is left to Xapian until its terms come again") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    testing::add_terms(db, {"Zصين", "Zفي"});
    DisjunctionMatcher matcher;
    // Frequencies as a large index would report them.
    std::vector<WeightedTerm> light = {{"Zصين", 1.0, 900}, {"Zبكين", 0.6, 400}};
    std::vector<WeightedTerm> heavy = {{"Zفي", 1.0, 30000}, {"Zصين", 1.0, 900}};
    RevisionState state;
    CHECK(matcher.suits(light, state));
    CHECK_FALSE(matcher.suits(heavy, state));
    DisjunctionMatcher other_thread;
    CHECK(other_thread.suits(heavy, state));  // asked for again, in any thread
    size_t total = 0;
    bool exact = false;
    other_thread.top(db, heavy, 10, total, exact, location_from_values(db), state);
    CHECK(state.postings.contains("Zفي"));  // decoded and kept from now on
    RevisionState next_revision;
    CHECK_FALSE(matcher.suits(heavy, next_revision));
  }

  TEST_CASE("pruning skips what cannot reach the top and still ranks exactly as Xapian") {
    // Every query a mix of common and rare words, at every depth.
    std::mt19937 random(7);
    Xapian::WritableDatabase db = zipf_passages(random);
    const std::vector<std::string>& words = kZipfWords;
    DisjunctionMatcher matcher;
    size_t estimated = 0, weighed = 0, matching = 0;
    for (int q = 0; q < 60; ++q) {
      std::vector<WeightedTerm> terms;
      std::vector<Xapian::Query> parts;
      size_t size = 2 + random() % 5;
      for (size_t k = 0; k < size; ++k) {
        const std::string& term = words[random() % words.size()];
        double factor = (random() % 2 == 0) ? 1.0 : 0.35 + 0.05 * static_cast<double>(random() % 10);
        terms.push_back({term, factor, db.get_termfreq(term)});
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), factor);
      }
      Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
      CAPTURE(query.get_description());
      for (size_t depth : {1, 10, 30}) {
        check_same_ranking(db, matcher, terms, query, depth);
        RevisionState state;
        size_t total = 0;
        bool exact = true;
        matcher.top(db, terms, depth, total, exact, location_from_values(db), state);
        if (!exact) ++estimated;
        weighed += matcher.last_weighed();
        matching += total;
        CHECK(total == static_cast<size_t>(
                           xapian_count(db, query)));
      }
    }
    CHECK(estimated == 0);  // small lists: counted exactly however much was pruned
    CHECK(weighed < matching / 3);  // most passages were never weighed in whole
  }

  TEST_CASE("a match split in two halves at once ranks exactly as Xapian") {
    // Every disjunction split (split_from(0)): the lower docids on this
    // thread, the upper on the side thread, sharing the larger cut.
    std::mt19937 random(11);
    Xapian::WritableDatabase db = zipf_passages(random);
    const std::vector<std::string>& words = kZipfWords;
    DisjunctionMatcher matcher;
    matcher.split_from(0);
    size_t split = 0, estimated = 0;
    for (int q = 0; q < 40; ++q) {
      std::vector<WeightedTerm> terms;
      std::vector<Xapian::Query> parts;
      size_t size = 2 + random() % 5;
      for (size_t k = 0; k < size; ++k) {
        const std::string& term = words[random() % words.size()];
        terms.push_back({term, 1.0, db.get_termfreq(term)});
        parts.emplace_back(Xapian::Query(term));
      }
      Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
      CAPTURE(query.get_description());
      for (size_t depth : {1, 10, 30, 5000}) {
        check_same_ranking(db, matcher, terms, query, depth);
        split += matcher.last_split();
        RevisionState state;
        size_t total = 0;
        bool exact = true;
        matcher.top(db, terms, depth, total, exact, location_from_values(db), state);
        estimated += !exact;  // a long match's total, split or not
      }
    }
    if (SideThread::shared()) CHECK(split == 160);
    CHECK(estimated == 160);
  }

  TEST_CASE("synonym groups of three terms and more are weighed as Xapian weighs them") {
    // Xapian estimates a group's frequency pair by pair, rarest first, each
    // pair rounded; an estimate in another order moved weights in the fourth
    // digit (two ARCD questions at 100,000 passages).
    std::mt19937 random(11);
    Xapian::WritableDatabase db = zipf_passages(random);
    const std::vector<std::string>& words = kZipfWords;
    DisjunctionMatcher matcher;
    for (int q = 0; q < 40; ++q) {
      std::vector<std::string> group = words;
      std::shuffle(group.begin(), group.end(), random);
      group.resize(3 + random() % 4);
      std::sort(group.begin(), group.end());
      WeightedTerm synonyms{"", 0.5 + 0.1 * static_cast<double>(random() % 6), 0, group, {}};
      for (const std::string& term : group) synonyms.synonym_frequencies.push_back(db.get_termfreq(term));
      synonyms.frequency = synonym_frequency(synonyms.synonym_frequencies, db.get_doccount());
      const std::string& other = words[random() % words.size()];
      std::vector<WeightedTerm> terms = {synonyms, {other, 1.0, db.get_termfreq(other)}};
      Xapian::Query query(
          Xapian::Query::OP_OR,
          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                        Xapian::Query(Xapian::Query::OP_SYNONYM, group.begin(), group.end()),
                        synonyms.factor),
          Xapian::Query(other));
      CAPTURE(query.get_description());
      for (size_t depth : {1, 10, 30}) check_same_ranking(db, matcher, terms, query, depth);
    }
  }
}
