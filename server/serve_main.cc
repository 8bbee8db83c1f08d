// fahras-serve: the Fahras HTTP JSON service (docs/http-api.md).
//
// Usage: fahras-serve [--db DB]... [--host 127.0.0.1] [--port 8080] [--threads 8]
// The write endpoints exist only with a token, read from the environment
// variable FAHRAS_TOKEN or --token-file (never from the command line, which
// other users can see). Prints "listening on http://HOST:PORT" once ready;
// SIGTERM or SIGINT stop it cleanly (exit 0).
#include <pthread.h>
#include <signal.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include "http_service.h"

namespace po = boost::program_options;

namespace {
constexpr const char* kProgram = "fahras-serve";
}

int main(int argc, char** argv) {
  po::options_description visible("Usage: fahras-serve [options]\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value<std::vector<std::string>>(),
      "index: directory, stub file or HOST:PORT (repeatable)")(
      "spelling", po::value<std::vector<std::string>>(),
      "local index for suggestions when --db are remote")(
      "host", po::value<std::string>()->default_value("127.0.0.1"), "address to listen on")(
      "port", po::value<int>()->default_value(8080), "port (0: any free port)")(
      "threads", po::value<size_t>()->default_value(8), "request threads")(
      "token-file", po::value<std::string>(), "file holding the write token (else $FAHRAS_TOKEN)");
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
    options.threads = std::max<size_t>(1, vm["threads"].as<size_t>());
    if (vm.count("token-file")) {
      std::ifstream in(vm["token-file"].as<std::string>());
      if (!in || !std::getline(in, options.token) || options.token.empty())
        throw std::runtime_error(vm["token-file"].as<std::string>() + ": no token in it");
    } else if (const char* token = std::getenv("FAHRAS_TOKEN")) {
      options.token = token;
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
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    fahras::HttpService service(options);
    int port = service.bind();
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
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
