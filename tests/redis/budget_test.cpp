// SPDX-License-Identifier: Apache-2.0
// The shared request budget against a real redis-server: the GCRA script's
// arithmetic, several RedisBudgets (one per "daemon", each on its own
// connection) sharing one budget, a 429 hold, and Redis restarted mid-use.
// Rates are checked against the server's own clock (TIME) with GCRA's exact
// bound, never against wall-clock durations in the test.
#include "insightd/redis/budget.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <system_error>

#include "redis/budget_support.hpp"
#include "redis/run_until.hpp"
#include "support/redis_server.hpp"

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
// The budget tests' support: a connection, options, the server's clock, three daemons sharing one budget.
using namespace insightd::test::budget;
using insightd::redis::budget_hold;
using insightd::redis::budget_key;
using insightd::redis::budget_take;
using std::chrono::milliseconds;

milliseconds take(asio::io_context& io, Connection& connection, const BudgetOptions& options) {
  auto wait = run_until_done(io, budget_take(connection, options));
  if (!wait) throw std::runtime_error("budget_take failed: " + wait.error().message);
  return *wait;
}

TEST(BudgetScript, AdmitsTheBurstAtOnceThenSaysHowLongUntilTheNext) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  insightd::redis::register_budget_script(*connection);
  const auto options = budget_options(1, 5);  // one request a minute, bursts of five

  const auto before = now_us(io, *connection);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(take(io, *connection, options), 0ms) << "request " << i + 1;
  const auto wait = take(io, *connection, options);
  const auto elapsed_ms = (now_us(io, *connection) - before) / 1000;
  // The sixth may go one interval (60 s) after the first, less what has passed.
  EXPECT_LE(wait, 60000ms);
  EXPECT_GE(wait.count(), 60000 - elapsed_ms - 1);
  EXPECT_EQ(take(io, *connection, options).count() > 0, true) << "a refusal takes nothing";

  // The key is the hash-tagged TAT, and it expires (an absent key is a full bucket).
  EXPECT_EQ(budget_key(options.key_prefix), "{budget-test}:budget");
  auto ttl = run_until_done(io, connection->command({"PTTL", "{budget-test}:budget"}));
  ASSERT_TRUE(ttl);
  EXPECT_GT(ttl->as_integer(), 4 * 60000 - 1000);  // (burst - 1) intervals ahead, and a bit
  EXPECT_LE(ttl->as_integer(), 5 * 60000 + 1);
}

// Sequential callers, each sleeping the wait the script returned.
asio::awaitable<int> take_in_turn(Connection* connection, BudgetOptions options, int admissions,
                                  milliseconds* longest_wait) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  int refusals = 0;
  for (int admitted = 0; admitted < admissions;) {
    auto wait = co_await budget_take(*connection, options);
    if (!wait) throw std::runtime_error(wait.error().message);
    if (wait->count() == 0) {
      ++admitted;
      continue;
    }
    ++refusals;
    *longest_wait = std::max(*longest_wait, *wait);
    timer.expires_after(*wait);
    co_await timer.async_wait(asio::use_awaitable);
  }
  co_return refusals;
}

TEST(BudgetScript, AfterTheBurstAdmitsOnePerInterval) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  insightd::redis::register_budget_script(*connection);
  const auto options = budget_options(6000, 3);  // one per 10 ms
  constexpr int kAdmissions = 3 + 40;

  milliseconds longest_wait{0};
  const auto before = now_us(io, *connection);
  const int refusals =
      run_until_done(io, take_in_turn(connection.get(), options, kAdmissions, &longest_wait));
  const auto elapsed_us = now_us(io, *connection) - before;

  // GCRA's bound: the n-th admission after the burst comes n intervals after the first.
  EXPECT_GE(elapsed_us, (kAdmissions - 3) * 10000);
  // Never told to wait longer than one interval, and a caller that waits as told is admitted.
  EXPECT_LE(longest_wait, 10ms);
  EXPECT_GE(refusals, 1);
  EXPECT_LE(refusals, kAdmissions - 3);
}

