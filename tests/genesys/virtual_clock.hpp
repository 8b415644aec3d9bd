// SPDX-License-Identifier: Apache-2.0
#pragma once
// A LimiterClock on virtual time: arm() moves the time to the deadline at once
// and fires the timer, so a RateLimiter's waits take no real time while the
// durations it measures and the order it grants in are the ones it would have
// had on the steady clock.
#include <boost/asio/steady_timer.hpp>
#include <chrono>

#include "insightd/genesys/rate_limiter.hpp"

namespace insightd::genesys::testing {

class VirtualLimiterClock final : public LimiterClock {
 public:
  using time_point = TokenBucket::time_point;

  time_point now() const override { return now_; }
  void arm(boost::asio::steady_timer& timer, time_point at) override {
    if (at > now_) now_ = at;
    timer.expires_at(time_point::min());
  }

 private:
  time_point now_ = time_point{} + std::chrono::hours(1000);
};

}  // namespace insightd::genesys::testing
