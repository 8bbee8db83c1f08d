// Ranking and hit assembly (see searcher.h).
#include "searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <unordered_map>

#include "analysis_version.h"
#include "analyzer.h"
#include "article_titles.h"
#include "fahras/schema.h"
#include "index_delta.h"
#include "light_stemmer.h"
#include "page_passages.h"
#include "passage_context.h"
#include "passage_dictionary.h"
#include "passage_document.h"
#include "quantity_readings.h"
#include "query_plan.h"
#include "rerank.h"
#include "shard_handles.h"
#include "side_thread.h"
#include "term_matches.h"
#include "title_evidence.h"
#include "tokenizer.h"
#include "utf8.h"

namespace fahras {
namespace {

// Every index term the plan can match: what TermMatches looks up. The
// concepts' terms include the stems found through their phonetic keys.
std::set<std::string> plan_terms(const QueryPlan& plan) {
  std::set<std::string> terms;
  for (const auto& concept_terms : plan.concept_terms)
    terms.insert(concept_terms.begin(), concept_terms.end());
  for (const std::string& stem : plan.highlight.stems) terms.insert("Z" + stem);
  for (const WordPair& pair : plan.adjacent_words) {
    terms.insert(pair.first.begin(), pair.first.end());
    terms.insert(pair.second.begin(), pair.second.end());
  }
  if (!plan.asked_number.empty()) terms.insert(plan.asked_number);
  return terms;
}

// The stems of the query that a passage matched: the highlighter marks only
// those (phrases and prefixes it marks wherever they stand).
std::set<std::string> matched_stems(const QueryPlan& plan, const TermMatches::Found& matched) {
  std::set<std::string> mine;
  for (const std::string& stem : plan.highlight.stems)
    if (matched.count("Z" + stem)) mine.insert(stem);
  return mine;
}

}  // namespace

namespace {

// HOST:PORT (a name, an IPv4 address or a bracketed IPv6 address) that is not a local path.
bool remote_spec(const std::string& spec, std::smatch& m) {
  static const std::regex host_port(R"(^([A-Za-z0-9.\-]+|\[[0-9a-fA-F:]+\]):([0-9]{1,5})$)");
  return !std::filesystem::exists(spec) && std::regex_match(spec, m, host_port);
}

}  // namespace

Xapian::Database open_database(const std::string& spec) {
  std::smatch m;
  if (remote_spec(spec, m)) {
    std::string host = m[1];
    if (host.front() == '[') host = host.substr(1, host.size() - 2);
    return Xapian::Remote::open(host, static_cast<unsigned>(std::stoul(m[2])));
  }
  if (!std::filesystem::exists(spec))
    throw Xapian::DatabaseOpeningError(spec + ": no such index (run fahras-index first)");
  return Xapian::Database(spec);
}

Searcher::Searcher(std::vector<std::string> databases, std::vector<std::string> spelling)
    : specs_(std::move(databases)), spelling_specs_(std::move(spelling)) {
  open();
}

void Searcher::open() {
  Xapian::Database db;
  remote_ = false;
  for (const std::string& spec : specs_) {
    std::smatch m;
    remote_ = remote_ || remote_spec(spec, m);
    db.add_database(open_database(spec));
  }
  db_ = db;
  following_ = !remote_ && specs_.size() == 1 && db_.size() == 1;
  next_ = Xapian::Database();  // opened by the first reopen()
  forget_index_answers();
  Xapian::Database spelling;
  for (const std::string& spec : spelling_specs_) spelling.add_database(open_database(spec));
  spelling_db_ = spelling_specs_.empty() ? db_ : spelling;
  // One local database: its spelling table is shared with the process's
  // other searchers of it (shared_spelling_tables.h).
  std::smatch remote_match;
  if (spelling_specs_.empty())
    suggester_.share_tables(following_ ? specs_[0] : "");
  else
    suggester_.share_tables(spelling_specs_.size() == 1 && spelling_db_.size() == 1 &&
                                    !remote_spec(spelling_specs_[0], remote_match)
                                ? spelling_specs_[0]
                                : "");
  synonyms_ = Synonyms::parse(db_.get_metadata(std::string(schema::kMetaSynonyms)));
  std::vector<Xapian::Database> shards;
  for (const std::string& spec : specs_)
    for (Xapian::Database& shard : open_each_shard(spec)) shards.push_back(std::move(shard));
  statistics_.set_shards(std::move(shards));
  load_passage_dictionaries();
  planner_ = std::make_unique<QueryPlanner>(db_, synonyms_, statistics_);
  check_analysis_version();
}

void Searcher::follow_commit(const IndexDelta& delta) {
  articles_ = 0;                  // counted again when next needed
  if (spelling_specs_.empty()) {  // the commit may have changed the spelling
    if (delta.terms)
      suggester_.follow(spelling_db_, *delta.terms);
    else
      suggester_.forget();
  }
  // Its lists and frequencies of the terms the commit did not change, and
  // its location column (a passage's location never changes; deleted ones
  // are never asked).
  take_revision_state(state_, delta.terms ? &*delta.terms : nullptr);
}

void Searcher::take_revision_state(const std::shared_ptr<RevisionState>& older,
                                   const std::unordered_set<std::string>* changed) {
  // One local database: shared with the process's other searchers of it.
  state_ = following_ ? shared_revision_state(specs_[0], db_, older, changed)
                      : new_revision_state(db_, older, changed);
  statistics_.share(&state_->answers);
}

void Searcher::load_passage_dictionaries() {
  for (const Xapian::Database& shard : statistics_.shards()) load_passage_dictionary(shard);
}

std::string Searcher::article_title(Xapian::docid docid, const std::string& file) {
  std::string title = stored_title_of(db_, statistics_.shards(), docid, file);
  if (title.empty())  // written before titles were stored once per article
    title = passage_data_of(db_.get_document(docid, Xapian::DOC_ASSUME_VALID)).title;
  return title;
}

void Searcher::forget_index_answers() {
  articles_ = 0;
  title_word_counts_.forget();
  keyword_titles_.forget();
  suggester_.forget();
  take_revision_state(nullptr, nullptr);
}

void Searcher::check_analysis_version() {
  std::string made_by = analysis_version_of(db_);
  stale_analysis_notice_.clear();
  if (db_.get_doccount() == 0 || made_by == kAnalysisVersion) return;
  stale_analysis_notice_ = "the index's terms were made by analysis version " + made_by +
                           ", this searcher's is " + std::string(kAnalysisVersion) +
                           ": some words may not match until fahras-index runs again";
}

std::string Searcher::describe_query(const std::string& query) {
  return planner_->plan(query).query.get_description();
}

std::optional<std::string> Searcher::suggestion_for(const std::string& query) {
  return suggest(query, planner_->plan(query));
}

namespace {

// Follows `db` to its latest commit, setting `changed` if there was one; false
// when its path now holds another database (a compacted copy, with another
// UUID, perhaps even at the same revision), which only opening anew reads
// consistently: Xapian's reopen() would read it through the old files.
bool reopen_same_database(Xapian::Database& db, bool& changed) {
  std::string uuid = db.get_uuid();
  try {
    changed = db.reopen() || changed;
  } catch (const Xapian::DatabaseError&) {
    return false;  // files of two databases
  }
  return db.get_uuid() == uuid;
}

}  // namespace

bool Searcher::reopen() {
  // A separate spelling index is followed as it changes (the suggester
  // remembers its table).
  bool spelling_changed = false;
  if (!spelling_specs_.empty() && !reopen_same_database(spelling_db_, spelling_changed)) {
    open();
    return true;
  }
  if (spelling_changed) suggester_.forget();
  bool changed = false;
  IndexDelta delta;  // unknown: forget everything
  if (following_) {
    // next_ goes to the latest commit; db_, still at the one before, says
    // what the passages deleted since held. Then they swap. next_ is a handle
    // of its own: a copy of db_ would share its revision.
    if (next_.size() == 0) next_ = open_database(specs_[0]);
    if (!reopen_same_database(next_, changed) || next_.get_uuid() != db_.get_uuid()) {
      open();
      return true;
    }
    if (next_.get_revision() == db_.get_revision()) return spelling_changed;
    delta = delta_between(db_, next_);
    std::swap(db_, next_);
    if (spelling_specs_.empty()) spelling_db_ = db_;
  } else {
    if (!reopen_same_database(db_, changed)) {
      open();
      return true;
    }
    if (!changed) return spelling_changed;
  }
  // The shards' own handles (their key vocabularies) follow too; one that
  // now reads another database (a compacted copy swapped in meanwhile)
  // cannot: everything is opened anew.
  try {
    statistics_.reopen_shards();
  } catch (const Xapian::DatabaseError&) {
    open();
    return true;
  }
  follow_commit(delta);
  load_passage_dictionaries();  // a new index's first commit brings its dictionary
  synonyms_ = Synonyms::parse(db_.get_metadata(std::string(schema::kMetaSynonyms)));
  check_analysis_version();
  return true;
}

void Searcher::refresh() { reopen(); }

SearchResult Searcher::search(const std::string& query, const SearchOptions& options) {
  SearchInProgress in_progress;  // the side thread helps only a search alone
  budget_ = SearchBudget(options.time_budget_ms, options.abandoned);
  for (int attempt = 0;; ++attempt) {
    try {
      if (attempt > 0) reopen();
      SearchResult result = search_once(query, options);
      if (budget_.was_spent())
        result.notices.push_back(
            options.abandoned && options.abandoned()
                ? "the search was abandoned by its caller"
                : "the search reached its time budget of " +
                      std::to_string(static_cast<long>(budget_.milliseconds())) +
                      " ms: the results found by then are shown, and may be incomplete");
      budget_ = SearchBudget();
      return result;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 5) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      // Opened while a compaction swapped the index (compaction.h): files of
      // two databases, which reopen() replaces. True corruption persists.
      if (attempt >= 5) throw;
    } catch (const Xapian::DatabaseOpeningError&) {
      // Reopened (a retry) while a compaction swapped the index: the same.
      // An index that is gone stays gone.
      if (attempt == 0 || attempt >= 5) throw;
    }
  }
}

