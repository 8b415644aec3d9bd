// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cmath>

#include "insightd/genesys/rate_limiter.hpp"

namespace insightd::genesys {
namespace {
// Tolerates the rounding of refill arithmetic, so a waiter woken at the
// computed instant finds its token.
constexpr double kEpsilon = 1e-9;
constexpr double kMinRefill = 1e-6;

double seconds_between(TokenBucket::time_point from, TokenBucket::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}
}  // namespace

TokenBucket::TokenBucket(double capacity, double refill_per_second, time_point now)
    : capacity_(std::max(1.0, capacity)),
      refill_per_second_(std::max(kMinRefill, refill_per_second)),
      tokens_(capacity_),
      last_(now) {}

TokenBucket TokenBucket::per_minute(int requests_per_minute, int burst, time_point now) {
  return TokenBucket(static_cast<double>(burst), static_cast<double>(requests_per_minute) / 60.0, now);
}

double TokenBucket::tokens_at(time_point now) const {
  auto from = std::max(last_, blocked_until_);
  if (now <= from) return tokens_;
  return std::min(capacity_, tokens_ + refill_per_second_ * seconds_between(from, now));
}

double TokenBucket::available(time_point now) const {
  return tokens_at(now);
}

bool TokenBucket::try_take(time_point now) {
  if (now > last_) {
    tokens_ = tokens_at(now);
    last_ = now;
  }
  if (now < blocked_until_ || tokens_ < 1.0 - kEpsilon) return false;
  tokens_ = std::max(0.0, tokens_ - 1.0);
  return true;
}

TokenBucket::time_point TokenBucket::next_available(time_point now) const {
  auto base = std::max(now, blocked_until_);
  double tokens = tokens_at(base);
  if (tokens >= 1.0 - kEpsilon) return base;
  auto wait = std::chrono::duration<double>((1.0 - tokens) / refill_per_second_);
  return base + std::chrono::ceil<clock::duration>(wait);
}

void TokenBucket::penalize(time_point until) {
  tokens_ = 0.0;
  blocked_until_ = std::max(blocked_until_, until);
}

}  // namespace insightd::genesys
