// The DevTools-protocol driver of headless Chromium (see cdp_browser.h).
#include "cdp_browser.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace fahras::testing {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string CdpBrowser::find_executable() {
  if (const char* chosen = std::getenv("FAHRAS_CHROMIUM")) return chosen;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      std::filesystem::path candidate =
          std::filesystem::path(dirs.substr(start, end - start)) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
      start = end + 1;
    }
  }
  return {};
}

CdpBrowser::CdpBrowser(const std::string& executable, const std::filesystem::path& profile_dir,
                       int width, int height) {
  int commands[2], answers[2];
  if (pipe2(commands, O_CLOEXEC) != 0 || pipe2(answers, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  std::string profile = "--user-data-dir=" + profile_dir.string();
  std::string size = "--window-size=" + std::to_string(width) + "," + std::to_string(height);
  pid_ = fork();
  if (pid_ == 0) {
    // Its fd 3 reads our commands, its fd 4 writes its answers.
    dup2(commands[0], 3);
    dup2(answers[1], 4);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    std::vector<const char*> argv = {executable.c_str(),
                                     "--headless",
                                     "--remote-debugging-pipe",
                                     "--no-sandbox",
                                     "--disable-gpu",
                                     "--no-first-run",
                                     "--no-default-browser-check",
                                     "--disable-extensions",
                                     "--disable-dev-shm-usage",
                                     "--lang=ar",
                                     "--disable-features=BackForwardCache",
                                     profile.c_str(),
                                     size.c_str(),
                                     "about:blank",
                                     nullptr};
    execv(executable.c_str(), const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  close(commands[0]);
  close(answers[1]);
  to_browser_ = commands[1];
  from_browser_ = answers[0];
  signal(SIGPIPE, SIG_IGN);

  std::string target = call("Target.createTarget", {{"url", "about:blank"}})["targetId"];
  session_ = call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}})["sessionId"];
  call("Page.enable");
  call("Runtime.enable");
  call("Emulation.setDeviceMetricsOverride",
       {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", width < 600}});
}

CdpBrowser::~CdpBrowser() {
  if (to_browser_ >= 0) close(to_browser_);
  if (from_browser_ >= 0) close(from_browser_);
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

void CdpBrowser::send(json message) {
  std::string bytes = message.dump();
  bytes.push_back('\0');
  for (size_t written = 0; written < bytes.size();) {
    ssize_t n = write(to_browser_, bytes.data() + written, bytes.size() - written);
    if (n <= 0) throw std::runtime_error("the browser closed its protocol pipe");
    written += n;
  }
}

json CdpBrowser::receive() {
  auto deadline = Clock::now() + timeout_;
  for (;;) {
    size_t end = pending_.find('\0');
    if (end != std::string::npos) {
      json message = json::parse(pending_.substr(0, end));
      pending_.erase(0, end + 1);
      return message;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd fd{from_browser_, POLLIN, 0};
    if (left.count() <= 0 || poll(&fd, 1, static_cast<int>(left.count())) <= 0)
      throw std::runtime_error("the browser did not answer within " +
                               std::to_string(timeout_.count()) + " s");
    char buffer[65536];
    ssize_t n = read(from_browser_, buffer, sizeof buffer);
    if (n <= 0) throw std::runtime_error("the browser closed its protocol pipe");
    pending_.append(buffer, n);
  }
}

json CdpBrowser::wait_for_answer(int id) {
  for (;;) {
    json message = receive();
    if (message.contains("id") && message["id"] == id) {
      if (message.contains("error"))
        throw std::runtime_error("DevTools error: " + message["error"].dump());
      return message.value("result", json::object());
    }
    if (message.contains("method")) events_.push_back(std::move(message));
  }
}

json CdpBrowser::call(const std::string& method, const json& params) {
  int id = next_id_++;
  json message = {{"id", id}, {"method", method}, {"params", params}};
  if (!session_.empty()) message["sessionId"] = session_;
  send(std::move(message));
  return wait_for_answer(id);
}

void CdpBrowser::wait_for_event(const std::string& method) {
  for (;;) {
    while (!events_.empty()) {
      json event = std::move(events_.front());
      events_.pop_front();
      if (event["method"] == method) return;
    }
    json message = receive();
    if (message.contains("method")) events_.push_back(std::move(message));
  }
}

void CdpBrowser::navigate(const std::string& url) {
  and_wait_for_load([&] { call("Page.navigate", {{"url", url}}); });
}

json CdpBrowser::evaluate(const std::string& expression) {
  json result = call("Runtime.evaluate",
                     {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}});
  if (result.contains("exceptionDetails"))
    throw std::runtime_error("JavaScript failed: " + result["exceptionDetails"].dump());
  return result["result"].value("value", json());
}

void CdpBrowser::type_and_press_enter(const std::string& text) {
  call("Input.insertText", {{"text", text}});
  json enter = {{"key", "Enter"},
                {"code", "Enter"},
                {"windowsVirtualKeyCode", 13},
                {"nativeVirtualKeyCode", 13}};
  json down = enter;
  down["type"] = "keyDown";
  down["text"] = "\r";
  json up = enter;
  up["type"] = "keyUp";
  call("Input.dispatchKeyEvent", down);
  call("Input.dispatchKeyEvent", up);
}

std::string CdpBrowser::screenshot_png() {
  std::string encoded = call("Page.captureScreenshot", {{"format", "png"}})["data"];
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : encoded) {
    size_t v = kAlphabet.find(c);
    if (v == std::string::npos) continue;  // '=' padding
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xFF));
    }
  }
  return out;
}

}  // namespace fahras::testing
