// SPDX-License-Identifier: Apache-2.0
#pragma once
// The request budget every upstream request (token requests included) takes
// from: genesys.requests_per_minute with genesys.burst. Two implementations:
// RateLimiter (this process only; the sqlite backend) and redis::RedisBudget
// (one budget for every daemon of a deployment; the redis backend).
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>

namespace insightd::genesys {

class RequestBudget {
 public:
  virtual ~RequestBudget() = default;

  // Completes when this caller may send one request; returns the time waited.
  // Callers are served first-in first-out.
  virtual boost::asio::awaitable<std::chrono::milliseconds> acquire() = 0;

  // Upstream answered 429: hold every request, present and future, until
  // `retry_after` has passed.
  virtual void on_rate_limited(std::chrono::seconds retry_after) = 0;

  // Callers waiting in acquire().
  virtual std::size_t waiting() const noexcept = 0;

  // Shutdown: every waiting acquire() ends at once with operation_canceled, and
  // so does every later one.
  virtual void cancel() = 0;
};

}  // namespace insightd::genesys
