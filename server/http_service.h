// The HTTP face of Fahras (docs/http-api.md): a JSON API and a search page.
//
// GET / is the search page for people (search_page.h), with /page.css and
// /page.js.
// GET /search?q=&limit=&offset=&per_article= answers with the JSON of the
// output contract; GET /suggest?q=, /documents/{id}, /stats and /health read
// the index. POST /documents (a JSON Lines body) and DELETE /documents/{id}
// exist only when a token is configured, and require it as a Bearer token.
// Requests are served by a thread pool; each thread keeps its own Searcher
// (its own Xapian handles) and refreshes it to the latest commit per request.
// Bad requests get a 4xx status and {"error": "..."}.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace fahras {

struct ServiceOptions {
  std::vector<std::string> databases{"fahras.db"};
  std::vector<std::string> spelling;  // local indexes for suggestions when databases are remote
  std::string host = "127.0.0.1";
  int port = 8080;    // 0: any free port
  std::string token;  // empty: no write endpoints
  size_t threads = 8;
  size_t max_query_bytes = 4096;
  size_t max_body_bytes = 8 << 20;
  size_t max_limit = 100;  // hits per request
};

class HttpService {
 public:
  explicit HttpService(ServiceOptions options);
  ~HttpService();

  // Binds the listening socket; returns the port (useful with port 0).
  // Throws std::runtime_error when the address cannot be bound.
  int bind();
  // Serves until stop(); returns false if serving failed.
  bool serve();
  // Thread-safe and signal-handler-thread-safe: ends serve().
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fahras
