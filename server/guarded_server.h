// An httplib::Server that slow or hostile clients cannot stall.
//
// cpp-httplib gives a connection a pool thread for as long as its client
// keeps sending, a byte at a time if it likes, and listens with a backlog of
// 5. GuardedServer serves each connection itself:
// - a request's head and body must arrive within ConnectionLimits::request,
//   counted from its first byte, and the client may idle at most
//   ConnectionLimits::idle between requests; then the connection is closed;
// - connections get threads of their own, up to ConnectionLimits::connections
//   (a thread waiting for a slow client costs a stack, not a core); the
//   service bounds the work done at once separately (index_handles.h);
// - the listening socket's backlog is kListenBacklog;
// - a handler may ask that the connection close after its response
//   (close_after_response()), e.g. when it answered without reading a body;
// - a handler can take a test of whether its client hung up
//   (client_gone_test()), to ask from any thread.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>

namespace fahras {

inline constexpr int kListenBacklog = 1024;

struct ConnectionLimits {
  std::chrono::milliseconds request{10000};  // head and body of one request
  std::chrono::milliseconds idle{5000};      // before a request's first byte
  std::chrono::milliseconds io{5000};        // one read or write waiting
  size_t connections = 256;                  // served at once; more wait in the backlog
  // After this many, the connection closes and its thread returns its freed
  // memory (thread_memory.h), which costs about as much as a hundred searches.
  size_t requests_per_connection = 1000;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);

  // Binds as httplib does, then widens the listening backlog.
  bool bind_guarded(const std::string& host, int port);
  int bind_guarded_to_any_port(const std::string& host);

  // For handlers, on the thread serving the request:
  static void close_after_response();
  // Whether the client of the request this thread serves has hung up, as a
  // test any thread may run while the request is being answered.
  static std::function<bool()> client_gone_test();
  // Whether the request being answered did not arrive within its deadline
  // (its answer is the last on the connection).
  static bool request_timed_out();

 private:
  bool process_and_close_socket(socket_t sock) override;
  void widen_backlog();

  ConnectionLimits limits_;
  socket_t listening_ = INVALID_SOCKET;
};

}  // namespace fahras
