// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/rate_limiter.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/system_error.hpp>
#include <exception>
#include <system_error>

#include "insightd/common/backoff.hpp"

namespace insightd::genesys {
namespace asio = boost::asio;
using clock = std::chrono::steady_clock;

namespace {
class SteadyLimiterClock final : public LimiterClock {
 public:
  TokenBucket::time_point now() const override { return clock::now(); }
  void arm(asio::steady_timer& timer, TokenBucket::time_point at) override { timer.expires_at(at); }
};
}  // namespace

LimiterClock& steady_limiter_clock() noexcept {
  static SteadyLimiterClock steady;
  return steady;
}

// A queued acquire(): its timer never expires by itself and serves as an
// event that the pump fires (cancels) when the waiter's turn comes.
struct RateLimiter::Waiter {
  explicit Waiter(const asio::any_io_executor& ex) : event(ex, clock::time_point::max()) {}
  asio::steady_timer event;
  bool granted = false;
};

RateLimiter::RateLimiter(asio::any_io_executor executor, int requests_per_minute, int burst,
                         LimiterClock& limiter_clock)
    : executor_(std::move(executor)),
      clock_(limiter_clock),
      bucket_(TokenBucket::per_minute(requests_per_minute, burst, clock_.now())),
      pump_timer_(executor_),
      alive_(std::make_shared<bool>(true)) {}

RateLimiter::~RateLimiter() {
  cancel();
}

void RateLimiter::cancel() {
  *alive_ = false;
  pump_timer_.cancel();
  for (auto& waiter : waiters_) waiter->event.cancel();
  waiters_.clear();
}

asio::awaitable<std::chrono::milliseconds> RateLimiter::acquire() {
  auto start = clock_.now();
  if (!*alive_)
    throw std::system_error(std::make_error_code(std::errc::operation_canceled), "rate limiter cancelled");
  if (waiters_.empty() && bucket_.try_take(start)) co_return std::chrono::milliseconds(0);

  auto alive = alive_;
  auto waiter = std::make_shared<Waiter>(executor_);
  waiters_.push_back(waiter);
  start_pump();
  while (!waiter->granted) {
    co_await waiter->event.async_wait(asio::as_tuple(asio::use_awaitable));
    if (!*alive)
      throw std::system_error(std::make_error_code(std::errc::operation_canceled), "rate limiter cancelled");
    const auto caller = co_await asio::this_coro::cancellation_state;
    if (caller.cancelled() != asio::cancellation_type::none && !waiter->granted) {
      // The caller was cancelled: leave the line, so no token is granted to nobody.
      std::erase(waiters_, waiter);
      if (waiters_.empty()) pump_timer_.cancel();
      throw boost::system::system_error(asio::error::operation_aborted, "rate limiter wait cancelled");
    }
  }
  co_return std::chrono::duration_cast<std::chrono::milliseconds>(clock_.now() - start);
}

void RateLimiter::on_rate_limited(std::chrono::seconds retry_after) {
  bucket_.penalize(saturating_add(clock_.now(), retry_after));
  // The pump recomputes its wake-up time against the new penalty.
  pump_timer_.cancel();
}

void RateLimiter::start_pump() {
  if (pumping_) return;
  pumping_ = true;
  asio::co_spawn(executor_, pump(), [](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      spdlog::error("rate limiter: pump stopped: {}", ex.what());
    }
  });
}

asio::awaitable<void> RateLimiter::pump() {
  auto alive = alive_;
  while (*alive && !waiters_.empty()) {
    auto now = clock_.now();
    if (bucket_.try_take(now)) {
      auto waiter = std::move(waiters_.front());
      waiters_.pop_front();
      waiter->granted = true;
      waiter->event.cancel();
      continue;
    }
    clock_.arm(pump_timer_, bucket_.next_available(now));
    co_await pump_timer_.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  if (*alive) pumping_ = false;
}

}  // namespace insightd::genesys