// Many admissions in one call, each as a single take would make it.
TEST(BudgetScript, TakeManyAdmitsWhatTheBurstAllowsAndSaysWhenTheNextMayGo) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  insightd::redis::register_budget_script(*connection);
  const auto options = budget_options(1, 5);  // one a minute, bursts of five

  const auto before = now_us(io, *connection);
  auto first = run_until_done(io, insightd::redis::budget_take_many(*connection, options, 3));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->granted, 3u);
  EXPECT_EQ(first->next_in, 0ms) << "two more fit in the burst";
  auto second = run_until_done(io, insightd::redis::budget_take_many(*connection, options, 8));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->granted, 2u) << "the rest of the burst, not more";
  const auto elapsed_ms = (now_us(io, *connection) - before) / 1000;
  EXPECT_LE(second->next_in, 60000ms);
  EXPECT_GE(second->next_in.count(), 60000 - elapsed_ms - 1);
  // A single take agrees: nothing until the interval has passed.
  EXPECT_GT(take(io, *connection, options), 59000ms);
}

TEST(BudgetScript, AHoldPushesTheNextAdmissionAndNeverPullsItBack) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  insightd::redis::register_budget_script(*connection);
  const auto options = budget_options(60000, 10);  // one per ms: no wait but for the hold

  EXPECT_EQ(take(io, *connection, options), 0ms);
  const auto before = now_us(io, *connection);
  auto held = run_until_done(io, budget_hold(*connection, options, 30s));
  ASSERT_TRUE(held) << held.error().message;
  auto shorter = run_until_done(io, budget_hold(*connection, options, 5s));
  ASSERT_TRUE(shorter) << shorter.error().message;
  const auto wait = take(io, *connection, options);
  const auto elapsed_ms = (now_us(io, *connection) - before) / 1000;
  EXPECT_LE(wait, 30000ms);
  EXPECT_GE(wait.count(), 30000 - elapsed_ms - 1) << "the 5 s hold pulled the 30 s one back";
}

TEST(RedisBudget, ThreeDaemonsOnThreeConnectionsShareOneBudget) {
  RedisServer server;
  asio::io_context io(1);
  const auto options = budget_options(3000, 4);  // one per 20 ms, bursts of four
  constexpr int kPerDaemon = 15;
  const auto run = three_daemons_admit(io, server, options, kPerDaemon);
  ASSERT_TRUE(run.all_admitted);

  // All three together stayed within one budget: 41 intervals after the burst.
  EXPECT_GE(run.elapsed_us, (3 * kPerDaemon - 4) * 20000);
  const auto calls = run.script_calls;
  // One pump per daemon asks the script and sleeps what it says: each slot
  // is contended by the three pumps (about 3.3 calls per admission seen), so
  // at most a couple of refusals per daemon per admission; a poll, or each
  // waiter asking for itself, would make thousands.
  constexpr std::uint64_t kAdmissions = 3 * kPerDaemon;
  EXPECT_GE(calls, kAdmissions);
  EXPECT_LE(calls, kAdmissions + 3 * 2 * kAdmissions) << "script calls";
}

// A daemon's fetches waiting together are admitted in one round trip, not
// one round trip each (which held one daemon below SQLite's pages/s).
TEST(RedisBudget, WaitersOfOneDaemonAreAdmittedTogether) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  RedisBudget budget(io.get_executor(), connection, budget_options(60000, 10));
  int admitted = 0;
  for (int i = 0; i < 8; ++i) asio::co_spawn(io, acquire_into(&budget, &admitted), asio::detached);
  ASSERT_TRUE(run_until(io, [&] { return admitted == 8; }));
  EXPECT_EQ(budget.failures(), 0u);
  // The first waiter starts the pump at once; the seven that queued during
  // that round trip are admitted together by the next call.
  EXPECT_EQ(budget.script_calls(), 2u);
  EXPECT_EQ(budget.waiting(), 0u);
}

TEST(RedisBudget, ARetryAfterSeenByOneDaemonHoldsTheOthers) {
  RedisServer server;
  asio::io_context io(1);
  const auto options = budget_options(60000, 10);  // nothing waits but for the hold
  auto first_connection = connect(io, server);
  auto second_connection = connect(io, server);
  RedisBudget first(io.get_executor(), first_connection, options);
  RedisBudget second(io.get_executor(), second_connection, options);
  run_until_done(io, second.acquire());
  EXPECT_EQ(second.script_calls(), 1u) << "admitted at the first call";

  const auto before = now_us(io, *second_connection);
  ASSERT_TRUE(run_until_done(io, first.hold_shared(1000ms)));
  run_until_done(io, second.acquire());
  const auto elapsed_us = now_us(io, *second_connection) - before;
  EXPECT_GE(elapsed_us, 1000000) << "the other daemon was not held";
  EXPECT_GE(second.script_calls(), 3u) << "it was told to wait, then admitted";
}

