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

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fahras {

struct Document {
  std::string id;     // unit of replace and delete
  std::string title;
  std::string text;   // paragraphs separated by newlines
  std::string url;    // optional
  std::string date;   // optional
};

struct Match {
  size_t rank = 0;
  double score = 0;
  std::string id;     // document id, or the file of a corpus article
  unsigned line = 0;  // 1 = title, then paragraph lines
  std::string title;
  std::string text;   // the passage as written
  std::string snippet;  // text (or a window of it) with <b>…</b> around matches
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges into text
  std::string url, date;
};

struct Results {
  std::string query;
  size_t total = 0;  // estimated matching passages
  double took_ms = 0;
  std::optional<std::string> suggestion;  // "did you mean"
  std::vector<Match> matches;
};

struct SearchParameters {
  size_t limit = 10;
  size_t offset = 0;
  unsigned per_document = 0;  // at most this many passages per document (0: any)
};

class Index {
 public:
  enum Mode { kReadOnly, kWritable };

  // Opens (kWritable: creates if needed) the index at `path`. Only one
  // writable Index may be open on an index at a time.
  explicit Index(const std::string& path, Mode mode = kReadOnly);
  ~Index();
  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;

  // Adds or replaces documents by id; an unchanged document costs nothing.
  void put(const Document& document);
  void put(const std::vector<Document>& documents);
  // Removes a document; false if there was none.
  bool remove(const std::string& id);
  // Makes the changes so far durable and visible to searches.
  void commit();

  Results search(const std::string& query, const SearchParameters& parameters = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fahras
