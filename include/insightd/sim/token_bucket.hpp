// SPDX-License-Identifier: Apache-2.0
#pragma once
// The simulator's server-side rate limiter: a token bucket refilled at
// `per_minute` tokens a minute up to `burst`. Pure arithmetic on a given clock.
#include <chrono>
#include <optional>

namespace insightd::sim {

class TokenBucket {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  TokenBucket(unsigned per_minute, unsigned burst, time_point now) noexcept;

  // Takes a token: nullopt when allowed, otherwise the whole seconds
  // (at least 1) until a token is available.
  std::optional<std::chrono::seconds> try_take(time_point now) noexcept;

  bool enabled() const noexcept { return per_minute_ > 0; }

 private:
  void refill(time_point now) noexcept;

  double per_minute_;
  double capacity_;
  double tokens_;
  time_point last_;
};

}  // namespace insightd::sim
