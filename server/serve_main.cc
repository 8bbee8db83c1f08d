// fahras-serve: the Fahras HTTP JSON service (docs/http-api.md).
//
// Usage: fahras-serve [--db DB]... [--host 127.0.0.1] [--port 8080] [--threads 8]
// The write endpoints exist only with a token, read from the environment
// variable FAHRAS_TOKEN or --token-file (never from the command line, which
// other users can see). Prints "listening on http://HOST:PORT" once ready;
// SIGTERM or SIGINT stop it cleanly (exit 0); SIGHUP reopens the access log.
#include <pthread.h>
#include <signal.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <thread>

#include "allocator_tuning.h"
#include "http_service.h"

namespace po = boost::program_options;

namespace {
constexpr const char* kProgram = "fahras-serve";

// The token a file holds: its first line, without surrounding spaces or the
// CR of a CRLF ending (editors and `echo` add them; clients never send them).
std::string read_token_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the token file: " + std::strerror(errno));
  std::string line;
  std::getline(in, line);
  std::string token = fahras::trimmed_token(line);
  if (token.empty()) throw std::runtime_error(path + ": the token file's first line is empty");
  return token;
}
}  // namespace

int main(int argc, char** argv) {
  fahras::hold_freed_memory_briefly();
  po::options_description visible("Usage: fahras-serve [options]\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value<std::vector<std::string>>(),
      "index: directory, stub file or HOST:PORT (repeatable)")(
      "spelling", po::value<std::vector<std::string>>(),
      "local index for suggestions when --db are remote")(
      "host", po::value<std::string>()->default_value("127.0.0.1"), "address to listen on")(
      "port", po::value<int>()->default_value(8080), "port (0: any free port)")(
      "threads", po::value<size_t>()->default_value(8), "searches run at once")(
      "connections", po::value<size_t>()->default_value(256),
      "connections served at once (slow clients each hold one)")(
      "request-timeout", po::value<double>()->default_value(10),
      "seconds a client has to send a request's head and body")(
      "time-budget", po::value<double>()->default_value(1000),
      "milliseconds a search may take before it answers with what it found")(
      "token-file", po::value<std::string>(), "file holding the write token (else $FAHRAS_TOKEN)")(
      "access-log", po::value<std::string>(),
      "file to append a line per request to (default: stderr; reopened on SIGHUP)")(
      "quiet", "no access log")(
      "cors-origin", po::value<std::string>(),
      "let browser pages of this origin (or *) call the API; off by default");
  fahras::ServiceOptions options;
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, visible), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible << "\nEndpoints: docs/http-api.md.\n";
      return 0;
    }
    if (vm.count("db")) options.databases = vm["db"].as<std::vector<std::string>>();
    if (vm.count("spelling")) options.spelling = vm["spelling"].as<std::vector<std::string>>();
    options.host = vm["host"].as<std::string>();
    options.port = vm["port"].as<int>();
    if (options.port < 0 || options.port > 65535)
      throw std::runtime_error("--port " + std::to_string(options.port) +
                               ": a port is a number from 0 to 65535");
    options.threads = std::max<size_t>(1, vm["threads"].as<size_t>());
    options.connections = std::max<size_t>(1, vm["connections"].as<size_t>());
    options.request_seconds = vm["request-timeout"].as<double>();
    if (!(options.request_seconds > 0))
      throw std::runtime_error("--request-timeout must be a positive number of seconds");
    options.time_budget_ms = vm["time-budget"].as<double>();
    if (vm.count("access-log")) options.access_log = vm["access-log"].as<std::string>();
    options.quiet = vm.count("quiet") > 0;
    if (vm.count("cors-origin")) {
      options.cors_origin = vm["cors-origin"].as<std::string>();
      bool origin = options.cors_origin == "*" ||
                    ((options.cors_origin.rfind("https://", 0) == 0 ||
                      options.cors_origin.rfind("http://", 0) == 0) &&
                     options.cors_origin.find_first_of(" \t\r\n/", 8) == std::string::npos);
      if (!origin)
        throw std::runtime_error("--cors-origin " + options.cors_origin +
                                 ": an origin is scheme://host[:port] (no path), or *");
    }
    if (vm.count("token-file")) {
      options.token = read_token_file(vm["token-file"].as<std::string>());
    } else if (const char* token = std::getenv("FAHRAS_TOKEN")) {
      options.token = fahras::trimmed_token(token);
    }
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << '\n';
    return 2;
  }

  // Signals go to one waiting thread, which stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    fahras::HttpService service(options);
    int port = service.bind();
    std::thread waiter([&] {
      for (;;) {
        int sig = 0;
        sigwait(&signals, &sig);
        if (sig != SIGHUP) break;
        service.reopen_log();  // logrotate moved the access log
      }
      service.stop();
    });
    std::cout << "listening on http://" << options.host << ":" << port << std::endl;
    bool ok = service.serve();
    if (waiter.joinable()) {
      pthread_kill(waiter.native_handle(), SIGTERM);  // wakes it if serve() ended by itself
      waiter.join();
    }
    return ok ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << '\n';
    return 2;
  }
}
