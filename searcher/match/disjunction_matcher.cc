// Term-at-a-time BM25 for disjunctions (see disjunction_matcher.h).
#include "disjunction_matcher.h"

#include <algorithm>

#include "passage_context.h"
#include "rerank.h"

namespace fahras {

Xapian::doccount synonym_frequency(const std::vector<Xapian::doccount>& frequencies,
                                   Xapian::doccount documents) {
  if (frequencies.empty() || documents == 0) return 0;
  double estimate = frequencies.front();
  for (size_t i = 1; i < frequencies.size(); ++i)
    estimate = estimate + frequencies[i] - estimate * frequencies[i] / documents;
  return static_cast<Xapian::doccount>(estimate + 0.5);
}

bool DisjunctionMatcher::suits(const Xapian::Database& db, const std::vector<WeightedTerm>& terms) {
  if (db.get_lastdocid() > kMaxAccumulatedDocids) return false;
  size_t cost = 0;
  std::vector<const std::string*> uncached;
  auto add = [&](const std::string& term, Xapian::doccount frequency) {
    if (postings_.contains(term)) {
      cost += frequency / kCachedPostingDiscount;
    } else {
      cost += frequency;
      uncached.push_back(&term);
    }
  };
  for (const WeightedTerm& t : terms) {
    if (t.synonyms.empty()) add(t.term, t.frequency);
    for (size_t i = 0; i < t.synonyms.size(); ++i)
      add(t.synonyms[i], i < t.synonym_frequencies.size() ? t.synonym_frequencies[i] : 0);
  }
  if (cost <= kMaxAccumulatedPostings) return true;
  if (std::all_of(uncached.begin(), uncached.end(),
                  [&](const std::string* t) { return heavy_terms_seen_.count(*t) > 0; }))
    return true;
  if (heavy_terms_seen_.size() >= kMaxRememberedHeavyTerms) heavy_terms_seen_.clear();
  for (const std::string* t : uncached) heavy_terms_seen_.insert(*t);
  return false;
}

std::vector<Posting> DisjunctionMatcher::synonym_postings(const Xapian::Database& db,
                                                          const WeightedTerm& group) {
  std::vector<Posting> all;
  for (const std::string& term : group.synonyms) {
    const std::vector<Posting>& postings = postings_.postings(db, term);
    all.insert(all.end(), postings.begin(), postings.end());
  }
  std::sort(all.begin(), all.end(),
            [](const Posting& a, const Posting& b) { return a.docid < b.docid; });
  std::vector<Posting> summed;
  for (const Posting& p : all) {
    if (!summed.empty() && summed.back().docid == p.docid)
      summed.back().wdf += p.wdf;
    else
      summed.push_back(p);
  }
  return summed;
}

std::vector<WeightedDoc> DisjunctionMatcher::top(const Xapian::Database& db,
                                                 const std::vector<WeightedTerm>& terms,
                                                 size_t depth, size_t& total,
                                                 const LocationOf& location,
                                                 const std::vector<Xapian::Query>& weighed_alone) {
  static_assert(kBm25B == 0, "the accumulator leaves out BM25's length normalization");
  Xapian::docid last = db.get_lastdocid();
  if (weight_of_.size() <= last) {
    weight_of_.resize(last + 1);
    stamp_.resize(last + 1, 0);
  }
  if (++call_ == 0) {  // the stamps wrapped: forget them all
    std::fill(stamp_.begin(), stamp_.end(), 0);
    call_ = 1;
  }
  touched_.clear();
  Xapian::doccount documents = db.get_doccount();
  for (const WeightedTerm& t : terms) {
    if (t.frequency == 0) continue;
    // Xapian 1.4's BM25Weight::init() for wqf 1, in its order of operations.
    double term_weight = bm25_idf(documents, t.frequency) * t.factor * (kBm25K1 + 1);
    std::vector<Posting> group;
    if (!t.synonyms.empty()) group = synonym_postings(db, t);
    for (const Posting& p : t.synonyms.empty() ? postings_.postings(db, t.term) : group) {
      Xapian::docid d = p.docid;
      if (d >= weight_of_.size()) continue;  // added after get_lastdocid() was read
      double wdf = p.wdf;
      double part = term_weight * (wdf / (kBm25K1 + wdf));
      if (stamp_[d] != call_) {
        stamp_[d] = call_;
        weight_of_[d] = part;
        touched_.push_back(d);
      } else {
        weight_of_[d] += part;
      }
    }
  }
  if (!weighed_alone.empty()) {
    // One match for them all: an OR's weight is the sum of its parts'.
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_OR, weighed_alone.begin(), weighed_alone.end()));
    enquire.set_weighting_scheme(passage_bm25());
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
    Xapian::MSet matches = enquire.get_mset(0, documents);
    for (auto m = matches.begin(); m != matches.end(); ++m) {
      Xapian::docid d = *m;
      if (d >= weight_of_.size()) continue;
      if (stamp_[d] != call_) {
        stamp_[d] = call_;
        weight_of_[d] = m.get_weight();
        touched_.push_back(d);
      } else {
        weight_of_[d] += m.get_weight();
      }
    }
  }
  total = touched_.size();
  for (Xapian::docid d : touched_) weight_of_[d] = round_score(weight_of_[d]);
  size_t keep = std::min(depth, touched_.size());
  std::vector<WeightedDoc> out;
  if (keep == 0) return out;
  auto heavier = [&](Xapian::docid a, Xapian::docid b) {
    if (weight_of_[a] != weight_of_[b]) return weight_of_[a] > weight_of_[b];
    return a < b;
  };
  std::nth_element(touched_.begin(), touched_.begin() + static_cast<std::ptrdiff_t>(keep - 1),
                   touched_.end(), heavier);
  // The documents of the weight at the cut: those that make it are the first
  // by location, as Xapian's matcher sorts them.
  const double cut = weight_of_[touched_[keep - 1]];
  auto tied_begin = std::partition(touched_.begin(), touched_.end(),
                                   [&](Xapian::docid d) { return weight_of_[d] > cut; });
  auto tied_end = std::partition(tied_begin, touched_.end(),
                                 [&](Xapian::docid d) { return weight_of_[d] == cut; });
  auto before = [&](Xapian::docid a, Xapian::docid b) {
    if (weight_of_[a] != weight_of_[b]) return weight_of_[a] > weight_of_[b];
    PassageLocation la = location(a), lb = location(b);
    if (la < lb) return true;
    if (lb < la) return false;
    return a < b;
  };
  size_t above = static_cast<size_t>(tied_begin - touched_.begin());
  if (static_cast<size_t>(tied_end - touched_.begin()) > keep)
    std::partial_sort(tied_begin, touched_.begin() + static_cast<std::ptrdiff_t>(keep), tied_end,
                      before);
  std::sort(touched_.begin(), tied_begin, before);
  if (above + static_cast<size_t>(tied_end - tied_begin) <= keep)
    std::sort(tied_begin, tied_end, before);
  out.reserve(keep);
  for (size_t i = 0; i < keep; ++i) out.push_back({touched_[i], weight_of_[touched_[i]]});
  return out;
}

}  // namespace fahras
