// The HTTP face of Fahras (docs/http-api.md): a JSON API and a search page.
//
// GET / is the search page for people (search_page.h), with /page.css and
// /page.js; GET /read and /original its reading view (reading_page.h).
// GET /metrics reports counters in Prometheus's text format, and every
// request is logged, a line each (service_log.h); with cors_origin, the API
// answers browsers of that origin (preflight OPTIONS included).
// GET /search?q=&limit=&offset=&per_article= answers with the JSON of the
// output contract; GET /suggest?q=, /documents/{id}, /stats and /health read
// the index. POST /documents (a JSON Lines body) and DELETE /documents/{id}
// exist only when a token is configured, and require it as a Bearer token.
// Connections are served by GuardedServer (deadlines for slow clients, a
// thread per connection up to a bound); a read runs on its connection's
// thread with one of `threads` index handles (index_handles.h), refreshed to
// the latest commit per request,
// and end within their time budget or when their client hangs up. Bad
// requests get a 4xx status and {"error": "..."}; errors never show the
// index's paths.
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
  size_t threads = 8;        // searches at once (index handles)
  size_t connections = 256;  // connections served at once
  double request_seconds = 10;  // to receive one request's head and body
  double time_budget_ms = 1000;  // per search (SearchParameters::time_budget_ms)
  size_t max_query_bytes = 4096;
  size_t max_body_bytes = 8 << 20;
  size_t max_limit = 100;  // hits per request
  size_t max_document_passages = 1000;  // passages per GET /documents/{id} page
  size_t max_document_bytes = 4 << 20;  // of passage text per page (at least one passage)
  std::string access_log;    // file to append a line per request to; "" stderr
  bool quiet = false;        // no access log at all
  std::string cors_origin;   // "": no CORS headers; an origin, or "*"
};

// A write token as given, without the spaces, tabs, CR or LF around it.
std::string trimmed_token(const std::string& text);

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
  // Opens the access log file again (after logrotate moved it); thread-safe.
  void reopen_log();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fahras
