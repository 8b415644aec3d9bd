// SPDX-License-Identifier: Apache-2.0
// The shared budget's local reserve against a real redis-server: admissions
// taken ahead serve a caller without a round trip, expire after the plan's
// hold, vanish at a 429, and several daemons with reserves still stay within
// one budget (checked on the server's clock, TIME).
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "insightd/redis/budget.hpp"
#include "redis/budget_support.hpp"

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
// The budget tests' support: a connection, options, the server's clock, three daemons sharing one budget.
using namespace insightd::test::budget;
using insightd::redis::reserve_plan;
using std::chrono::microseconds;
using std::chrono::milliseconds;

BudgetOptions with_reserve(int requests_per_minute, int burst, std::size_t reserve, milliseconds hold) {
  auto options = budget_options(requests_per_minute, burst);
  options.reserve = reserve;
  options.reserve_hold = hold;
  return options;
}

// What one acquire() saw: the time it waited, and the pump's script calls
// and the reserve the moment it returned.
struct Acquired {
  milliseconds waited{0};
  std::uint64_t calls_after = 0;
  std::size_t reserved_after = 0;
};

asio::awaitable<Acquired> acquire_seen(RedisBudget* budget) {
  Acquired seen;
  seen.waited = co_await budget->acquire();
  seen.calls_after = budget->script_calls();
  seen.reserved_after = budget->reserved();
  co_return seen;
}

asio::awaitable<bool> pause_for(milliseconds duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor, duration);
  co_await timer.async_wait(asio::use_awaitable);
  co_return true;
}

TEST(ReservePlan, FillsFromTheBurstAndLeavesItsHoldOutOfIt) {
  EXPECT_EQ(reserve_plan(with_reserve(3000, 10, 0, 20ms)).size, 0u) << "no reserve asked for";
  EXPECT_EQ(reserve_plan(with_reserve(3000, 10, 0, 20ms)).held_intervals, 0);
  EXPECT_EQ(reserve_plan(with_reserve(3000, 1, 8, 20ms)).size, 0u) << "a burst of one has none to spare";

  // 3000/min: one per 20 ms. Half the burst at most; the hold is one interval.
  const auto budget_limited = reserve_plan(with_reserve(3000, 10, 8, 20ms));
  EXPECT_EQ(budget_limited.size, 5u);
  EXPECT_EQ(budget_limited.held_intervals, 1);
  EXPECT_EQ(budget_limited.hold, 20ms);
  // Never shorter than one interval.
  EXPECT_EQ(reserve_plan(with_reserve(3000, 10, 8, 1ms)).hold, 20ms);

  // 6,000,000/min: one per 10 us; 20 ms would be 2,000 intervals, more than
  // the burst left beside the reserve (1000 - 8).
  const auto fast = reserve_plan(with_reserve(6000000, 1000, 8, 20ms));
  EXPECT_EQ(fast.size, 8u);
  EXPECT_EQ(fast.held_intervals, 992);
  EXPECT_EQ(fast.hold, microseconds(9920));
}

// A reserve is filled only while the bucket keeps one admission for callers:
// where the deployment's callers use the whole budget, reserved admissions
// would expire unused while others wait.
TEST(BudgetScript, AReserveIsFilledOnlyWhileTheBucketKeepsOneForCallers) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  insightd::redis::register_budget_script(*connection);
  const auto options = budget_options(1, 5);  // one a minute, bursts of five

  auto reserved = run_until_done(io, insightd::redis::budget_take_many(*connection, options, 0, 10));
  ASSERT_TRUE(reserved) << reserved.error().message;
  EXPECT_EQ(reserved->granted, 4u) << "the fifth would have left callers nothing";
  auto caller = run_until_done(io, insightd::redis::budget_take_many(*connection, options, 1, 0));
  ASSERT_TRUE(caller) << caller.error().message;
  EXPECT_EQ(caller->granted, 1u) << "the one kept for callers";
  auto more = run_until_done(io, insightd::redis::budget_take_many(*connection, options, 0, 3));
  ASSERT_TRUE(more) << more.error().message;
  EXPECT_EQ(more->granted, 0u) << "a used-up bucket filled a reserve";
  EXPECT_GT(more->next_in, 59000ms);
}