namespace {

// Adds the time since the last lap to a stage.
class Stopwatch {
 public:
  void lap(double& stage_ms) {
    auto now = std::chrono::steady_clock::now();
    stage_ms += std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

namespace {

// The normalized word `meant` in the letters of `typed` (a word as the user
// wrote it) where they normalize to its own: the same beginning and end as
// typed, meant's letters between (عقوبة typed, عقوبه meant: عقوبة).
std::string written_as_typed(std::string_view typed, const std::string& meant) {
  std::vector<std::pair<std::string, std::string>> letters;  // as typed, normalized
  for (size_t i = 0; i < typed.size();) {
    size_t start = i;
    char32_t c;
    decode_utf8(typed, i, c);
    std::string letter(typed.substr(start, i - start));
    std::string folded = normalize(letter);
    if (!folded.empty() && folded != " ") letters.emplace_back(letter, folded);
  }
  std::vector<std::string> wanted;
  for (size_t i = 0; i < meant.size();) {
    size_t start = i;
    char32_t c;
    decode_utf8(meant, i, c);
    wanted.push_back(meant.substr(start, i - start));
  }
  size_t head = 0;
  while (head < letters.size() && head < wanted.size() && letters[head].second == wanted[head])
    ++head;
  size_t tail = 0;
  while (tail < letters.size() - head && tail < wanted.size() - head &&
         letters[letters.size() - 1 - tail].second == wanted[wanted.size() - 1 - tail])
    ++tail;
  std::string out;
  for (size_t i = 0; i < head; ++i) out += letters[i].first;
  for (size_t i = head; i < wanted.size() - tail; ++i) out += wanted[i];
  for (size_t i = letters.size() - tail; i < letters.size(); ++i) out += letters[i].first;
  return out;
}

// Whether any of these normalized words is in Arabic script.
bool holds_arabic(const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (!w.empty() && static_cast<unsigned char>(w[0]) >= 0xD8 &&
        static_cast<unsigned char>(w[0]) <= 0xDB)
      return true;
  return false;
}

}  // namespace

SearchResult Searcher::search_once(const std::string& query, const SearchOptions& options) {
  auto started = std::chrono::steady_clock::now();
  Stopwatch stopwatch;
  SearchResult result;
  SearchTimings& t = result.timings;
  result.query = query;
  QueryPlan plan = planner_->plan(query);
  stopwatch.lap(t.plan);
  result.notices = plan.notices;
  if (!stale_analysis_notice_.empty()) result.notices.push_back(stale_analysis_notice_);

  // The re-ranking window is the matcher's best rerank_depth passages, however
  // many hits are asked for: a page's hits do not depend on the page's size.
  // The matcher's passages past the window are ranked after it (as
  // Elasticsearch's rescore window and Solr's reRankDocs do).
  // With at most N passages an article, the matcher keeps kPerArticleCandidates
  // times N of each, re-ranked, so that the N kept are the best by final
  // score, not by BM25; the window widens as much, to hold as many articles.
  const size_t widen = options.per_article > 0 ? kPerArticleCandidates : 1;
  const size_t window = std::max<size_t>(options.rerank_depth, 1) * widen;
  const LocationColumn* column = remote_ ? nullptr : state_->locations.for_search(db_);
  std::vector<WeightedDoc> matched =
      match(plan, options, std::max(window, (options.offset + options.limit) * widen), column,
            result.total, result.total_exact);
  std::vector<WeightedDoc> beyond_window;
  if (matched.size() > window) {
    beyond_window.assign(matched.begin() + static_cast<std::ptrdiff_t>(window), matched.end());
    matched.resize(window);
  }
  if (!plan.concept_stems.empty() && articles_ == 0) articles_ = count_articles(db_);
  const QueryTitles titles(db_, plan.concept_stems, articles_, column, title_word_counts_,
                           remote_ ? nullptr : &state_->postings);
  // The answer to a question about a subject is in its article, often in
  // words BM25 ranks below other articles' passages: the best passages of
  // the articles the query's words name join the candidates.
  std::vector<WeightedDoc> subject;
  if (!budget_.spent())
    subject = match_subject_articles(
        plan, static_cast<size_t>(std::max(0.0, options.weights.subject_articles)), titles, matched,
        column);
  matched.insert(matched.end(), subject.begin(), subject.end());
  stopwatch.lap(t.match);

  // Scores the candidates from matched[from] on again (rerank.h); true when
  // one of them holds the query's whole sequence of words, side by side.
  // Each candidate's score depends on it alone: those scored stay scored.
  TermMatches matches;
  std::vector<Candidate> ranked;
  Reranker reranker(db_.get_doccount(), statistics_, plan, options.weights);
  PositionBatch positions;  // of the candidates' adjacent query words
  const DecodeAdmission admission{
      &state_->heavy_terms, [&](const std::string& term) { return statistics_.termfreq(term); }};
  std::map<std::string, std::unique_ptr<TitleEvidence>> keyword_evidence;  // file -> or null
  auto rerank = [&](size_t from) {
    std::vector<Xapian::docid> docids;
    for (size_t i = from; i < matched.size(); ++i) docids.push_back(matched[i].docid);
    // A remote shard's lists are walked where they are, never decoded.
    matches.add(db_, docids, plan_terms(plan), remote_ ? nullptr : &state_->postings,
                remote_ ? nullptr : &admission);
    stopwatch.lap(t.term_matches);
    for (Candidate& c : read_candidates(db_, docids, column)) ranked.push_back(std::move(c));
    stopwatch.lap(t.locations);
    for (size_t i = from; i < ranked.size(); ++i) {
      const TermMatches::Found& found = matches.of(ranked[i].docid);
      if (reranker.may_hold_pairs(found))
        want_adjacent(positions, ranked[i].docid, plan.adjacent_words,
                      [&](const std::string& t) { return found.count(t) > 0; });
    }
    positions.read(db_);
    // Articles whose titles cannot hold the query's words are given titles
    // of their keywords (keyword_titles.h).
    if (holds_arabic(plan.concept_words))
      for (size_t i = from; i < ranked.size(); ++i) {
        const std::string& file = ranked[i].file;
        if (titles.of(file) || keyword_evidence.count(file) ||
            keyword_titles_.has_arabic_title(file,
                                             [&] { return article_title(ranked[i].docid, file); }))
          continue;
        keyword_evidence[file] = keyword_titles_.evidence(db_, file, plan.concept_stems, articles_);
      }
    bool sequence_held = false;
    for (size_t i = from; i < ranked.size(); ++i) {
      const TermMatches::Found& found = matches.of(ranked[i].docid);
      std::vector<unsigned> together;
      if (reranker.may_hold_pairs(found))
        together = count_adjacent(positions, ranked[i].docid, plan.adjacent_words);
      sequence_held = sequence_held ||
                      (!together.empty() && std::count(together.begin(), together.end(), 0u) == 0);
      const TitleEvidence* title = titles.of(ranked[i].file);
      if (!title) {
        auto keywords = keyword_evidence.find(ranked[i].file);
        if (keywords != keyword_evidence.end()) title = keywords->second.get();
      }
      ranked[i].score = round_score(reranker.score(matched[i].weight, found, together, title));
    }
    stopwatch.lap(t.rerank);
    return sequence_held;
  };
  // A remembered phrase whose words are all common may hold none of its
  // rarer words' best passages: the passages that hold it are brought in.
  if (!rerank(0) && !plan.phrase.empty() && !budget_.spent()) {
    std::vector<WeightedDoc> holding = match_phrase(plan, matched);
    stopwatch.lap(t.match);
    size_t scored = matched.size();
    matched.insert(matched.end(), holding.begin(), holding.end());
    if (!holding.empty()) rerank(scored);
  }
  add_neighbour_context(ranked, options.weights.neighbour);
  // Past the window (less the subject and phrase candidates already in it):
  // scored as the window is, ranked among themselves after it.
  if (!beyond_window.empty() && !budget_.spent()) {
    std::set<Xapian::docid> candidates;
    for (const WeightedDoc& m : matched) candidates.insert(m.docid);
    std::erase_if(beyond_window,
                  [&](const WeightedDoc& d) { return candidates.count(d.docid) > 0; });
    size_t first = matched.size();
    matched.insert(matched.end(), beyond_window.begin(), beyond_window.end());
    rerank(first);
    std::vector<Candidate> after(std::make_move_iterator(ranked.begin() + first),
                                 std::make_move_iterator(ranked.end()));
    ranked.resize(first);
    add_neighbour_context(after, options.weights.neighbour);
    ranked.insert(ranked.end(), std::make_move_iterator(after.begin()),
                  std::make_move_iterator(after.end()));
  }
  limit_per_article(ranked, options.per_article);
  stopwatch.lap(t.rerank);

  Highlighter highlighter(plan.highlight);
  const size_t page_end = std::min(ranked.size(), options.offset + options.limit);
  std::vector<Xapian::docid> page;
  for (size_t i = options.offset; i < page_end; ++i) page.push_back(ranked[i].docid);
  std::vector<PassageData> page_data = read_page_passages(db_, page, column);
  add_article_titles(db_, statistics_.shards(), page_data, page);
  stopwatch.lap(t.fetch);
  for (size_t i = options.offset; i < page_end; ++i) {
    Hit hit;
    static_cast<PassageData&>(hit) = std::move(page_data[i - options.offset]);
    hit.rank = i + 1;
    hit.score = ranked[i].score;
    hit.highlights = highlighter.find(hit.text, matched_stems(plan, matches.of(ranked[i].docid)));
    result.hits.push_back(std::move(hit));
    stopwatch.lap(t.highlight);
  }
  if (!budget_.spent()) result.suggestion = suggest(query, plan);
  stopwatch.lap(t.suggest);
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

std::vector<std::vector<ByteRange>> Searcher::highlights_in(const std::string& query,
                                                            const std::vector<std::string>& texts) {
  QueryPlan plan = planner_->plan(query);
  Highlighter highlighter(plan.highlight);
  std::vector<std::vector<ByteRange>> out;
  out.reserve(texts.size());
  for (const std::string& text : texts) out.push_back(highlighter.find(text, plan.highlight.stems));
  return out;
}

std::vector<WeightedDoc> Searcher::match(const QueryPlan& plan, const SearchOptions& options,
                                         size_t depth, const LocationColumn* column, size_t& total,
                                         bool& total_exact) {
  total_exact = true;
  accumulated_ = !plan.disjunction.empty() && options.per_article == 0 && !remote_ &&
                 disjunction_matcher_.suits(plan.disjunction, *state_);
  if (accumulated_) {
    // Read from the location slot when the column does not hold them (the
    // first search of a revision): kept while the matcher compares them.
    std::unordered_map<Xapian::docid, std::pair<uint32_t, std::string>> read;
    auto location = [&](Xapian::docid d) {
      PassageLocation at;
      if (column && column->find(d, at.file, at.line)) return at;
      auto found = read.find(d);
      if (found == read.end()) {
        std::pair<uint32_t, std::string> location;
        schema::parse_location_value(
            db_.get_document(d, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotLocation),
            location.second, location.first);
        found = read.emplace(d, std::move(location)).first;
      }
      at.line = found->second.first;
      at.file = found->second.second;
      return at;
    };
    return disjunction_matcher_.top(db_, plan.disjunction, depth, total, total_exact, location,
                                    *state_, plan.disjunction_weighed_alone);
  }
  return top_by_weight(plan.query, depth, options.per_article * kPerArticleCandidates, total,
                       &total_exact);
}

std::vector<WeightedDoc> Searcher::top_by_weight(const Xapian::Query& query, size_t count,
                                                 unsigned per_article, size_t& total,
                                                 bool* total_exact) {
  // Passages of equal weight in order of their location, so that which make
  // the cut depends on the passages, not on their docids (the order of past
  // writes, or the shards'); weights rounded as the disjunction matcher
  // rounds them, from a few more passages than the cut.
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(passage_bm25());
  enquire.set_sort_by_relevance_then_value(schema::kSlotLocation, false);
  if (per_article > 0) enquire.set_collapse_key(schema::kSlotArticle, per_article);
  // Remote shards take no match decider: their own servers bound their work.
  BudgetDecider within_budget(budget_);
  Xapian::MSet mset;
  try {
    mset = enquire.get_mset(0, static_cast<Xapian::doccount>(count + kTieMargin), 0, nullptr,
                            remote_ ? nullptr : &within_budget);
  } catch (const BudgetSpent&) {  // nothing of this stage: the search ends with what it has
    total = 0;
    return {};
  }
  total = mset.get_matches_estimated();
  if (total_exact) *total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  struct Ranked {
    double weight;
    std::string location;
    Xapian::docid docid;
  };
  std::vector<Ranked> ranked;
  ranked.reserve(mset.size());
  for (auto m = mset.begin(); m != mset.end(); ++m)
    ranked.push_back({round_score(m.get_weight()), m.get_sort_key(), *m});
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.location < b.location;
  });
  std::vector<WeightedDoc> out;
  for (size_t i = 0; i < ranked.size() && i < count; ++i)
    out.push_back({ranked[i].docid, ranked[i].weight});
  return out;
}

std::vector<WeightedDoc> Searcher::match_phrase(const QueryPlan& plan,
                                                const std::vector<WeightedDoc>& matched) {
  std::vector<Xapian::Query> words;
  for (const auto& forms : plan.phrase)
    words.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size());
  // The passages holding the phrase, weighted by the query alone, as the
  // other candidates are.
  return top_unmatched(
      Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(0.0, phrase), plan.query), matched,
      kPhraseCandidates);
}

