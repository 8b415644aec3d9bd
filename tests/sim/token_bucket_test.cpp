// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/token_bucket.hpp"

#include <gtest/gtest.h>

#include "insightd/sim/token_store.hpp"

using namespace insightd::sim;
using namespace std::chrono_literals;

TEST(SimTokenBucket, AllowsTheBurstThenAsksToWaitUntilATokenIsBack) {
  const auto t0 = std::chrono::steady_clock::time_point(1000h);
  TokenBucket bucket(60, 3, t0);  // one token a second
  EXPECT_FALSE(bucket.try_take(t0));
  EXPECT_FALSE(bucket.try_take(t0));
  EXPECT_FALSE(bucket.try_take(t0));
  EXPECT_EQ(bucket.try_take(t0), 1s);
  EXPECT_EQ(bucket.try_take(t0 + 500ms), 1s);  // half a token: rounds up, never 0
  EXPECT_FALSE(bucket.try_take(t0 + 1s));
  EXPECT_EQ(bucket.try_take(t0 + 1s), 1s);
}

TEST(SimTokenBucket, RetryAfterIsTheWholeSecondsToTheNextToken) {
  const auto t0 = std::chrono::steady_clock::time_point(1000h);
  TokenBucket bucket(6, 1, t0);  // one token every 10 s
  EXPECT_FALSE(bucket.try_take(t0));
  EXPECT_EQ(bucket.try_take(t0), 10s);
  EXPECT_EQ(bucket.try_take(t0 + 2500ms), 8s);
  EXPECT_FALSE(bucket.try_take(t0 + 10s));
}

TEST(SimTokenBucket, ZeroRateMeansUnlimited) {
  const auto t0 = std::chrono::steady_clock::time_point(1000h);
  TokenBucket bucket(0, 1, t0);
  for (int i = 0; i < 1000; ++i) ASSERT_FALSE(bucket.try_take(t0));
}

TEST(SimTokenStore, TokensExpireAndCanBeRevoked) {
  const auto t0 = std::chrono::steady_clock::time_point(1000h);
  TokenStore store;
  auto a = store.issue(t0, 60s);
  auto b = store.issue(t0, 600s);
  EXPECT_NE(a, b);
  EXPECT_TRUE(store.valid(a, t0 + 59s));
  EXPECT_FALSE(store.valid(a, t0 + 60s));
  EXPECT_FALSE(store.valid("unknown", t0));
  store.revoke(b);
  EXPECT_FALSE(store.valid(b, t0));
}
