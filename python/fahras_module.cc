// The Python module `fahras`: libfahras (include/fahras/fahras.h) for Python
// programs, with results as plain Python objects (dicts, lists, str).
//
//   import fahras
//   index = fahras.Index("fahras.db")            # writable=True to put/remove/commit
//   result = index.search("H200 الصين موافقة", limit=10)
//   for hit in result["hits"]: print(hit["file"], hit["line"], hit["snippet"])
//
// Errors are Python exceptions carrying the library's message (RuntimeError;
// ValueError for bad arguments and for an index already closed). Searches
// release the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "fahras/fahras.h"

namespace py = pybind11;

namespace {

py::dict hit_of(const fahras::Match& m) {
  py::dict hit;
  hit["rank"] = m.rank;
  hit["score"] = m.score;
  hit["file"] = m.id;
  hit["line"] = m.line;
  hit["place"] = fahras::place_in_file(m);
  hit["window"] = m.window;
  hit["title"] = m.title;
  hit["heading"] = m.heading;
  hit["text"] = m.text;
  hit["snippet"] = m.snippet;
  py::list highlights;
  for (const auto& [begin, end] : m.highlights) highlights.append(py::make_tuple(begin, end));
  hit["highlights"] = highlights;
  if (!m.url.empty()) hit["url"] = m.url;
  if (!m.date.empty()) hit["date"] = m.date;
  return hit;
}

// An index handle that can be closed; every method then raises ValueError.
class PyIndex {
 public:
  PyIndex(const std::string& path, bool writable)
      : index_(std::make_unique<fahras::Index>(
            path, writable ? fahras::Index::kWritable : fahras::Index::kReadOnly)) {}

  py::dict search(const std::string& query, size_t limit, size_t offset, unsigned per_article) {
    fahras::SearchParameters parameters;
    if (limit == 0) throw std::invalid_argument("limit must be at least 1");
    parameters.limit = limit;
    parameters.offset = offset;
    parameters.per_document = per_article;
    fahras::Results r;
    {
      py::gil_scoped_release unlocked;
      r = open().search(query, parameters);
    }
    py::dict out;
    out["query"] = r.query;
    out["total"] = r.total;
    out["total_is_estimate"] = r.total_is_estimate;
    out["took_ms"] = r.took_ms;
    out["suggestion"] = r.suggestion ? py::object(py::str(*r.suggestion)) : py::object(py::none());
    py::list hits;
    for (const fahras::Match& m : r.matches) hits.append(hit_of(m));
    out["hits"] = hits;
    out["notices"] = r.notices;
    return out;
  }

  std::optional<std::string> suggest(const std::string& query) {
    py::gil_scoped_release unlocked;
    return open().suggest(query);
  }

  void put(const std::string& id, const std::string& text, const std::string& title,
           const std::string& url, const std::string& date) {
    if (id.empty()) throw std::invalid_argument("a document needs an id");
    open().put(fahras::Document{id, title, text, url, date});
  }

  bool remove(const std::string& id) { return open().remove(id); }

  void commit() {
    py::gil_scoped_release unlocked;
    open().commit();
  }

  py::dict stats() {
    fahras::Stats s = open().stats();
    py::dict out;
    out["passages"] = s.passages;
    out["documents"] = s.documents;
    out["average_passage_length"] = s.average_passage_length;
    return out;
  }

  // Releases the index (and a writer's lock) now, not when Python collects it.
  void close() { index_.reset(); }

 private:
  fahras::Index& open() {
    if (!index_) throw std::invalid_argument("the index is closed");
    return *index_;
  }
  std::unique_ptr<fahras::Index> index_;
};

}  // namespace

PYBIND11_MODULE(fahras, m) {
  m.doc() = "Fahras: Arabic full-text search (include/fahras/fahras.h)";
  py::class_<PyIndex>(m, "Index")
      .def(py::init<const std::string&, bool>(), py::arg("path"), py::arg("writable") = false,
           "Opens the index at path (writable=True creates it if needed).")
      .def("search", &PyIndex::search, py::arg("query"), py::arg("limit") = 10,
           py::arg("offset") = 0, py::arg("per_article") = 0,
           "Ranked passages: {query, total, total_is_estimate, took_ms, suggestion, hits, notices}.")
      .def("suggest", &PyIndex::suggest, py::arg("query"), "'Did you mean', or None.")
      .def("put", &PyIndex::put, py::arg("id"), py::arg("text"), py::arg("title") = "",
           py::arg("url") = "", py::arg("date") = "",
           "Adds or replaces a document (paragraphs separated by newlines).")
      .def("remove", &PyIndex::remove, py::arg("id"), "Removes a document; False if none.")
      .def("commit", &PyIndex::commit, "Makes the changes durable and visible to searches.")
      .def("stats", &PyIndex::stats, "{passages, documents, average_passage_length}.")
      .def("close", &PyIndex::close, "Releases the index; later calls raise ValueError.")
      .def("__enter__", [](PyIndex& self) -> PyIndex& { return self; })
      .def("__exit__", [](PyIndex& self, py::args) { self.close(); });
}