std::vector<WeightedDoc> Searcher::top_unmatched(const Xapian::Query& query,
                                                 const std::vector<WeightedDoc>& matched,
                                                 size_t count) {
  std::set<Xapian::docid> known;
  for (const WeightedDoc& m : matched) known.insert(m.docid);
  size_t total = 0;
  std::vector<WeightedDoc> out;
  for (const WeightedDoc& d : top_by_weight(query, count + known.size(), 0, total))
    if (out.size() < count && !known.count(d.docid)) out.push_back(d);
  return out;
}

std::vector<WeightedDoc> Searcher::match_subject_articles(const QueryPlan& plan, size_t articles,
                                                          const QueryTitles& titles,
                                                          const std::vector<WeightedDoc>& matched,
                                                          const LocationColumn* column) {
  // Only for a disjunction of single terms (QueryPlan::disjunction): for
  // another shape (a phrase, an operator, a phrase synonym) Xapian would
  // open every term's postings again, and its weights are Xapian's to give.
  if (plan.disjunction.empty()) return {};
  if (articles == 0) return {};
  std::vector<std::string> files = titles.subjects(articles);
  if (files.empty()) return {};
  std::vector<WeightedDoc> out;
  if (!accumulated_) {  // Xapian's matcher (collapsing, a remote index, postings not yet cached)
    for (const std::string& file : files) {
      Xapian::Query in_article(schema::article_term(file));
      std::vector<WeightedDoc> known = matched;
      known.insert(known.end(), out.begin(), out.end());
      for (const WeightedDoc& d :
           top_unmatched(Xapian::Query(Xapian::Query::OP_FILTER, plan.query, in_article), known,
                         kSubjectPassagesPerArticle))
        out.push_back(d);
    }
    return out;
  }
  // The weights the disjunction matcher gave the articles' passages.
  std::set<Xapian::docid> known;
  for (const WeightedDoc& m : matched) known.insert(m.docid);
  for (const std::string& file : files) {
    std::vector<Xapian::docid> passages;
    std::string term = schema::article_term(file);
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p)
      if (!known.count(*p) && disjunction_matcher_.weight_of(*p) > 0) passages.push_back(*p);
    std::vector<Candidate> located = read_candidates(db_, passages, column);
    std::sort(located.begin(), located.end(), [&](const Candidate& a, const Candidate& b) {
      double wa = disjunction_matcher_.weight_of(a.docid),
             wb = disjunction_matcher_.weight_of(b.docid);
      if (wa != wb) return wa > wb;
      return a.line < b.line;
    });
    for (size_t i = 0; i < located.size() && i < kSubjectPassagesPerArticle; ++i)
      out.push_back({located[i].docid, disjunction_matcher_.weight_of(located[i].docid)});
  }
  return out;
}

