// MaxScore top-k BM25 for disjunctions (see disjunction_matcher.h).
#include "disjunction_matcher.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <mutex>
#include <queue>

#include "passage_context.h"
#include "rerank.h"
#include "side_thread.h"

namespace fahras {

Xapian::doccount synonym_frequency(const std::vector<Xapian::doccount>& frequencies,
                                   Xapian::doccount documents) {
  if (frequencies.empty() || documents == 0) return 0;
  // Xapian ORs the group's lists in pairs, the two rarest first (a Huffman
  // tree), each pair's estimate rounded: the order and the rounding show in
  // the weights once a group has three terms.
  std::priority_queue<Xapian::doccount, std::vector<Xapian::doccount>, std::greater<>> rarest(
      frequencies.begin(), frequencies.end());
  while (rarest.size() > 1) {
    const double a = rarest.top();
    rarest.pop();
    const double b = rarest.top();
    rarest.pop();
    rarest.push(static_cast<Xapian::doccount>(a + b - a * b / documents + 0.5));
  }
  return rarest.top();
}

bool DisjunctionMatcher::suits(const std::vector<WeightedTerm>& terms, RevisionState& state) {
  size_t cost = 0;
  std::vector<const std::string*> undecoded;
  auto add = [&](const std::string& term, Xapian::doccount frequency) {
    if (state.postings.contains(term)) return;
    cost += frequency;
    undecoded.push_back(&term);
  };
  for (const WeightedTerm& t : terms) {
    if (t.synonyms.empty()) add(t.term, t.frequency);
    for (size_t i = 0; i < t.synonyms.size(); ++i)
      add(t.synonyms[i], i < t.synonym_frequencies.size() ? t.synonym_frequencies[i] : 0);
  }
  return cost <= kMaxAccumulatedPostings || state.heavy_terms.seen_all_then_note(undecoded);
}

PostingsPtr DisjunctionMatcher::synonym_postings(const Xapian::Database& db,
                                                 const WeightedTerm& group, PostingsCache& cache) {
  std::string key(1, kGroupKeyMark);
  for (const std::string& term : group.synonyms) key += term + '\0';
  return cache.made(key, [&] {
    std::vector<Posting> all;
    for (const std::string& term : group.synonyms) {
      PostingsPtr postings = cache.postings(db, term);
      all.insert(all.end(), postings->list.begin(), postings->list.end());
    }
    std::sort(all.begin(), all.end(),
              [](const Posting& a, const Posting& b) { return a.docid < b.docid; });
    auto summed = std::make_shared<DecodedPostings>();
    for (const Posting& p : all) {
      if (!summed->list.empty() && summed->list.back().docid == p.docid)
        summed->list.back().wdf += p.wdf;
      else
        summed->list.push_back(p);
    }
    summed->set_bounds();
    return PostingsPtr(std::move(summed));
  });
}

double DisjunctionMatcher::window_bound(const List& list, const Posting* at, uint64_t limit) const {
  const std::vector<Posting>& postings = list.postings->list;
  const Posting* end = postings.data() + postings.size();
  if (at == end || at->docid >= limit) return 0;
  if (list.alone) return list.bound;
  const std::vector<Xapian::termcount>& block_max = list.postings->block_max_wdf;
  Xapian::termcount wdf = 0;
  for (size_t block = static_cast<size_t>(at - postings.data()) / kPostingsPerBlock;
       block < block_max.size() && postings[block * kPostingsPerBlock].docid < limit; ++block)
    wdf = std::max(wdf, block_max[block]);
  double most = wdf;
  return list.term_weight * (most / (kBm25K1 + most));
}

double DisjunctionMatcher::part(const List& list, const Posting& p) const {
  if (list.alone) return alone_weights_[p.wdf];
  if (p.wdf < list.part_of_wdf.size()) return list.part_of_wdf[p.wdf];
  double wdf = p.wdf;
  return list.term_weight * (wdf / (kBm25K1 + wdf));
}

namespace {

// The first posting at or after `at` of a document not before `docid`:
// galloping, so that skipping n postings costs log n.
const Posting* skip_to(const Posting* at, const Posting* end, Xapian::docid docid) {
  if (at == end || at->docid >= docid) return at;
  size_t step = 1;
  const Posting* low = at;  // low->docid < docid
  while (step < static_cast<size_t>(end - low) && low[step].docid < docid) {
    low += step;
    step *= 2;
  }
  const Posting* high = low + std::min(step, static_cast<size_t>(end - low - 1)) + 1;
  return std::lower_bound(low + 1, high, docid,
                          [](const Posting& p, Xapian::docid d) { return p.docid < d; });
}

// The posting of `docid` in [from, to), or null.
const Posting* posting_of(Xapian::docid docid, const Posting* from, const Posting* to) {
  const Posting* found = std::lower_bound(
      from, to, docid, [](const Posting& p, Xapian::docid d) { return p.docid < d; });
  return found != to && found->docid == docid ? found : nullptr;
}

// Pruning compares bounds with the weight at the cut less this much: more
// than rounding (round_score: 1e-9) and the order of additions can move a
// weight, so that no document that could tie at the cut is pruned.
constexpr double kPruneMargin = 1e-8;

// The docids a window of the essential lists covers (Lucene's inner window).
constexpr uint64_t kWindowDocids = 4096;

}  // namespace

std::vector<WeightedDoc> DisjunctionMatcher::top(const Xapian::Database& db,
                                                 const std::vector<WeightedTerm>& terms,
                                                 size_t depth, size_t& total, bool& total_exact,
                                                 const LocationOf& location, RevisionState& state,
                                                 const std::vector<Xapian::Query>& weighed_alone) {
  static_assert(kBm25B == 0, "the matcher leaves out BM25's length normalization");
  lists_.clear();
  alone_weights_.clear();
  weighed_ = 0;
  Xapian::doccount documents = db.get_doccount();
  std::vector<Xapian::doccount> frequencies;
  for (const WeightedTerm& t : terms) {
    if (t.frequency == 0) continue;
    List list;
    // Xapian 1.4's BM25Weight::init() for wqf 1, in its order of operations.
    list.term_weight = bm25_idf(documents, t.frequency) * t.factor * (kBm25K1 + 1);
    list.postings = t.synonyms.empty() ? state.postings.postings(db, t.term)
                                       : synonym_postings(db, t, state.postings);
    if (list.postings->list.empty()) continue;
    double max_wdf = list.postings->max_wdf;
    list.bound = list.term_weight * (max_wdf / (kBm25K1 + max_wdf));
    // A table pays for itself only over more postings than it has entries.
    size_t entries = std::min(list.postings->max_wdf, kTabledWdf) + size_t{1};
    if (list.postings->list.size() > entries) list.part_of_wdf.resize(entries);
    for (Xapian::termcount wdf = 0; wdf < list.part_of_wdf.size(); ++wdf) {
      double w = wdf;
      list.part_of_wdf[wdf] = list.term_weight * (w / (kBm25K1 + w));
    }
    frequencies.push_back(static_cast<Xapian::doccount>(list.postings->list.size()));
    lists_.push_back(std::move(list));
  }
  if (!weighed_alone.empty()) {
    // One match for them all: an OR's weight is the sum of its parts'.
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_OR, weighed_alone.begin(), weighed_alone.end()));
    enquire.set_weighting_scheme(passage_bm25());
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
    Xapian::MSet matches = enquire.get_mset(0, documents);
    auto weights = std::make_shared<DecodedPostings>();
    List list;
    list.alone = true;
    for (auto m = matches.begin(); m != matches.end(); ++m) {
      weights->list.push_back({*m, static_cast<Xapian::termcount>(alone_weights_.size())});
      alone_weights_.push_back(m.get_weight());
      list.bound = std::max(list.bound, m.get_weight());
    }
    std::sort(weights->list.begin(), weights->list.end(),
              [](const Posting& a, const Posting& b) { return a.docid < b.docid; });
    if (!weights->list.empty()) {
      frequencies.push_back(static_cast<Xapian::doccount>(weights->list.size()));
      list.postings = std::move(weights);
      lists_.push_back(std::move(list));
    }
  }

  size_t postings = 0;
  for (const List& list : lists_) postings += list.postings->list.size();
  // A long match splits its docids in two when the side thread is free: the
  // lower half here, the upper there; the best `depth` of the two halves'
  // best `depth` are the best of all.
  Scan lower, upper;
  std::atomic<double> shared_cut{0};
  const bool long_match = postings >= split_from_;
  SideThread* side = long_match && depth > 0 ? SideThread::shared() : nullptr;
  const Xapian::docid middle = side ? db.get_lastdocid() / 2 + 1 : 0;
  // The two halves ask for locations one at a time: `location` may read the
  // database, which one thread at a time may use.
  std::mutex locating;
  const LocationOf one_at_a_time = [&](Xapian::docid docid) {
    std::lock_guard lock(locating);
    return location(docid);
  };
  split_ =
      side && side->try_start([&] { scan(middle, 0, depth, one_at_a_time, upper, &shared_cut); });
  if (split_) {
    try {
      scan(1, middle, depth, one_at_a_time, lower, &shared_cut);
    } catch (...) {
      try {
        side->wait();
      } catch (...) {  // the first error is reported
      }
      throw;
    }
    side->wait();
  } else {
    scan(1, 0, depth, location, lower, nullptr);
  }
  weighed_ = lower.weighed + upper.weighed;
  const size_t candidates = lower.candidates + upper.candidates;
  total_exact = !lower.skipped && !upper.skipped;
  total = candidates;
  if (long_match) {
    // Whether the match was split, and so how much pruning skipped, depends
    // on the other searches of the moment: so does no total.
    total_exact = false;
    total = synonym_frequency(frequencies, documents);
  } else if (!total_exact) {
    if (postings <= kMaxCountedPostings) {
      total = count_union();
      total_exact = true;
    } else {
      total = std::max<size_t>(candidates, synonym_frequency(frequencies, documents));
    }
  }
  std::vector<WeightedDoc> best = std::move(lower.best);
  best.insert(best.end(), upper.best.begin(), upper.best.end());
  const Better better{location};
  std::sort(best.begin(), best.end(), better);
  if (best.size() > depth) best.resize(depth);
  return best;
}

