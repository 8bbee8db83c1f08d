// Routes and handlers of the HTTP service (see http_service.h).
#include "http_service.h"

#include <httplib.h>
#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fahras/fahras.h"
#include "document_text.h"
#include "guarded_server.h"
#include "index_directory.h"
#include "index_handles.h"
#include "service_log.h"
#include "page_assets.h"
#include "reading_page.h"
#include "result_format.h"
#include "search_page.h"
#include "utf8.h"

namespace fahras {
namespace {

using nlohmann::json;

constexpr const char* kJsonType = "application/json; charset=utf-8";

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJsonType);
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

// A non-negative integer query parameter, or the default; false if malformed.
bool size_param(const httplib::Request& req, const char* name, size_t fallback, size_t& out) {
  out = fallback;
  if (!req.has_param(name)) return true;
  const std::string value = req.get_param_value(name);
  if (value.empty() || value.size() > 9 ||
      value.find_first_not_of("0123456789") != std::string::npos)
    return false;
  out = std::stoul(value);
  return true;
}

// Headers of every response of the search page: it loads its own stylesheet
// and script and nothing else, so text that escaped escaping could not run.
void page_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
                 "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

ConnectionLimits limits_of(const ServiceOptions& o) {
  ConnectionLimits limits;
  limits.connections = std::max<size_t>(o.connections, 1);
  limits.request = std::chrono::milliseconds(static_cast<long>(o.request_seconds * 1000));
  return limits;
}

// A request that smuggles or lies about its body: both Content-Length and
// Transfer-Encoding, or a Content-Length that is no number. Its answer ends
// the connection, since where its body ends is unknown.
std::string malformed_framing(const httplib::Request& req) {
  bool length = req.has_header("Content-Length");
  if (length && req.has_header("Transfer-Encoding"))
    return "a request may not carry both Content-Length and Transfer-Encoding";
  if (req.get_header_value_count("Content-Length") > 1) return "more than one Content-Length";
  if (length) {
    std::string v = req.get_header_value("Content-Length");
    uint64_t n = 0;
    auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || error != std::errc() || end != v.data() + v.size())
      return "Content-Length must be a non-negative integer, not '" + v + "'";
  }
  return {};
}

}  // namespace

// When the request being served on this thread arrived.
thread_local std::chrono::steady_clock::time_point request_started;

struct HttpService::Impl {
  ServiceOptions options;
  std::unique_ptr<AccessLog> access_log;  // null: quiet
  ServiceMetrics metrics;
  std::unique_ptr<GuardedServer> server;
  std::unique_ptr<IndexHandles> handles;
  std::mutex write_mutex;

  // Runs read(index) on this thread with a lent index handle
  // (index_handles.h); every read sees the index's latest commit.
  template <typename Read>
  auto on_index(Read&& read) {
    return handles->run(std::forward<Read>(read));
  }

  // Called on the connection's thread: the budget asks whether its client left.
  SearchParameters search_parameters() const {
    SearchParameters so;
    so.time_budget_ms = options.time_budget_ms;
    so.abandoned = GuardedServer::client_gone_test();
    return so;
  }

  bool authorized(const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Authorization") == "Bearer " + options.token) return true;
    res.set_header("WWW-Authenticate", "Bearer");
    send_error(res, 401,
               "this endpoint needs the service's token as 'Authorization: Bearer TOKEN'");
    return false;
  }

  // The query parameter q, checked; false after answering with an error.
  bool query_param(const httplib::Request& req, httplib::Response& res, std::string& q) {
    if (!req.has_param("q")) {
      send_error(res, 400, "missing query parameter 'q'");
      return false;
    }
    q = req.get_param_value("q");
    if (q.size() > options.max_query_bytes) {
      send_error(res, 400,
                 "query longer than " + std::to_string(options.max_query_bytes) + " bytes");
      return false;
    }
    return true;
  }