std::optional<std::string> Searcher::suggest(const std::string& query, const QueryPlan& plan) {
  std::map<std::string, std::string> meant;  // normalized word typed -> the word meant
  for (const std::string& w : plan.concept_words) {
    // A rare word read as a commoner one (موريطانيا: موريتانيا) is shown so.
    if (auto read_as = plan.rare_words_read_as.find(w); read_as != plan.rare_words_read_as.end()) {
      meant[w] = read_as->second;
      continue;
    }
    if (statistics_.termfreq(w) > 0 || statistics_.termfreq("Z" + stem_word(w)) > 0) continue;
    if (is_quantity_word(w)) continue;
    // Spelling holds words as written: the word, then the word without its
    // article or clitics, at one edit, then at two (a word of one edit
    // without its article is likelier meant than one of two with a clitic).
    std::string s, bare = strip_proclitics(w);
    for (unsigned edits = 1; s.empty() && edits <= kMaxSuggestionEdits; ++edits) {
      s = suggester_.suggest(spelling_db_, w, edits);
      if (s.empty() && bare != w) s = suggester_.suggest(spelling_db_, bare, edits);
    }
    if (!s.empty() && s != w) meant[w] = s;
  }
  if (meant.empty()) return std::nullopt;
  // The query as typed, its misspelled words replaced, each in the letters
  // the user typed where they are the meant word's (عقوبة stays عقوبة).
  std::string corrected = query;
  std::vector<Token> tokens = tokenize(normalize_with_offsets(query));
  for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) {
    auto m = meant.find(t->text);
    if (m == meant.end()) continue;
    size_t length = t->original_end - t->original_begin;
    corrected.replace(
        t->original_begin, length,
        written_as_typed(std::string_view(query).substr(t->original_begin, length), m->second));
  }
  if (corrected == query) return std::nullopt;
  return corrected;
}
}  // namespace fahras
