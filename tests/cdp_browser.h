// A headless Chromium driven over the DevTools protocol, for end-to-end tests
// of the search page in a real browser.
//
// Chromium is started with --remote-debugging-pipe: it reads protocol
// messages (JSON, each ended by a NUL byte) on its fd 3 and writes answers
// and events on its fd 4, so no WebSocket client is needed. One page target
// is attached in flat mode; every wait is bounded, so a browser that stops
// answering fails the test instead of hanging it.
#pragma once

#include <chrono>
#include <deque>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace fahras::testing {

class CdpBrowser {
 public:
  // The Chromium to run: $FAHRAS_CHROMIUM, else the first of chromium,
  // chromium-browser, google-chrome on PATH; "" when there is none.
  static std::string find_executable();

  // Starts `executable` headless with a profile under `profile_dir` and opens
  // one page of `width` x `height` CSS pixels. Throws std::runtime_error when
  // it does not answer.
  CdpBrowser(const std::string& executable, const std::filesystem::path& profile_dir,
             int width = 1000, int height = 800);
  ~CdpBrowser();
  CdpBrowser(const CdpBrowser&) = delete;
  CdpBrowser& operator=(const CdpBrowser&) = delete;

  // Calls a protocol method on the page and returns its "result"; throws on
  // an error answer or after the timeout.
  nlohmann::json call(const std::string& method,
                      const nlohmann::json& params = nlohmann::json::object());

  // Runs `action`, then waits for the page's next load event. The action
  // navigates: its own answer may be DevTools' "Inspected target navigated
  // or closed" when the page it ran in went first, which is its success.
  template <typename Action>
  void and_wait_for_load(Action&& action) {
    events_.clear();
    try {
      action();
    } catch (const std::runtime_error& e) {
      if (std::string(e.what()).find("Inspected target navigated or closed") == std::string::npos)
        throw;
    }
    wait_for_event("Page.loadEventFired");
  }

  void navigate(const std::string& url);
  // The value of a JavaScript expression, by value (JSON).
  nlohmann::json evaluate(const std::string& expression);
  // Types `text` into the focused element as a user would, then presses Enter.
  void type_and_press_enter(const std::string& text);
  // A PNG of the page as it is drawn.
  std::string screenshot_png();

 private:
  void send(nlohmann::json message);
  nlohmann::json receive();  // the next message; throws after the timeout
  nlohmann::json wait_for_answer(int id);
  void wait_for_event(const std::string& method);

  int pid_ = -1;
  int to_browser_ = -1, from_browser_ = -1;
  std::string pending_;  // bytes read after the last complete message
  std::deque<nlohmann::json> events_;
  std::string session_;
  int next_id_ = 1;
  std::chrono::seconds timeout_{30};
};

}  // namespace fahras::testing
