// SPDX-License-Identifier: Apache-2.0
#pragma once
// The web console on the admin endpoint (docs/console.md):
//   GET  /                              the console, or the login form without a session
//   GET  /console/console.js|.css       the page's assets (embedded; no external ones)
//   POST /console/login                 form field "token" (the admin token) -> session cookie
//   POST /console/logout                ends the session
//   GET  /console/api/snapshot          the page's data (ConsoleDeps::snapshot), JSON
//   POST /console/api/replay/{id}       replay one dead letter
//   POST /console/api/replay-all        replay every dead letter
//   POST /console/api/resume-deliveries release deliveries held after a 410
// Everything but the login form and the assets needs the session cookie
// (HttpOnly, SameSite=Strict); every POST but the login also needs the
// session's CSRF token in the X-CSRF-Token header (403 without). Every
// response carries a strict Content-Security-Policy and X-Frame-Options: DENY.
// The console shows only IDs, counts, reasons and correlation ids.
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "insightd/http/server.hpp"

namespace insightd::observability {

struct ConsoleDeps {
  std::string token;  // the admin token; empty: the console says it is disabled
  // The page's data (see the app's console snapshot for its fields).
  std::function<boost::asio::awaitable<boost::json::object>()> snapshot;
  // Re-queues the given dead letters (all: every one); how many were re-queued.
  std::function<boost::asio::awaitable<std::size_t>(std::vector<std::string> ids, bool all)> replay;
  // Releases held deliveries; why they were held, nullopt when they were not.
  std::function<boost::asio::awaitable<std::optional<std::string>>()> resume_deliveries;
  std::chrono::seconds session_lifetime = std::chrono::hours(8);
};

class Console;
std::shared_ptr<Console> make_console(ConsoleDeps deps);

// True for the paths the console serves: "/" and everything under "/console/".
bool is_console_path(const std::vector<std::string>& path_segments);

boost::asio::awaitable<http::Response> handle_console(std::shared_ptr<Console> console,
                                                      http::ServerRequest request);

}  // namespace insightd::observability
