// What fahras-serve says about its requests: an access log, a line per
// request, and the counters GET /metrics reports in Prometheus's text format.
//
// Access log line (tab-separated, so a field never needs quoting):
//   TIME  METHOD  TARGET  STATUS  TOOK_MS  BYTES
// TIME is UTC, ISO 8601 with milliseconds; TARGET is the path and query as
// sent, any `token` or `access_token` parameter's value replaced by "***"
// (the write token travels in a header, never logged). Lines go to stderr
// (journald takes them from there) or to a file opened for appending and
// reopened on reopen() (SIGHUP, after logrotate moves it).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>

namespace fahras {

class AccessLog {
 public:
  // `path` empty: stderr. Throws std::runtime_error when the file cannot be opened.
  explicit AccessLog(std::string path);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void write(const std::string& method, const std::string& target, int status, double took_ms,
             uint64_t bytes);
  // Opens the file again (a rotated log's successor); false when it cannot.
  bool reopen();

 private:
  std::string path_;
  std::FILE* out_ = nullptr;
  std::mutex mutex_;
};

// `target` with the values of its token and access_token parameters hidden.
std::string target_without_token(const std::string& target);

// The route a path belongs to, as the metrics name it: "/", "/search",
// "/documents", ... or "other" (so that no client can grow the label set).
std::string route_of(const std::string& path);

class ServiceMetrics {
 public:
  // Upper bounds of the search latency histogram, in seconds.
  static constexpr std::array<double, 10> kSearchBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                           0.05,  0.1,    0.25,  0.5,  1.0};

  void count_request(const std::string& route, int status);
  void observe_search(double seconds);

  // The Prometheus text exposition of the counters, with the index's gauges.
  struct IndexGauges {
    double revision = 0, passages = 0, documents = 0, last_commit_seconds = 0;
    std::string last_watch_batch;  // Stats::last_watch_batch
  };
  std::string render(const IndexGauges& index) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::array<uint64_t, kSearchBuckets.size()> buckets_{};
  uint64_t searches_ = 0;
  double search_seconds_ = 0;
};

}  // namespace fahras
