// SPDX-License-Identifier: Apache-2.0
#pragma once
// The request budget shared by every upstream request of one client
// (docs/architecture.md): a pure token bucket, and an async limiter on top of it that
// queues waiters first-in first-out.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <deque>
#include <memory>

#include "insightd/genesys/request_budget.hpp"

namespace insightd::genesys {

// Token bucket arithmetic on explicit time points (no clock inside), so it is
// tested with injected time. Tokens are fractional; the bucket starts full.
class TokenBucket {
 public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  // capacity = burst; refill = requests_per_minute / 60 tokens per second.
  TokenBucket(double capacity, double refill_per_second, time_point now);
  static TokenBucket per_minute(int requests_per_minute, int burst, time_point now);

  // Takes one token when at least one is available at `now`.
  bool try_take(time_point now);
  // Tokens available at `now` (fractional).
  double available(time_point now) const;
  // The earliest time at or after `now` when one token is available.
  time_point next_available(time_point now) const;
  // Empties the bucket; nothing refills before `until` (a 429's Retry-After).
  void penalize(time_point until);
  time_point blocked_until() const noexcept { return blocked_until_; }

 private:
  double tokens_at(time_point now) const;

  double capacity_;
  double refill_per_second_;
  double tokens_;
  time_point last_;
  time_point blocked_until_{};
};

// Where a RateLimiter reads the time and how it sleeps until a time point:
// the steady clock (steady_limiter_clock()), or a test's virtual clock that
// never waits real time. The limiter re-checks the bucket whenever its timer
// fires or is cancelled, so a clock may wake it early.
class LimiterClock {
 public:
  virtual ~LimiterClock() = default;
  virtual TokenBucket::time_point now() const = 0;
  // Makes `timer` complete once `at` has come on this clock.
  virtual void arm(boost::asio::steady_timer& timer, TokenBucket::time_point at) = 0;
};
LimiterClock& steady_limiter_clock() noexcept;

// Async limiter for one io_context (no strands): acquire() waits its turn.
// Waiters are served strictly in arrival order by one timer loop that wakes
// exactly one waiter per token, so a refill never wakes a herd. The budget of
// this process alone (the sqlite backend).
class RateLimiter final : public RequestBudget {
 public:
  RateLimiter(boost::asio::any_io_executor executor, int requests_per_minute, int burst,
              LimiterClock& clock = steady_limiter_clock());
  ~RateLimiter() override;
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Completes when this caller may send one request; returns the time waited.
  boost::asio::awaitable<std::chrono::milliseconds> acquire() override;

  // Upstream answered 429: empty the bucket and hold every waiter, present and
  // future, until `retry_after` has passed.
  void on_rate_limited(std::chrono::seconds retry_after) override;

  std::size_t waiting() const noexcept override { return waiters_.size(); }

  void cancel() override;

 private:
  struct Waiter;
  void start_pump();
  boost::asio::awaitable<void> pump();

  boost::asio::any_io_executor executor_;
  LimiterClock& clock_;
  TokenBucket bucket_;
  std::deque<std::shared_ptr<Waiter>> waiters_;
  boost::asio::steady_timer pump_timer_;
  bool pumping_ = false;
  std::shared_ptr<bool> alive_;  // false once cancelled (or destroyed): waiters end, the pump stops
};

}  // namespace insightd::genesys