  void search(const httplib::Request& req, httplib::Response& res) {
    std::string q;
    if (!query_param(req, res, q)) return;
    SearchParameters so = search_parameters();
    size_t per_article = 0;
    if (!size_param(req, "limit", 10, so.limit) || !size_param(req, "offset", 0, so.offset) ||
        !size_param(req, "per_article", 0, per_article) ||
        !size_param(req, "rerank_depth", 0, so.rerank_depth))
      return send_error(
          res, 400, "limit, offset, per_article and rerank_depth must be non-negative integers");
    if (so.rerank_depth > 1000) return send_error(res, 400, "rerank_depth must be at most 1000");
    if (so.limit > options.max_limit)
      return send_error(res, 400, "limit must be at most " + std::to_string(options.max_limit));
    if (so.offset > 10000) return send_error(res, 400, "offset must be at most 10000");
    so.per_document = static_cast<unsigned>(per_article);
    Results results = on_index([&](Index& index) { return index.search(q, so); });
    bool profile = req.has_param("profile") && req.get_param_value("profile") != "0";
    res.status = 200;
    res.set_content(search_json_text(results, profile), kJsonType);
  }

  // GET /?q=&page=&one=1: the search page (search_page.h).
  void page(const httplib::Request& req, httplib::Response& res) {
    PageRequest request;
    request.q = req.get_param_value("q");
    request.one_per_article = req.get_param_value("one") == "1";
    std::string error;
    size_t page = 1;
    if (!size_param(req, "page", 1, page) || page < 1 || page > kLastPage)
      error = "رقم الصفحة يجب أن يكون بين 1 و" + std::to_string(kLastPage);
    else
      request.page = page;
    if (request.q.size() > options.max_query_bytes) {
      error = "الاستعلام أطول من " + std::to_string(options.max_query_bytes) + " بايت";
      request.q = truncate_utf8(request.q, options.max_query_bytes);
    }
    std::optional<Results> results;
    Stats stats;
    bool has_words = request.q.find_first_not_of(" \t\r\n") != std::string::npos;
    if (error.empty() && has_words) {
      SearchParameters so = search_parameters();
      so.limit = kPageHits;
      so.offset = (request.page - 1) * kPageHits;
      so.per_document = request.one_per_article ? 1 : 0;
      results = on_index([&](Index& index) { return index.search(request.q, so); });
    } else {
      stats = on_index([](Index& index) { return index.stats(); });
    }
    page_headers(res);
    res.status = error.empty() ? 200 : 400;
    res.set_content(render_search_page(request, results ? &*results : nullptr, error, stats),
                    "text/html; charset=utf-8");
  }

  // GET /read?id=&q=&line=&offset=: the reading view (reading_page.h).
  void read(const httplib::Request& req, httplib::Response& res) {
    ReadingRequest request;
    request.id = req.get_param_value("id");
    request.q = truncate_utf8(req.get_param_value("q"), options.max_query_bytes);
    size_t line = 0;
    page_headers(res);
    if (request.id.empty() || !size_param(req, "line", 0, line) || line > UINT32_MAX ||
        !size_param(req, "offset", 0, request.offset)) {
      res.status = 400;
      res.set_content(reading_error("طلب غير صالح: يلزم معرّف المستند (id)، والسطر عدد."),
                      "text/html; charset=utf-8");
      return;
    }
    request.line = static_cast<unsigned>(line);
    DocumentView view;
    view.around_line = request.line;
    view.offset = request.offset;
    view.limit = kReadingPassages;
    view.max_bytes = kReadingBytes;
    view.query = request.q;
    auto found = on_index([&](Index& index) {
      auto document = index.document(request.id, view);
      bool original = document && has_extension(request.id, ".pdf") &&
                      index.original_file(request.id).has_value();
      return std::make_pair(std::move(document), original);
    });
    if (!found.first) {
      res.status = 404;
      res.set_content(reading_error("لا يوجد في الفهرس مستند بهذا المعرّف."),
                      "text/html; charset=utf-8");
      return;
    }
    res.set_content(render_reading_page(request, *found.first, found.second),
                    "text/html; charset=utf-8");
  }

