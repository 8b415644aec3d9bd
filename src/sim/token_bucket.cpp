// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/token_bucket.hpp"

#include <algorithm>
#include <cmath>

namespace insightd::sim {

TokenBucket::TokenBucket(unsigned per_minute, unsigned burst, time_point now) noexcept
    : per_minute_(per_minute), capacity_(std::max(1u, burst)), tokens_(capacity_), last_(now) {}

void TokenBucket::refill(time_point now) noexcept {
  if (now <= last_) return;
  const double minutes = std::chrono::duration<double, std::ratio<60>>(now - last_).count();
  tokens_ = std::min(capacity_, tokens_ + minutes * per_minute_);
  last_ = now;
}

std::optional<std::chrono::seconds> TokenBucket::try_take(time_point now) noexcept {
  if (!enabled()) return std::nullopt;
  refill(now);
  if (tokens_ >= 1.0) {
    tokens_ -= 1.0;
    return std::nullopt;
  }
  const double seconds_to_token = (1.0 - tokens_) * 60.0 / per_minute_;
  return std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(seconds_to_token))));
}

}  // namespace insightd::sim
