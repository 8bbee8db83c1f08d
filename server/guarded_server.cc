// Connection handling with deadlines (see guarded_server.h).
#include "guarded_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "thread_memory.h"

namespace fahras {
namespace {

using Clock = std::chrono::steady_clock;

thread_local socket_t serving_socket = INVALID_SOCKET;
thread_local bool close_requested = false;
thread_local bool deadline_passed = false;

// Waits up to `timeout` for `events` on `sock`; true when they came.
bool wait_for(socket_t sock, short events, std::chrono::milliseconds timeout) {
  pollfd p{sock, events, 0};
  int ms = static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, timeout.count()));
  for (;;) {
    int n = ::poll(&p, 1, ms);
    if (n < 0 && errno == EINTR) continue;
    return n > 0 && (p.revents & events);
  }
}

void address_of(const sockaddr_storage& a, std::string& ip, int& port) {
  char host[NI_MAXHOST] = "";
  char service[NI_MAXSERV] = "";
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&a), sizeof a, host, sizeof host, service,
                    sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

// A socket read within a request's deadline: each read waits at most the
// I/O timeout and never past the deadline; reads are buffered, as httplib
// reads a request's head a byte at a time.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, Clock::time_point deadline, std::chrono::milliseconds io)
      : sock_(sock), deadline_(deadline), io_(io) {}

  // Past the deadline nothing more is read, however fast it would come.
  bool is_readable() const override {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline_ - Clock::now());
    if (left.count() > 0 && wait_for(sock_, POLLIN, std::min(io_, left))) return true;
    if (left <= io_) deadline_passed = true;  // the wait ended at the deadline
    return false;
  }
  bool is_writable() const override { return wait_for(sock_, POLLOUT, io_); }

  ssize_t read(char* ptr, size_t size) override {
    if (begin_ == end_) {
      if (!is_readable()) return -1;
      ssize_t n;
      do n = ::recv(sock_, buffer_, sizeof buffer_, 0);
      while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t taken = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, taken);
    begin_ += taken;
    return static_cast<ssize_t>(taken);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0) address_of(a, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0) address_of(a, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  socket_t sock_;
  Clock::time_point deadline_;
  std::chrono::milliseconds io_;
  char buffer_[4096];
  size_t begin_ = 0, end_ = 0;
};

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listening_ = sock;
  });
  size_t connections = std::max<size_t>(limits_.connections, 1);
  new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
}

void GuardedServer::widen_backlog() {
  if (listening_ != INVALID_SOCKET) ::listen(listening_, kListenBacklog);
}

bool GuardedServer::bind_guarded(const std::string& host, int port) {
  if (!bind_to_port(host, port)) return false;
  widen_backlog();
  return true;
}

int GuardedServer::bind_guarded_to_any_port(const std::string& host) {
  int port = bind_to_any_port(host);
  if (port >= 0) widen_backlog();
  return port;
}

void GuardedServer::close_after_response() { close_requested = true; }

bool GuardedServer::request_timed_out() { return deadline_passed; }

std::function<bool()> GuardedServer::client_gone_test() {
  socket_t sock = serving_socket;
  return [sock] {
    if (sock == INVALID_SOCKET) return false;
    pollfd p{sock, POLLRDHUP, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
  };
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  serving_socket = sock;
  bool ok = true;
  for (size_t served = 0; served < limits_.requests_per_connection && is_running(); ++served) {
    // A client that pauses gets this thread's freed memory returned meanwhile.
    bool next = wait_for(sock, POLLIN, std::min(kIdleBeforeRelease, limits_.idle));
    if (!next) {
      release_freed_memory_of_this_thread();
      if (limits_.idle <= kIdleBeforeRelease ||
          !wait_for(sock, POLLIN, limits_.idle - kIdleBeforeRelease))
        break;  // idle, or the server stops
    }
    close_requested = false;
    deadline_passed = false;
    DeadlineStream stream(sock, Clock::now() + limits_.request, limits_.io);
    bool closed = false;
    bool last = served + 1 == limits_.requests_per_connection;
    ok = process_request(stream, last, closed, nullptr);
    if (!ok || closed || close_requested || deadline_passed) break;
  }
  serving_socket = INVALID_SOCKET;
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  // What the connection's requests allocated goes back to the system now:
  // memory returns to its baseline after a large request.
  release_freed_memory_of_this_thread();
  return ok;
}

}  // namespace fahras
