#pragma once
// Exponential backoff with full jitter (AWS architecture blog): the delay
// before retry n (n >= 1) is uniform in [0, min(max, initial * 2^(n-1))].
// Shared by upstream fetching and CRM delivery.
#include <chrono>
#include <cstdint>
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

// Parses a Retry-After header value: delta-seconds or an HTTP-date
// (relative to `now`). nullopt when absent or unparsable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

}  // namespace insightd
