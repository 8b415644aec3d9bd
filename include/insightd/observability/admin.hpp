// SPDX-License-Identifier: Apache-2.0
#pragma once
// The admin API (insightd(8), docs/operations.md) as an http::Handler for http::make_server:
//   GET  /metrics                  Prometheus text format 0.0.4
//   GET  /healthz                  200 "ok" while the process runs
//   GET  /readyz                   200 "ready", or 503 with the reason
//   POST /v1/interactions          {"interactionIds":[...]} -> 202 {"added":N}
//   GET  /v1/interactions/{id}     200 with lookup()'s JSON, or 404
//   GET  / and /console/...        the web console (console.hpp), when `console` is set
// Every /v1 path needs "Authorization: Bearer <token>" (401 without it; 403 when
// no token is configured). Other paths: 404; other methods on these paths: 405.
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/error.hpp"
#include "insightd/http/server.hpp"
#include "insightd/observability/console.hpp"
#include "insightd/observability/metrics.hpp"

namespace insightd::observability {

struct AdminDeps {
  const Metrics* metrics = nullptr;
  std::function<std::optional<std::string>()> not_ready_reason;  // nullopt when ready
  // Adds the IDs to the work queue; the number actually added (duplicates may be skipped).
  std::function<boost::asio::awaitable<result<std::size_t>>(std::vector<std::string>)> enqueue;
  // State, attempts, last error of one interaction; nullopt when unknown.
  std::function<boost::asio::awaitable<std::optional<boost::json::object>>(std::string)> lookup;
  std::string token;                     // empty: every /v1 route is disabled (403)
  std::size_t max_ids = 10000;           // more per request: 413
  std::function<void()> before_metrics;  // refreshes gauges (queue depth) before rendering
  std::shared_ptr<Console> console;      // null: no console (404)
};

http::Handler make_admin_handler(AdminDeps deps);

}  // namespace insightd::observability