TEST(RedisBudget, OnRateLimitedHoldsThisDaemonAtOnceAndPushesTheSharedHold) {
  RedisServer server;
  asio::io_context io(1);
  const auto options = budget_options(60000, 10);
  auto connection = connect(io, server);
  RedisBudget budget(io.get_executor(), connection, options);

  const auto before = now_us(io, *connection);
  budget.on_rate_limited(1s);
  // The push is queued on the connection before this take, so Redis runs it
  // first: any daemon asking now is told to wait for the hold.
  const auto shared_wait = take(io, *connection, options);
  const auto elapsed_ms = (now_us(io, *connection) - before) / 1000;
  EXPECT_LE(shared_wait, 1000ms);
  EXPECT_GE(shared_wait.count(), 1000 - elapsed_ms - 1) << "the hold did not reach Redis";

  // This daemon is held without asking: the script is not polled meanwhile.
  run_until_done(io, budget.acquire());
  EXPECT_GE(now_us(io, *connection) - before, 1000000);
  EXPECT_LE(budget.script_calls(), 2u);
}

TEST(RedisBudget, WhileRedisIsDownCallersWaitThenContinueWhenItIsBack) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  RedisBudget budget(io.get_executor(), connection, budget_options(60000, 10));
  run_until_done(io, budget.acquire());
  EXPECT_EQ(budget.script_calls(), 1u) << "admitted at the first call";

  server.stop();
  int admitted = 0;
  asio::co_spawn(io, acquire_into(&budget, &admitted), asio::detached);
  ASSERT_TRUE(run_until(io, [&] { return budget.failures() >= 3; }));
  EXPECT_EQ(admitted, 0) << "admitted without Redis";
  EXPECT_EQ(budget.waiting(), 1u);

  server.start();
  ASSERT_TRUE(run_until(io, [&] { return admitted == 1; })) << "did not continue after Redis came back";
  EXPECT_EQ(budget.waiting(), 0u);
  // Backoff, not a spin: a loop without it would fail millions of times.
  EXPECT_LT(budget.failures(), 1000u);
}

TEST(RedisBudget, DestroyingTheBudgetCancelsItsWaiters) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  auto budget = std::make_unique<RedisBudget>(io.get_executor(), connection, budget_options(1, 1));
  run_until_done(io, budget->acquire());
  EXPECT_EQ(budget->script_calls(), 1u) << "admitted at the first call";
  std::exception_ptr error;
  bool done = false;
  asio::co_spawn(io, budget->acquire(), [&](std::exception_ptr e, milliseconds) {
    error = e;
    done = true;
  });
  ASSERT_TRUE(run_until(io, [&] { return budget->script_calls() >= 2; }));  // told to wait a minute
  budget.reset();
  ASSERT_TRUE(run_until(io, [&] { return done; }));
  ASSERT_TRUE(error);
  EXPECT_THROW(std::rethrow_exception(error), std::system_error);
}

TEST(RedisBudget, CancelEndsItsWaitersAtOnceAndRefusesLaterCalls) {
  RedisServer server;
  asio::io_context io(1);
  auto connection = connect(io, server);
  RedisBudget budget(io.get_executor(), connection, budget_options(1, 1));
  run_until_done(io, budget.acquire());
  std::exception_ptr error;
  bool done = false;
  asio::co_spawn(io, budget.acquire(), [&](std::exception_ptr e, milliseconds) {
    error = e;
    done = true;
  });
  ASSERT_TRUE(run_until(io, [&] { return budget.script_calls() >= 2; }));  // told to wait a minute
  budget.cancel();
  ASSERT_TRUE(run_until(io, [&] { return done; }));
  ASSERT_TRUE(error);
  EXPECT_THROW(std::rethrow_exception(error), std::system_error);
  EXPECT_THROW(run_until_done(io, budget.acquire()), std::system_error);
  EXPECT_EQ(budget.script_calls(), 2u) << "a cancelled budget asks Redis nothing more";
}

}  // namespace