TEST(RedisBudgetReserve, ACallerWhenNobodyWaitsIsAdmittedFromTheReserveWithoutARoundTrip) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  // One a second, bursts of 20: nothing refills within the test, so every
  // admission after the first call is one the reserve took ahead.
  RedisBudget budget(io.get_executor(), connection, with_reserve(60, 20, 4, 10s));

  const auto first = run_until_done(io, acquire_seen(&budget));
  EXPECT_EQ(first.calls_after, 1u) << "the first caller and the reserve in one call";
  EXPECT_EQ(first.reserved_after, 4u);

  const auto second = run_until_done(io, acquire_seen(&budget));
  EXPECT_EQ(second.waited, 0ms);
  // Admitted before the top-up's reply: the reserve is still one short.
  EXPECT_EQ(second.reserved_after, 3u) << "admitted after a script call's reply";
  ASSERT_TRUE(run_until(io, [&] { return budget.script_calls() == 2 && budget.reserved() == 4; }))
      << "the pump did not top the reserve up in the background";

  // Redis gone: what the reserve holds is still admitted, nothing beyond it.
  server.stop();
  for (int i = 0; i < 4; ++i) {
    const auto from_reserve = run_until_done(io, acquire_seen(&budget));
    EXPECT_EQ(from_reserve.waited, 0ms) << "reserved admission " << i + 1;
  }
  EXPECT_EQ(budget.reserved(), 0u);
  int admitted = 0;
  const auto failures = budget.failures();  // the background top-ups failed too
  asio::co_spawn(io, acquire_into(&budget, &admitted), asio::detached);
  ASSERT_TRUE(run_until(io, [&] { return budget.failures() >= failures + 3; }));
  EXPECT_EQ(admitted, 0) << "admitted beyond the reserve without Redis";
}

TEST(RedisBudgetReserve, AReservedAdmissionOlderThanTheHoldIsDroppedNeverUsed) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  // One per 100 ms, bursts of 10, a hold of two intervals (200 ms).
  const auto options = with_reserve(600, 10, 4, 200ms);
  ASSERT_EQ(reserve_plan(options).hold, 200ms);
  RedisBudget budget(io.get_executor(), connection, options);

  const auto first = run_until_done(io, acquire_seen(&budget));
  EXPECT_EQ(first.reserved_after, 4u);
  // The subject is time passing: the hold runs out with nobody asking.
  run_until_done(io, pause_for(300ms));
  EXPECT_EQ(budget.reserved(), 0u) << "kept past its hold";
  EXPECT_EQ(budget.script_calls(), 1u) << "an idle daemon asked Redis to keep its reserve";

  server.stop();
  int admitted = 0;
  asio::co_spawn(io, acquire_into(&budget, &admitted), asio::detached);
  ASSERT_TRUE(run_until(io, [&] { return budget.failures() >= 3; }));
  EXPECT_EQ(admitted, 0) << "an expired reservation was used";
}

TEST(RedisBudgetReserve, A429EmptiesTheReserveAtOnceAndHoldsThisDaemon) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  // One per 100 ms, a hold of 2 s (20 of the 40 intervals of burst).
  RedisBudget budget(io.get_executor(), connection, with_reserve(600, 40, 4, 2s));

  const auto first = run_until_done(io, acquire_seen(&budget));
  EXPECT_EQ(first.reserved_after, 4u);
  const auto before = now_us(io, *connection);
  ASSERT_EQ(budget.reserved(), 4u);
  budget.on_rate_limited(1s);
  EXPECT_EQ(budget.reserved(), 0u) << "reserved admissions outlived the 429";
  run_until_done(io, budget.acquire());
  EXPECT_GE(now_us(io, *connection) - before, 1000000) << "admitted during the Retry-After";
}

TEST(RedisBudgetReserve, ThreeDaemonsWithReservesStayWithinOneBudget) {
  RedisServer server;
  asio::io_context io(1);
  // One per 20 ms, bursts of four: a reserve of two each, held one interval.
  const auto options = with_reserve(3000, 4, 8, 20ms);
  ASSERT_EQ(reserve_plan(options).size, 2u);
  constexpr int kPerDaemon = 15;
  const auto run = three_daemons_admit(io, server, options, kPerDaemon);
  ASSERT_TRUE(run.all_admitted);

  // GCRA's bound for the burst of four, reserves or not: 41 intervals.
  EXPECT_GE(run.elapsed_us, (3 * kPerDaemon - 4) * 20000);
}

}  // namespace