bool DisjunctionMatcher::Better::operator()(const WeightedDoc& a, const WeightedDoc& b) const {
  if (a.weight != b.weight) return a.weight > b.weight;
  PassageLocation la = location(a.docid), lb = location(b.docid);
  if (la < lb) return true;
  if (lb < la) return false;
  return a.docid < b.docid;
}

void DisjunctionMatcher::scan(Xapian::docid first_docid, Xapian::docid end_docid, size_t depth,
                              const LocationOf& location, Scan& out,
                              std::atomic<double>* shared_cut) const {
  const size_t n = lists_.size();
  const uint64_t stop = end_docid ? end_docid : uint64_t{1} << 32;  // past every docid
  std::vector<const Posting*> at(n), end(n);
  for (size_t i = 0; i < n; ++i) {
    at[i] = lists_[i].postings->list.data();
    end[i] = at[i] + lists_[i].postings->list.size();
  }
  // The best so far, the worst of them on top.
  const Better better{location};
  std::vector<WeightedDoc>& best = out.best;
  best.reserve(depth + 1);
  double cut = 0;  // the weight of the worst of the best, once there are depth
  // What a document's bound must reach to be weighed (0: every one is): this
  // scan's cut, or the other half's if larger (at least depth documents
  // there weigh that much, so one under it cannot make the cut either).
  auto pruning_bar = [&] {
    double own = best.size() >= depth ? cut : 0.0;
    return shared_cut ? std::max(own, shared_cut->load(std::memory_order_relaxed)) : own;
  };
  bool& skipped = out.skipped;  // some window had non-essential lists: the count is not exact
  size_t& candidates = out.candidates;  // documents of the essential lists
  // Window by window of docids: each list's bound in the window (from the
  // largest wdf of the blocks it overlaps: block-max); the lists whose bounds
  // together stay under the cut are non-essential; the essential lists'
  // parts are added term at a time (as Lucene's MaxScoreBulkScorer does),
  // then each candidate of the window, in docid order, is looked up in the
  // non-essential lists, the larger bounds first, until its bound falls
  // under the cut.
  std::vector<double> sums(kWindowDocids, 0), bound(n);
  std::vector<uint64_t> held(kWindowDocids / 64, 0);  // the window's candidates
  std::vector<size_t> by_bound(n);
  // Where each list's postings of the candidate lie: the window's, for an
  // essential list; at its cursor, for a non-essential one.
  std::vector<const Posting*> from(n), to(n);
  std::vector<double> below(n + 1, 0);   // below[k]: the sum of the k smallest bounds
  for (uint64_t base = first_docid;;) {  // the window: [base, limit)
    uint64_t first = 0;
    for (size_t i = 0; i < n; ++i) {
      at[i] = skip_to(at[i], end[i], static_cast<Xapian::docid>(base));
      if (at[i] != end[i] && (first == 0 || at[i]->docid < first)) first = at[i]->docid;
    }
    if (first == 0 || first >= stop) break;
    base = first;
    const uint64_t limit = std::min(base + kWindowDocids, stop);
    for (size_t i = 0; i < n; ++i) bound[i] = window_bound(lists_[i], at[i], limit);
    for (size_t i = 0; i < n; ++i) by_bound[i] = i;
    std::sort(by_bound.begin(), by_bound.end(),
              [&](size_t a, size_t b) { return bound[a] < bound[b]; });
    for (size_t k = 0; k < n; ++k) below[k + 1] = below[k] + bound[by_bound[k]];
    size_t essential = 0;  // by_bound[essential..]: the lists candidates come from
    if (double bar = pruning_bar(); bar > 0)
      while (essential < n && below[essential + 1] < bar - kPruneMargin) ++essential;
    for (size_t k = 0; k < essential && !skipped; ++k)
      skipped = at[by_bound[k]] != end[by_bound[k]] && at[by_bound[k]]->docid < limit;
    for (size_t k = essential; k < n; ++k) {
      size_t i = by_bound[k];
      from[i] = at[i];
      for (; at[i] != end[i] && at[i]->docid < limit; ++at[i]) {
        size_t offset = at[i]->docid - base;
        held[offset / 64] |= uint64_t{1} << (offset % 64);
        sums[offset] += part(lists_[i], *at[i]);
      }
    }
    for (size_t k = essential; k < n; ++k) to[by_bound[k]] = at[by_bound[k]];
    for (size_t word = 0; word < held.size(); ++word) {
      for (uint64_t bits = held[word]; bits != 0; bits &= bits - 1) {
        size_t offset = word * 64 + static_cast<size_t>(std::countr_zero(bits));
        const Xapian::docid d = static_cast<Xapian::docid>(base + offset);
        double sum = sums[offset];  // of the parts found so far, in any order (for pruning)
        sums[offset] = 0;
        ++candidates;
        const bool full = best.size() >= depth;
        const double bar = pruning_bar();
        bool pruned = bar > 0 && sum + below[essential] < bar - kPruneMargin;
        for (size_t k = essential; k-- > 0 && !pruned;) {  // the larger bounds first
          size_t i = by_bound[k];
          at[i] = skip_to(at[i], end[i], d);
          if (at[i] != end[i] && at[i]->docid == d) sum += part(lists_[i], *at[i]);
          pruned = bar > 0 && sum + below[k] < bar - kPruneMargin;
        }
        if (pruned || depth == 0) continue;
        ++out.weighed;
        // Its weight added in the query's order, as weight_of() adds it.
        for (size_t k = 0; k < essential; ++k) {
          size_t i = by_bound[k];
          from[i] = at[i];
          to[i] = at[i] == end[i] ? at[i] : at[i] + 1;
        }
        WeightedDoc doc{d, weight_between(d, from, to)};
        if (!full) {
          best.push_back(doc);
          std::push_heap(best.begin(), best.end(), better);
        } else if (better(doc, best.front())) {
          std::pop_heap(best.begin(), best.end(), better);
          best.back() = doc;
          std::push_heap(best.begin(), best.end(), better);
        } else {
          continue;
        }
        if (best.size() >= depth) {
          cut = best.front().weight;
          if (shared_cut) {  // raised to the larger of the halves' cuts
            double known = shared_cut->load(std::memory_order_relaxed);
            while (known < cut &&
                   !shared_cut->compare_exchange_weak(known, cut, std::memory_order_relaxed)) {
            }
          }
        }
      }
      held[word] = 0;
    }
    base = limit;
  }
}

