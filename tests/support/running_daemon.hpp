// SPDX-License-Identifier: Apache-2.0
#pragma once
// Integration-test fixture: the real `insightd run` in the background, its
// admin endpoint's port read from its log, and calls to that endpoint.
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>

#include "support/sim_process.hpp"

namespace insightd::test {

// One request to the admin endpoint on 127.0.0.1 (plain HTTP, as it listens).
inline http::Response admin_call(std::uint16_t port, std::string method, std::string path,
                                 std::string body = {}, std::string token = {}) {
  http::Request req;
  req.method = std::move(method);
  req.url = "http://127.0.0.1:" + std::to_string(port) + path;
  req.body = std::move(body);
  if (!req.body.empty()) req.headers.set("Content-Type", "application/json");
  if (!token.empty()) req.headers.set("Authorization", "Bearer " + token);
  return http_call(req, "");
}

class RunningDaemon {
 public:
  // Starts `insightd run -c config` (with admin.listen on port 0) and waits for
  // the port it logs; throws with the daemon's log when it does not come up.
  RunningDaemon(const TempDir& dir, const std::filesystem::path& config,
                const std::string& log_name = "daemon")
      : process_({INSIGHTD_BIN, "run", "-c", config.string()}, dir.path() / log_name) {
    const std::regex bound(R"(admin endpoint on http://127\.0\.0\.1:(\d+))");
    const bool up = eventually([&] {
      std::smatch m;
      const auto log = process_.err();
      if (!std::regex_search(log, m, bound)) return !process_.running();
      port_ = static_cast<std::uint16_t>(std::stoi(m[1]));
      return true;
    });
    if (!up || port_ == 0) throw std::runtime_error("insightd run did not start: " + process_.err());
  }

  std::uint16_t port() const { return port_; }
  Process& process() { return process_; }
  http::Response get(const std::string& path) const { return admin_call(port_, "GET", path); }

  // SIGTERM and the exit code (nullopt when it did not exit within `limit`).
  std::optional<int> stop(std::chrono::milliseconds limit = std::chrono::seconds(30)) {
    process_.signal(SIGTERM);
    return process_.wait_for(limit);
  }

 private:
  Process process_;
  std::uint16_t port_ = 0;
};

}  // namespace insightd::test