  static std::string reading_error(const std::string& message) {
    return "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head><meta charset=\"utf-8\">"
           "<title>فهرس</title><link rel=\"stylesheet\" href=\"/page.css\"></head>\n<body>\n"
           "<main><p class=\"error\" role=\"alert\">" +
           html_escape(message) + "</p>\n<p><a href=\"/\">فهرس</a></p></main>\n</body>\n</html>\n";
  }

  // GET /original?id=: the PDF file an article was indexed from, streamed,
  // when the index holds it as a file still inside its folder
  // (Index::original_file); 404 for anything else.
  void original(const httplib::Request& req, httplib::Response& res) {
    std::string id = req.get_param_value("id");
    std::optional<std::filesystem::path> file;
    if (has_extension(id, ".pdf"))
      file = on_index([&](Index& index) { return index.original_file(id); });
    auto in = file ? std::make_shared<std::ifstream>(*file, std::ios::binary) : nullptr;
    if (!in || !*in) return send_error(res, 404, "no original file for this id");
    std::error_code error;
    uintmax_t size = std::filesystem::file_size(*file, error);
    if (error) return send_error(res, 404, "no original file for this id");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Disposition", "inline");
    res.set_content_provider(
        static_cast<size_t>(size), "application/pdf",
        [in](size_t offset, size_t length, httplib::DataSink& sink) {
          char buffer[64 * 1024];
          in->seekg(static_cast<std::streamoff>(offset));
          in->read(buffer, static_cast<std::streamsize>(std::min(length, sizeof buffer)));
          if (in->gcount() <= 0) return false;
          return sink.write(buffer, static_cast<size_t>(in->gcount()));
        });
  }

  void suggest(const httplib::Request& req, httplib::Response& res) {
    std::string q;
    if (!query_param(req, res, q)) return;
    auto suggestion = on_index([&](Index& index) { return index.suggest(q); });
    send_json(res, 200, {{"query", q}, {"suggestion", suggestion ? json(*suggestion) : json()}});
  }

  // GET /documents/{id}?offset=&limit=: a page of the document's passages.
  void document(const httplib::Request& req, const std::string& id, httplib::Response& res) {
    size_t offset = 0, limit = 0;
    if (!size_param(req, "offset", 0, offset) ||
        !size_param(req, "limit", options.max_document_passages, limit))
      return send_error(res, 400, "offset and limit must be non-negative integers");
    if (limit > options.max_document_passages)
      return send_error(res, 400,
                        "limit must be at most " + std::to_string(options.max_document_passages));
    std::optional<StoredDocument> d = on_index([&](Index& index) {
      return index.document(id, offset, limit, options.max_document_bytes);
    });
    if (!d) return send_error(res, 404, "no document with id '" + id + "'");
    json list = json::array();
    for (const auto& p : d->passages) {
      json passage = {{"line", p.line}, {"window", p.window}, {"text", p.text}};
      if (!p.place.empty()) passage["place"] = p.place;
      list.push_back(std::move(passage));
    }
    json body = {{"id", d->id},
                 {"title", d->title},
                 {"passages", list},
                 {"offset", offset},
                 {"total_passages", d->total_passages}};
    if (offset + d->passages.size() < d->total_passages)
      body["next_offset"] = offset + d->passages.size();
    if (!d->url.empty()) body["url"] = d->url;
    if (!d->date.empty()) body["date"] = d->date;
    send_json(res, 200, body);
  }

  void stats(httplib::Response& res) {
    Stats s = on_index([](Index& index) { return index.stats(); });
    send_json(res, 200,
              {{"passages", s.passages},
               {"documents", s.documents},
               {"average_passage_length", s.average_passage_length},
               {"databases", s.databases},
               {"writable", !options.token.empty()}});
  }

