// SPDX-License-Identifier: Apache-2.0
#pragma once
// How the genesys components report what they did, so the daemon can keep
// metrics (docs/operations.md) without genesys depending on observability. Every hook
// defaults to a no-op.
#include <chrono>
#include <string_view>

namespace insightd::genesys {

class FetchObserver {
 public:
  virtual ~FetchObserver() = default;

  // One upstream HTTP exchange. `source` is the source name or "login" for
  // token requests; `status` is the HTTP status, 0 for a transport failure.
  virtual void on_upstream_request(std::string_view /*source*/, int /*status*/, double /*seconds*/) {}
  // One OAuth token request finished.
  virtual void on_token_refresh(bool /*ok*/) {}
  // Time a request spent waiting for the rate limiter.
  virtual void on_rate_limit_wait(double /*seconds*/) {}
  // Upstream answered 429.
  virtual void on_rate_limited(std::chrono::seconds /*retry_after*/) {}
  // Entities skipped because they were malformed (never the entity text).
  virtual void on_malformed(std::string_view /*source*/, int /*count*/) {}
};

}  // namespace insightd::genesys
