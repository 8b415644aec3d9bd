// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <system_error>
#include <vector>

#include "run_coroutine.hpp"
#include "virtual_clock.hpp"

namespace insightd::genesys {
namespace {
using namespace std::chrono_literals;
namespace asio = boost::asio;
using time_point = TokenBucket::time_point;

const time_point t0 = time_point{} + 1000s;

TEST(TokenBucket, StartsFullWithTheBurstAndNoMore) {
  auto bucket = TokenBucket::per_minute(60, 3, t0);
  EXPECT_TRUE(bucket.try_take(t0));
  EXPECT_TRUE(bucket.try_take(t0));
  EXPECT_TRUE(bucket.try_take(t0));
  EXPECT_FALSE(bucket.try_take(t0));
}

TEST(TokenBucket, RefillsRequestsPerMinuteOverSixtyInFractions) {
  auto bucket = TokenBucket::per_minute(60, 1, t0);  // 1 token per second
  ASSERT_TRUE(bucket.try_take(t0));
  EXPECT_DOUBLE_EQ(bucket.available(t0 + 500ms), 0.5);
  EXPECT_FALSE(bucket.try_take(t0 + 500ms));
  EXPECT_EQ(bucket.next_available(t0 + 500ms), t0 + 1s);
  EXPECT_TRUE(bucket.try_take(t0 + 1s));
  EXPECT_FALSE(bucket.try_take(t0 + 1s));
}

TEST(TokenBucket, NeverHoldsMoreThanTheBurst) {
  auto bucket = TokenBucket::per_minute(300, 10, t0);  // 5 tokens per second
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(bucket.try_take(t0));
  EXPECT_DOUBLE_EQ(bucket.available(t0 + 1s), 5.0);
  EXPECT_DOUBLE_EQ(bucket.available(t0 + 1h), 10.0);
}

TEST(TokenBucket, PenaltyEmptiesTheBucketAndBlocksUntilItEnds) {
  auto bucket = TokenBucket::per_minute(60, 5, t0);
  bucket.penalize(t0 + 10s);
  EXPECT_DOUBLE_EQ(bucket.available(t0), 0.0);
  EXPECT_FALSE(bucket.try_take(t0 + 9999ms));
  EXPECT_DOUBLE_EQ(bucket.available(t0 + 10s), 0.0);  // refilling starts when the penalty ends
  EXPECT_EQ(bucket.next_available(t0), t0 + 11s);
  EXPECT_FALSE(bucket.try_take(t0 + 10500ms));
  EXPECT_TRUE(bucket.try_take(t0 + 11s));
}

TEST(TokenBucket, AShorterPenaltyDoesNotShortenALongerOne) {
  auto bucket = TokenBucket::per_minute(60, 5, t0);
  bucket.penalize(t0 + 10s);
  bucket.penalize(t0 + 2s);
  EXPECT_EQ(bucket.blocked_until(), t0 + 10s);
}

TEST(RateLimiter, GrantsAtOnceWhileTokensLast) {
  asio::io_context ctx(1);
  RateLimiter limiter(ctx.get_executor(), 60, 2);
  EXPECT_EQ(testing::run_to_completion(ctx, limiter.acquire()), 0ms);
  EXPECT_EQ(testing::run_to_completion(ctx, limiter.acquire()), 0ms);
}

asio::awaitable<void> acquire_and_record(RateLimiter& limiter, int index, std::vector<int>& order) {
  co_await limiter.acquire();
  order.push_back(index);
}

TEST(RateLimiter, ServesWaitersInArrivalOrder) {
  asio::io_context ctx(1);
  testing::VirtualLimiterClock clock;
  RateLimiter limiter(ctx.get_executor(), 6000, 1, clock);  // one token every 10 ms
  std::vector<int> order;
  for (int i = 0; i < 6; ++i) asio::co_spawn(ctx, acquire_and_record(limiter, i, order), asio::detached);
  test::run_until_idle(ctx);
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(limiter.waiting(), 0u);
}

asio::awaitable<void> acquire_and_stamp(RateLimiter& limiter, const LimiterClock* clock,
                                        std::vector<time_point>& out) {
  co_await limiter.acquire();
  out.push_back(clock->now());
}

// On the virtual clock: the pause is measured, not waited.
TEST(RateLimiter, RateLimitedPausesEveryWaiterUntilRetryAfter) {
  asio::io_context ctx(1);
  testing::VirtualLimiterClock clock;
  RateLimiter limiter(ctx.get_executor(), 60000, 10, clock);
  const auto start = clock.now();
  limiter.on_rate_limited(1s);
  std::vector<time_point> granted;
  for (int i = 0; i < 3; ++i) {
    asio::co_spawn(ctx, acquire_and_stamp(limiter, &clock, granted), asio::detached);
  }
  test::run_until_idle(ctx);
  ASSERT_EQ(granted.size(), 3u);
  for (auto when : granted) EXPECT_GE(when - start, 1s);
}

TEST(RateLimiter, AcquireReportsTheTimeWaitedOnItsClock) {
  asio::io_context ctx(1);
  testing::VirtualLimiterClock clock;
  RateLimiter limiter(ctx.get_executor(), 60, 1, clock);  // one token a second
  const auto start = clock.now();
  EXPECT_EQ(testing::run_to_completion(ctx, limiter.acquire()), 0ms);
  EXPECT_EQ(testing::run_to_completion(ctx, limiter.acquire()), 1000ms);  // the refill of one token
  limiter.on_rate_limited(30s);
  EXPECT_EQ(testing::run_to_completion(ctx, limiter.acquire()), 31000ms);  // the pause, then one refill
  EXPECT_EQ(clock.now() - start, 32s);
  EXPECT_EQ(limiter.waiting(), 0u);
}

asio::awaitable<void> acquire_or_note_cancel(RateLimiter& limiter, int& granted, int& cancelled) {
  try {
    co_await limiter.acquire();
    ++granted;
  } catch (const std::system_error& e) {
    if (e.code() == std::errc::operation_canceled) ++cancelled;
  }
}

asio::awaitable<void> cancel_when_queued(RateLimiter& limiter, std::size_t queued) {
  const auto ex = co_await asio::this_coro::executor;
  while (limiter.waiting() < queued) co_await asio::post(ex, asio::use_awaitable);
  limiter.cancel();
}

TEST(RateLimiter, CancelEndsEveryWaiterAtOnceAndRefusesLaterOnes) {
  asio::io_context ctx(1);
  RateLimiter limiter(ctx.get_executor(), 1, 1);  // the next token in a minute
  int granted = 0;
  int cancelled = 0;
  for (int i = 0; i < 3; ++i)
    asio::co_spawn(ctx, acquire_or_note_cancel(limiter, granted, cancelled), asio::detached);
  asio::co_spawn(ctx, cancel_when_queued(limiter, 2), asio::detached);
  ctx.run();              // returns at once: neither the waiters nor the pump wait out the minute
  EXPECT_EQ(granted, 1);  // the burst
  EXPECT_EQ(cancelled, 2);
  EXPECT_EQ(limiter.waiting(), 0u);

  ctx.restart();
  asio::co_spawn(ctx, acquire_or_note_cancel(limiter, granted, cancelled), asio::detached);
  ctx.run();
  EXPECT_EQ(cancelled, 3);
}

}  // namespace
}  // namespace insightd::genesys