  // Runs an ingestion on the (single, local) index under the write lock.
  void write(std::istream& records, const std::string& source, httplib::Response& res,
             bool expect_removal) {
    if (options.databases.size() != 1)
      return send_error(
          res, 400,
          "writes need a single local index, not " + std::to_string(options.databases.size()));
    std::lock_guard lock(write_mutex);
    try {
      Index writable(options.databases[0], Index::kWritable);
      ChangeReport report = writable.ingest(records, source);
      bool collided = std::any_of(report.skipped.begin(), report.skipped.end(), [](const auto& s) {
        return s.second.rfind(kIdOfCorpusFile, 0) == 0;
      });
      if (expect_removal && report.removed.empty() && !collided)
        return send_error(res, 404, "no such document");
      send_json(res, collided ? 409 : report.skipped.empty() ? 200 : 422, to_json(report));
    } catch (const IndexBusy&) {
      send_error(res, 409, "the index is being written by another process; try again");
    }
  }

  // Counts and logs a request once answered.
  void log_request(const httplib::Request& req, const httplib::Response& res) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started).count();
    std::string route = route_of(req.path);
    metrics.count_request(route, res.status);
    if ((route == "/search" || (route == "/" && req.has_param("q"))) && res.status == 200)
      metrics.observe_search(seconds);
    if (!access_log) return;
    uint64_t bytes = res.body.size();
    if (bytes == 0 && res.has_header("Content-Length"))
      bytes = std::strtoull(res.get_header_value("Content-Length").c_str(), nullptr, 10);
    access_log->write(req.method, req.target.empty() ? req.path : req.target, res.status,
                      seconds * 1000, bytes);
  }

  // GET /metrics: the counters, and the index's revision, size and last commit.
  void metrics_page(httplib::Response& res) {
    Stats s = on_index([](Index& index) { return index.stats(); });
    ServiceMetrics::IndexGauges gauges;
    gauges.revision = static_cast<double>(s.revision);
    gauges.passages = static_cast<double>(s.passages);
    gauges.documents = static_cast<double>(s.documents);
    gauges.last_commit_seconds = s.last_commit_seconds;
    gauges.last_watch_batch = s.last_watch_batch;
    res.set_content(metrics.render(gauges), "text/plain; version=0.0.4; charset=utf-8");
  }

  void install_routes() {
    GuardedServer& server = *this->server;
    server.set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) { log_request(req, res); });
    if (!options.cors_origin.empty()) {
      server.set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Access-Control-Allow-Origin", options.cors_origin);
        if (options.cors_origin != "*") res.set_header("Vary", "Origin");
      });
      server.Options(R"(.*)", [](const httplib::Request&, httplib::Response& res) {
        res.status = 204;
        res.set_header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.set_header("Access-Control-Max-Age", "600");
      });
    }
    server.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
      metrics_page(res);
    });
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      request_started = std::chrono::steady_clock::now();
      std::string problem = malformed_framing(req);
      if (problem.empty()) return httplib::Server::HandlerResponse::Unhandled;
      GuardedServer::close_after_response();
      res.set_header("Connection", "close");
      send_error(res, 400, problem);
      return httplib::Server::HandlerResponse::Handled;
    });
    server.Get("/",
               [this](const httplib::Request& req, httplib::Response& res) { page(req, res); });
    server.Get("/page.css", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "max-age=3600");
      res.set_content(kPageCss, "text/css; charset=utf-8");
    });
    server.Get("/page.js", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "max-age=3600");
      res.set_content(kPageJs, "text/javascript; charset=utf-8");
    });
    server.Get("/health", [](const httplib::Request&, httplib::Response& res) {
      send_json(res, 200, {{"status", "ok"}});
    });
    server.Get("/search",
               [this](const httplib::Request& req, httplib::Response& res) { search(req, res); });
    server.Get("/suggest",
               [this](const httplib::Request& req, httplib::Response& res) { suggest(req, res); });
    server.Get("/stats", [this](const httplib::Request&, httplib::Response& res) { stats(res); });
    server.Get("/read",
               [this](const httplib::Request& req, httplib::Response& res) { read(req, res); });
    server.Get("/original", [this](const httplib::Request& req, httplib::Response& res) {
      original(req, res);
    });
    // An id may hold any character, a newline too (%0A).
    server.Get(R"(/documents/([\s\S]+))", [this](const httplib::Request& req, httplib::Response& res) {
      document(req, req.matches[1], res);
    });
    if (!options.token.empty()) {
      // The body is JSON Lines whatever its Content-Type says (curl's
      // --data-binary sends application/x-www-form-urlencoded), read as it
      // comes, up to max_body_bytes.
      server.Post("/documents", [this](const httplib::Request& req, httplib::Response& res,
                                       const httplib::ContentReader& content) {
        if (!authorized(req, res)) return;
        std::string body;
        bool whole = content([&](const char* data, size_t length) {
          body.append(data, length);
          return body.size() <= options.max_body_bytes;
        });
        if (!whole || body.size() > options.max_body_bytes) {
          GuardedServer::close_after_response();  // the rest of the body is not read
          return send_error(res, 413, "request body too large, or cut short");
        }
        std::istringstream lines(std::move(body));
        write(lines, "body", res, false);
      });
      server.Delete(R"(/documents/([\s\S]+))",
                    [this](const httplib::Request& req, httplib::Response& res) {
                      if (!authorized(req, res)) return;
                      std::istringstream record(
                          json({{"id", std::string(req.matches[1])}, {"deleted", true}}).dump());
                      write(record, "request", res, true);
                    });
    }
    server.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (GuardedServer::request_timed_out()) {
        res.set_header("Connection", "close");
        return send_error(res, 408,
                          "the request did not arrive within " +
                              std::to_string(static_cast<long>(options.request_seconds)) + " s");
      }
      // A request that could not be read: where the next one starts is unknown.
      if (res.status == 400 || res.status == 413) {
        GuardedServer::close_after_response();
        res.set_header("Connection", "close");
      }
      std::string message = res.status == 404   ? "no such endpoint: " + req.method + " " + req.path
                            : res.status == 413 ? "request body too large"
                                                : "bad request";
      send_error(res, res.status, message);
    });
    // The details (which name the index's files) go to the log, not the client.
    server.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
          std::string detail = "unknown exception";
          try {
            std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            detail = e.what();
          } catch (const Xapian::Error& e) {
            detail = e.get_description();
          } catch (...) {
          }
          std::cerr << "fahras-serve: " << req.method << " " << req.path << ": " << detail << '\n';
          send_error(res, 500, "internal error: the index could not be read; try again");
        });
    server.set_payload_max_length(options.max_body_bytes);
    server.set_tcp_nodelay(true);  // headers and body go out in two writes: no Nagle delay
  }
};

