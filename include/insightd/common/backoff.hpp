// SPDX-License-Identifier: Apache-2.0
#pragma once
// Exponential backoff with full jitter (AWS architecture blog): the delay
// before retry n (n >= 1) is uniform in [0, min(max, initial * 2^(n-1))].
// Shared by upstream fetching, requeueing and CRM delivery. Also the reading
// of Retry-After and the saturating deadline arithmetic every wait relies on.
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string_view>

namespace insightd {

struct BackoffPolicy {
  std::chrono::milliseconds initial{1000};
  std::chrono::milliseconds max{600000};

  // The upper bound for retry `attempt` (1-based): initial * 2^(attempt-1), capped at max.
  std::chrono::milliseconds ceiling(int attempt) const noexcept;

  // A full-jitter delay for retry `attempt`, drawn from `rng`.
  template <class Rng>
  std::chrono::milliseconds delay(int attempt, Rng& rng) const {
    auto cap = ceiling(attempt).count();
    std::uniform_int_distribution<std::int64_t> dist(0, cap);
    return std::chrono::milliseconds(dist(rng));
  }
};

// The longest wait a Retry-After may ask for. A larger value (or one that does
// not fit 64 bits) is read as this: a server that asks for more is either
// broken or hostile, and a day is the longest rate window Genesys documents.
inline constexpr std::chrono::seconds kMaxRetryAfter{24 * 3600};

// Parses a Retry-After header value (RFC 9110 §10.2.3): delta-seconds (digits
// only) or an HTTP-date in any of its three formats, relative to `now`.
// Clamped to [0, kMaxRetryAfter]; nullopt when absent or unparsable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

// `t + d` that saturates at the clock's range instead of overflowing.
template <class Clock, class Dur, class D>
std::chrono::time_point<Clock, Dur> saturating_add(std::chrono::time_point<Clock, Dur> t, D d) {
  using TP = std::chrono::time_point<Clock, Dur>;
  using Rep = typename Dur::rep;
  // The conversion itself can overflow (hours::max() in nanoseconds): compare first.
  const long double seconds = std::chrono::duration<long double>(d).count();
  const long double limit = std::chrono::duration<long double>(Dur::max()).count();
  if (seconds >= limit) return TP::max();
  if (seconds <= -limit) return TP::min();
  const auto delta = std::chrono::duration_cast<Dur>(d);
  const Rep base = t.time_since_epoch().count();
  Rep sum = 0;
  if (__builtin_add_overflow(base, delta.count(), &sum)) return delta.count() > 0 ? TP::max() : TP::min();
  return TP(Dur(sum));
}

// Milliseconds `a + b` saturating at the int64 range (deadlines stored as ms).
inline std::int64_t saturating_add_ms(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum))
    return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
  return sum;
}

}  // namespace insightd
