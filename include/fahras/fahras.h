// Fahras: Arabic full-text search as a library.
//
// An Index is a Fahras index directory (as fahras-index builds it). Open it
// writable to put and remove documents; any Index can search. Documents are
// split into passages (title, then one per paragraph of text), analyzed with
// the Arabic chain (normalization, light stemming, phonetic keys) and ranked
// as fahras-search ranks them. Errors are thrown as std::runtime_error (or a
// subclass) with a message that names the index or the query.
//
//   fahras::Index index("news.db", fahras::Index::kWritable);
//   index.put({.id = "a1", .title = "الصين", .text = "وافقت بكين على شراء شرائح H200."});
//   index.commit();
//   for (const fahras::Match& m : index.search("H200 الصين").matches)
//     std::cout << m.id << ":" << m.line << " " << m.snippet << "\n";
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// libfahras exports what this header declares and nothing else: its internals
// are built hidden (api/CMakeLists.txt), so that calls among them bind at
// link time and inline instead of going through the PLT.
#pragma GCC visibility push(default)
namespace fahras {

// Thrown when opening an index for writing that another writer holds.
struct IndexBusy : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The reason (ChangeReport::skipped) a document is refused whose id a corpus
// file's article holds: corpus files and posted documents never replace one
// another (the HTTP service answers 409).
inline constexpr const char* kIdOfCorpusFile = "the id is a corpus file's, indexed from its corpus";

struct Document {
  std::string id;  // unit of replace and delete
  std::string title;
  std::string text;  // paragraphs separated by newlines
  std::string url;   // optional
  std::string date;  // optional
};

struct Match {
  size_t rank = 0;
  double score = 0;
  std::string id;     // document id, or the file of a corpus article
  unsigned line = 0;  // 1 = title, then paragraph lines
  std::string title;
  std::string heading;  // the heading the passage sits under, or ""
  unsigned window = 0;  // > 0 for the later windows of a very long paragraph
  std::string text;     // the passage as written
  std::string snippet;  // text (or a window of it) with <b>…</b> around matches
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges into text
  std::string url, date;
  // Where a hit in a paged or chaptered document is: "p3:2" (a PDF's page 3,
  // its second paragraph) or "c2:5" (an EPUB's chapter 2, its fifth
  // paragraph); "" for other files, whose `line` says it.
  std::string place;
};

// How a hit's place in its file is shown after "FILE:": its place, else its line.
inline std::string place_in_file(const Match& m) {
  return m.place.empty() ? std::to_string(m.line) : m.place;
}

struct Results {
  std::string query;
  size_t total = 0;  // matching passages, exact unless total_is_estimate
  // `total` is an estimate: Xapian's (NOT, phrases, wildcards, ...), or the
  // matcher's where pruning skipped the postings of more than 20,000
  bool total_is_estimate = false;
  double took_ms = 0;
  std::optional<std::string> suggestion;  // "did you mean"
  std::vector<Match> matches;
  std::vector<std::string> notices;  // e.g. the query was cut, or read as plain words
  // Where took_ms went, stage by stage, in order: plan, match, term_matches,
  // locations, rerank, fetch, highlight, suggest (milliseconds).
  std::vector<std::pair<std::string, double>> stages;
};

// A stored document (or corpus article), passage by passage.
struct StoredDocument {
  std::string id, title, url, date;
  struct Passage {
    unsigned line = 0, window = 0;
    std::string text;
    std::string place;  // as Match::place
    // Byte ranges of text that the query of a DocumentView matched.
    std::vector<std::pair<size_t, size_t>> highlights;
  };
  std::vector<Passage> passages;
  size_t offset = 0;          // the first passage's position in the document
  size_t total_passages = 0;  // of the whole document, however many are here
};

// Which passages of a stored document to read (Index::document).
struct DocumentView {
  size_t offset = 0;  // the first passage's position
  size_t limit = SIZE_MAX;
  size_t max_bytes = SIZE_MAX;  // ends early, after at least one, past this much text
  // When not 0, `offset` is ignored: the passages read are centred on the
  // first passage of this line or after it.
  unsigned around_line = 0;
  // When not empty, each passage read has the ranges this query matches.
  std::string query;
};

struct Stats {
  size_t passages = 0;
  size_t documents = 0;
  double average_passage_length = 0;  // in words
  size_t databases = 0;
  // Of a single local index (0 otherwise): its revision, and when it was
  // last committed (seconds since the epoch, from its version file).
  uint64_t revision = 0;
  double last_commit_seconds = 0;
  // The last batch fahras-index --watch committed to it, as stored
  // (schema::kMetaWatchBatch); "" when none.
  std::string last_watch_batch;
};

// What a compaction did: the index's size before and after.
struct CompactionResult {
  uint64_t bytes_before = 0;
  uint64_t bytes_after = 0;
  double seconds = 0;
};

// What a batch of changes did; `skipped` pairs a "SOURCE:LINE" with the reason.
struct ChangeReport {
  std::vector<std::string> added, updated, removed, unchanged;
  std::vector<std::pair<std::string, std::string>> skipped;
  size_t passages_written = 0;
  double seconds = 0;
  std::vector<std::string> warnings;           // e.g. a compaction that could not run
  std::optional<CompactionResult> compaction;  // when the writes made one due
};

// The match's text, or the window of it with the most highlights, with the
// highlights between `before` and `after`; texts up to max_bytes are whole.
std::string mark_snippet(const Match& match, const std::string& before, const std::string& after,
                         size_t max_bytes = 400);

struct SearchParameters {
  size_t limit = 10;
  size_t offset = 0;
  unsigned per_document = 0;  // at most this many passages per document (0: any)
  // How many of the best passages by BM25 are scored again for coverage,
  // proximity and context: fewer is faster and ranks less well. Hits past
  // this window follow it, so a page's hits do not depend on its size.
  // 0: the default, 30.
  size_t rerank_depth = 0;
  // The search ends within about this many milliseconds, with the hits found
  // by then and a notice (0 or less: no limit). Cost grows with a query's
  // wildcards and the size of the index; the budget bounds it.
  double time_budget_ms = 1000;
  // Asked during the search: true ends it as a spent budget does (e.g. the
  // client that asked has gone). May be empty.
  std::function<bool()> abandoned;
  // For tuning only: the ranker's weights by name, overriding their fitted
  // defaults (docs/relevance.md; unknown names throw std::invalid_argument).
  std::vector<std::pair<std::string, double>> ranking_weights;
};

class Index {
 public:
  enum Mode { kReadOnly, kWritable };

