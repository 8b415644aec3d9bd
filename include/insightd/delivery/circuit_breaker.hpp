// SPDX-License-Identifier: Apache-2.0
#pragma once
// A circuit breaker in front of the CRM (pure; the caller passes the time).
// closed: requests flow; `failure_threshold` consecutive retryable failures open it.
// open: no requests until `cooldown` has passed, then half-open.
// half-open: exactly one probe; its success closes the circuit, its failure re-opens it.
#include <chrono>

namespace insightd::delivery {

class CircuitBreaker {
 public:
  using Clock = std::chrono::steady_clock;
  enum class State { closed, open, half_open };

  CircuitBreaker(int failure_threshold, Clock::duration cooldown);

  // May a request go out now? In half-open this grants the single probe.
  bool allow(Clock::time_point now);
  // The request that allow() permitted was not sent after all (nothing to deliver):
  // frees the probe slot in half-open.
  void cancel() noexcept;

  // Report the outcome of a permitted request. Any answer that is not a retryable
  // failure (2xx, 4xx) counts as success: the endpoint is up.
  // Each returns true when the circuit changed between closed and not closed.
  bool record_success() noexcept;
  bool record_failure(Clock::time_point now) noexcept;

  State state(Clock::time_point now) const noexcept;
  // How long until a probe may go out (zero unless open).
  Clock::duration time_until_probe(Clock::time_point now) const noexcept;

 private:
  int failure_threshold_;
  Clock::duration cooldown_;
  int consecutive_failures_ = 0;
  bool tripped_ = false;  // open or half-open
  bool probe_in_flight_ = false;
  Clock::time_point opened_at_{};
};

}  // namespace insightd::delivery
