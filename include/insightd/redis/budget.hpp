// SPDX-License-Identifier: Apache-2.0
#pragma once
// One request budget for every daemon of a deployment (queue.backend: redis):
// genesys.requests_per_minute and genesys.burst are the whole deployment's.
//
// The budget is GCRA (the generic cell rate algorithm) in one Lua script on
// the Redis server's clock (TIME), so daemons with skewed clocks agree. The
// key `{<key_prefix>}:budget` holds the theoretical arrival time (TAT). One
// call admits up to the requests asked for and says how long until the next. A 429's
// Retry-After pushes the TAT forward (never back), which pauses every daemon.
//
// RedisBudget queues local callers first-in first-out; one pump per process
// asks the script for every caller waiting, wakes those admitted, sleeps the
// wait the script returned, and asks again: no herd, no polling. While Redis cannot be reached no request is
// admitted (beyond what the reserve below still holds): the pump retries with
// jittered backoff and callers keep waiting.
//
// With a reserve (BudgetOptions::reserve > 0) the pump also takes a few
// admissions ahead, so a fetch is admitted locally without waiting for a
// round trip; the pump refills the reserve in the background while there is
// demand. A reserved admission is dropped once older than the reserve's hold
// (never used late), and the hold is taken out of the burst the script
// allows, so requests reaching upstream stay within requests_per_minute and
// burst even when one sat in a reserve. A 429 empties the reserve at once.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "insightd/common/backoff.hpp"
#include "insightd/genesys/request_budget.hpp"
#include "insightd/redis/connection.hpp"

namespace insightd::redis {

struct BudgetOptions {
  std::string key_prefix = "insightd";
  int requests_per_minute = 300;
  int burst = 10;
  // Between attempts while Redis is unreachable or the script fails.
  BackoffPolicy retry{std::chrono::milliseconds(100), std::chrono::milliseconds(5000)};
  // Admissions taken ahead (the daemon's fetch slots; 0: none), and how long
  // one may wait for a caller at most (see reserve_plan for the bounds).
  std::size_t reserve = 0;
  std::chrono::milliseconds reserve_hold{20};
};

// What a reserve may be for these options. size: min(reserve, burst / 2), so
// the reserve fills from the burst. hold: reserve_hold, at least one emission
// interval and at most burst - size intervals. held_intervals: the hold in
// whole intervals, which every take of these options leaves out of the burst:
// a request admitted at t and sent by t + hold is then inside the bucket's
// bound wherever it is sent, whatever the number of daemons. All 0 without a reserve.
struct ReservePlan {
  std::size_t size = 0;
  std::chrono::microseconds hold{0};
  long long held_intervals = 0;
};
ReservePlan reserve_plan(const BudgetOptions& options);

// "{<key_prefix>}:budget"
std::string budget_key(std::string_view key_prefix);

// Registers the budget script on `connection` (loaded at every connect).
void register_budget_script(Connection& connection);

// One call of the script (register_budget_script first). take: 0 ms when one
// request is admitted, else how long until one may be. hold: pushes the TAT
// so that nothing is admitted for `hold` from now (server time); returns 0.
// A failure is Redis unreachable, or a script error (errc::protocol).
boost::asio::awaitable<Result<std::chrono::milliseconds>> budget_take(Connection& connection,
                                                                      BudgetOptions options);
// take_many: up to `want` admissions in one call (each as budget_take would
// make it), then up to `reserve` more, each only while one more would still
// be admitted after it (a budget its callers use up fills no reserve); and
// how long until the next one may be admitted. granted counts both.
struct Admitted {
  std::size_t granted = 0;
  std::chrono::milliseconds next_in{0};
};
boost::asio::awaitable<Result<Admitted>> budget_take_many(Connection& connection, BudgetOptions options,
                                                          std::size_t want, std::size_t reserve = 0);
boost::asio::awaitable<Result<std::chrono::milliseconds>> budget_hold(Connection& connection,
                                                                      BudgetOptions options,
                                                                      std::chrono::milliseconds hold);

class RedisBudget final : public genesys::RequestBudget {
 public:
  // Registers the script on `connection`, which this budget shares (its
  // commands are pipelined with any others on it).
  RedisBudget(boost::asio::any_io_executor executor, std::shared_ptr<Connection> connection,
              BudgetOptions options);
  ~RedisBudget() override;  // waiting acquire() calls throw operation_canceled
  RedisBudget(const RedisBudget&) = delete;
  RedisBudget& operator=(const RedisBudget&) = delete;

  boost::asio::awaitable<std::chrono::milliseconds> acquire() override;

  // Holds this process at once, and pushes the hold to Redis in the
  // background (retried until it lands or has expired).
  void on_rate_limited(std::chrono::seconds retry_after) override;

  // The push of on_rate_limited, awaitable: true once Redis holds the budget.
  boost::asio::awaitable<bool> hold_shared(std::chrono::milliseconds retry_after);

  std::size_t waiting() const noexcept override;
  void cancel() override;

  // Admissions held in the reserve now (expired ones not counted).
  std::size_t reserved() const noexcept;

  // Script calls made by the pump (admissions plus "wait" answers), and the
  // calls that failed (Redis unreachable, script error): the pump neither
  // polls nor stampedes, and these make that observable.
  std::uint64_t script_calls() const noexcept;
  std::uint64_t failures() const noexcept;

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace insightd::redis