  // Opens (kWritable: creates if needed) the index at `path`. Only one
  // writable Index may be open on an index at a time.
  explicit Index(const std::string& path, Mode mode = kReadOnly);
  // Read-only over several databases searched as one: index directories,
  // stub files, or HOST:PORT of xapian-tcpsrv; `spelling` names local indexes
  // for suggestions when the databases are remote.
  Index(const std::vector<std::string>& databases, const std::vector<std::string>& spelling);
  ~Index();
  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;

  // Adds or replaces documents by id; an unchanged document costs nothing.
  void put(const Document& document);
  void put(const std::vector<Document>& documents);
  // Removes a document; false if there was none.
  bool remove(const std::string& id);
  // Makes the changes so far durable and visible to searches. Like
  // ingest(), it then compacts the index when the passages changed since the
  // last compaction reach a quarter of it (docs/index-format.md); a
  // compaction that fails leaves the index as it was, for the next commit.
  void commit();
  // Applies JSON Lines records ({"id","title","text","url"?,"date"?} or
  // {"id","deleted":true}) and commits; malformed lines are skipped and named.
  ChangeReport ingest(std::istream& jsonl, const std::string& source_name);
  // Commits, then compacts the index in place (docs/index-format.md,
  // Compaction): worth it after loading or replacing much of it. Searchers of
  // the index, in this process or others, follow. Writable only; throws
  // IndexBusy if another writer took the index while it was being reopened.
  CompactionResult compact();

  // Searches the latest committed state of the index.
  Results search(const std::string& query, const SearchParameters& parameters = {});
  // "Did you mean": the query with its unknown words corrected, if any.
  std::optional<std::string> suggest(const std::string& query);
  // The Xapian query a user query becomes.
  std::string explain(const std::string& query);
  // Passages [offset, offset + limit) of a stored document, in order, ending
  // early (after at least one) once their text reaches max_bytes;
  // total_passages says how many it has. None when there is no such document.
  std::optional<StoredDocument> document(const std::string& id, size_t offset = 0,
                                         size_t limit = SIZE_MAX, size_t max_bytes = SIZE_MAX);
  std::optional<StoredDocument> document(const std::string& id, const DocumentView& view);
  // The file a corpus article was indexed from (its folder's path, as the
  // index records it, and its id), when the index holds the article as a
  // file and the file is still a regular file inside that folder, links
  // resolved; none otherwise (a posted document, an id the index lacks, a
  // file moved, replaced by a link out of its folder, or gone).
  std::optional<std::filesystem::path> original_file(const std::string& id);
  Stats stats();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fahras
#pragma GCC visibility pop
