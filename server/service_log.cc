// Access log and metrics of fahras-serve (see service_log.h).
#include "service_log.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <sstream>
#include <stdexcept>

namespace fahras {
namespace {

std::string utc_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[64];  // room for any int GCC cannot rule out
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(millis));
  return text;
}

// Control characters (a newline would forge a log line) as \xNN.
std::string printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

AccessLog::AccessLog(std::string path) : path_(std::move(path)) {
  if (!path_.empty() && !reopen())
    throw std::runtime_error(path_ + ": cannot open the access log: " + std::strerror(errno));
}

AccessLog::~AccessLog() {
  if (out_ && out_ != stderr) std::fclose(out_);
}

bool AccessLog::reopen() {
  std::lock_guard lock(mutex_);
  if (path_.empty()) {
    out_ = stderr;
    return true;
  }
  std::FILE* next = std::fopen(path_.c_str(), "a");
  if (!next) return false;
  if (out_ && out_ != stderr) std::fclose(out_);
  out_ = next;
  return true;
}

void AccessLog::write(const std::string& method, const std::string& target, int status,
                      double took_ms, uint64_t bytes) {
  std::string line = utc_now() + '\t' + printable(method) + '\t' +
                     printable(target_without_token(target)) + '\t' + std::to_string(status) +
                     '\t';
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.3f", took_ms);
  line += std::string(ms) + '\t' + std::to_string(bytes) + '\n';
  std::lock_guard lock(mutex_);
  std::FILE* out = out_ ? out_ : stderr;
  std::fwrite(line.data(), 1, line.size(), out);
  std::fflush(out);
}

std::string target_without_token(const std::string& target) {
  size_t query = target.find('?');
  if (query == std::string::npos) return target;
  std::string out = target.substr(0, query + 1);
  std::istringstream parameters(target.substr(query + 1));
  bool first = true;
  for (std::string p; std::getline(parameters, p, '&');) {
    std::string name = p.substr(0, p.find('='));
    if (!first) out += '&';
    first = false;
    out += (name == "token" || name == "access_token") ? name + "=***" : p;
  }
  return out;
}

std::string route_of(const std::string& path) {
  static const char* const kRoutes[] = {"/search", "/suggest", "/stats",  "/health", "/read",
                                        "/original", "/metrics", "/page.css", "/page.js"};
  if (path == "/") return "/";
  for (const char* r : kRoutes)
    if (path == r) return r;
  if (path.rfind("/documents", 0) == 0) return "/documents";
  return "other";
}

void ServiceMetrics::count_request(const std::string& route, int status) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
}

void ServiceMetrics::observe_search(double seconds) {
  std::lock_guard lock(mutex_);
  ++searches_;
  search_seconds_ += seconds;
  for (size_t i = 0; i < kSearchBuckets.size(); ++i)
    if (seconds <= kSearchBuckets[i]) ++buckets_[i];
}

std::string ServiceMetrics::render(const IndexGauges& index) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP fahras_requests_total HTTP requests answered, by route and status.\n"
         "# TYPE fahras_requests_total counter\n";
  for (const auto& [key, count] : requests_)
    out << "fahras_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} "
        << count << '\n';
  out << "# HELP fahras_search_duration_seconds Time to answer a search (API and page).\n"
         "# TYPE fahras_search_duration_seconds histogram\n";
  for (size_t i = 0; i < kSearchBuckets.size(); ++i)
    out << "fahras_search_duration_seconds_bucket{le=\"" << kSearchBuckets[i] << "\"} "
        << buckets_[i] << '\n';
  out << "fahras_search_duration_seconds_bucket{le=\"+Inf\"} " << searches_ << '\n'
      << "fahras_search_duration_seconds_sum " << search_seconds_ << '\n'
      << "fahras_search_duration_seconds_count " << searches_ << '\n';
  out << "# HELP fahras_index_revision The index revision searches read.\n"
         "# TYPE fahras_index_revision gauge\n"
      << "fahras_index_revision " << index.revision << '\n'
      << "# HELP fahras_index_passages Passages the index holds.\n"
         "# TYPE fahras_index_passages gauge\n"
      << "fahras_index_passages " << index.passages << '\n'
      << "# HELP fahras_index_documents Documents (articles) the index holds.\n"
         "# TYPE fahras_index_documents gauge\n"
      << "fahras_index_documents " << index.documents << '\n'
      << "# HELP fahras_index_last_commit_timestamp_seconds When the index was last committed.\n"
         "# TYPE fahras_index_last_commit_timestamp_seconds gauge\n"
      << "fahras_index_last_commit_timestamp_seconds " << std::fixed << index.last_commit_seconds
      << '\n';
  // The last batch of fahras-index --watch on the same index, when there was one.
  std::istringstream batch(index.last_watch_batch);
  double when = 0;
  uint64_t added = 0, updated = 0, removed = 0, skipped = 0, passages = 0;
  if (batch >> when >> added >> updated >> removed >> skipped >> passages) {
    out << std::defaultfloat
        << "# HELP fahras_watch_last_batch_timestamp_seconds When fahras-index --watch last "
           "committed a batch.\n"
           "# TYPE fahras_watch_last_batch_timestamp_seconds gauge\n"
        << "fahras_watch_last_batch_timestamp_seconds " << std::fixed << when << '\n'
        << "# HELP fahras_watch_last_batch_files Files of that batch, by change.\n"
           "# TYPE fahras_watch_last_batch_files gauge\n"
        << "fahras_watch_last_batch_files{change=\"added\"} " << added << '\n'
        << "fahras_watch_last_batch_files{change=\"updated\"} " << updated << '\n'
        << "fahras_watch_last_batch_files{change=\"removed\"} " << removed << '\n'
        << "fahras_watch_last_batch_files{change=\"skipped\"} " << skipped << '\n'
        << "# HELP fahras_watch_last_batch_passages Passages that batch wrote.\n"
           "# TYPE fahras_watch_last_batch_passages gauge\n"
        << "fahras_watch_last_batch_passages " << passages << '\n';
  }
  return out.str();
}

}  // namespace fahras
