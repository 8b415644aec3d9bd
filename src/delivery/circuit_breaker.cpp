// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/circuit_breaker.hpp"

#include <algorithm>

namespace insightd::delivery {

CircuitBreaker::CircuitBreaker(int failure_threshold, Clock::duration cooldown)
    : failure_threshold_(std::max(1, failure_threshold)), cooldown_(cooldown) {}

CircuitBreaker::State CircuitBreaker::state(Clock::time_point now) const noexcept {
  if (!tripped_) return State::closed;
  return now - opened_at_ >= cooldown_ ? State::half_open : State::open;
}

CircuitBreaker::Clock::duration CircuitBreaker::time_until_probe(Clock::time_point now) const noexcept {
  if (state(now) != State::open) return Clock::duration::zero();
  return opened_at_ + cooldown_ - now;
}

bool CircuitBreaker::allow(Clock::time_point now) {
  switch (state(now)) {
    case State::closed:
      return true;
    case State::open:
      return false;
    case State::half_open:
      if (probe_in_flight_) return false;
      probe_in_flight_ = true;
      return true;
  }
  return false;
}

void CircuitBreaker::cancel() noexcept {
  probe_in_flight_ = false;
}

bool CircuitBreaker::record_success() noexcept {
  consecutive_failures_ = 0;
  probe_in_flight_ = false;
  bool was_tripped = tripped_;
  tripped_ = false;
  return was_tripped;
}

bool CircuitBreaker::record_failure(Clock::time_point now) noexcept {
  ++consecutive_failures_;
  if (tripped_) {
    // A failed probe, or a request sent before the circuit opened: (re)start the cool-down.
    probe_in_flight_ = false;
    opened_at_ = now;
    return false;
  }
  if (consecutive_failures_ < failure_threshold_) return false;
  tripped_ = true;
  opened_at_ = now;
  return true;
}

}  // namespace insightd::delivery