size_t DisjunctionMatcher::count_union() {
  // A bit per docid up to the largest: marked, then counted.
  Xapian::docid last = 0;
  for (const List& list : lists_) last = std::max(last, list.postings->list.back().docid);
  union_bits_.assign(last / 64 + 1, 0);
  for (const List& list : lists_)
    for (const Posting& p : list.postings->list)
      union_bits_[p.docid / 64] |= uint64_t{1} << (p.docid % 64);
  size_t count = 0;
  for (uint64_t word : union_bits_) count += static_cast<size_t>(std::popcount(word));
  return count;
}

double DisjunctionMatcher::weight_between(Xapian::docid docid,
                                          const std::vector<const Posting*>& from,
                                          const std::vector<const Posting*>& to) const {
  double weight = 0;
  for (size_t i = 0; i < lists_.size(); ++i)
    if (const Posting* found = posting_of(docid, from[i], to[i])) weight += part(lists_[i], *found);
  return round_score(weight);
}

double DisjunctionMatcher::weight_of(Xapian::docid docid) const {
  double weight = 0;
  for (const List& list : lists_) {
    const std::vector<Posting>& postings = list.postings->list;
    if (const Posting* found =
            posting_of(docid, postings.data(), postings.data() + postings.size()))
      weight += part(list, *found);
  }
  return round_score(weight);
}

}  // namespace fahras