std::string trimmed_token(const std::string& text) {
  const char* space = " \t\r\n";
  size_t first = text.find_first_not_of(space);
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(space) - first + 1);
}

HttpService::HttpService(ServiceOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (!impl_->options.quiet) impl_->access_log = std::make_unique<AccessLog>(impl_->options.access_log);
  impl_->server = std::make_unique<GuardedServer>(limits_of(impl_->options));
  impl_->handles = std::make_unique<IndexHandles>(
      impl_->options.databases, impl_->options.spelling, impl_->options.threads);
  if (!impl_->options.token.empty() && impl_->options.databases.size() == 1)
    check_index_path(impl_->options.databases[0]);  // writes never go to a foreign directory
  Index check(impl_->options.databases,
              impl_->options.spelling);  // fail at start-up, not on the first request
  impl_->install_routes();
}

HttpService::~HttpService() = default;

int HttpService::bind() {
  const ServiceOptions& o = impl_->options;
  int port = o.port == 0 ? impl_->server->bind_guarded_to_any_port(o.host)
                         : (impl_->server->bind_guarded(o.host, o.port) ? o.port : -1);
  if (port < 0)
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port));
  return port;
}

bool HttpService::serve() { return impl_->server->listen_after_bind(); }

void HttpService::stop() { impl_->server->stop(); }

void HttpService::reopen_log() {
  if (impl_->access_log) impl_->access_log->reopen();
}

}  // namespace fahras
