// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/circuit_breaker.hpp"

#include <gtest/gtest.h>

using namespace insightd::delivery;
using namespace std::chrono_literals;
using State = CircuitBreaker::State;

namespace {

const CircuitBreaker::Clock::time_point t0{};

TEST(CircuitBreaker, OpensAfterThresholdConsecutiveFailuresOnly) {
  CircuitBreaker b(3, 10s);
  EXPECT_FALSE(b.record_failure(t0));
  EXPECT_FALSE(b.record_failure(t0));
  EXPECT_FALSE(b.record_success());  // resets the streak
  EXPECT_FALSE(b.record_failure(t0));
  EXPECT_FALSE(b.record_failure(t0));
  EXPECT_EQ(b.state(t0), State::closed);
  EXPECT_TRUE(b.allow(t0));
  EXPECT_TRUE(b.record_failure(t0));  // third in a row: opens
  EXPECT_EQ(b.state(t0), State::open);
}

TEST(CircuitBreaker, NoRequestsWhileOpen) {
  CircuitBreaker b(1, 10s);
  b.record_failure(t0);
  EXPECT_FALSE(b.allow(t0));
  EXPECT_FALSE(b.allow(t0 + 9999ms));
  EXPECT_EQ(b.time_until_probe(t0 + 4s), 6s);
}

TEST(CircuitBreaker, HalfOpenAllowsExactlyOneProbe) {
  CircuitBreaker b(1, 10s);
  b.record_failure(t0);
  EXPECT_EQ(b.state(t0 + 10s), State::half_open);
  EXPECT_EQ(b.time_until_probe(t0 + 10s), 0s);
  EXPECT_TRUE(b.allow(t0 + 10s));
  EXPECT_FALSE(b.allow(t0 + 10s));
  EXPECT_FALSE(b.allow(t0 + 20s));
}

TEST(CircuitBreaker, ProbeSuccessCloses) {
  CircuitBreaker b(1, 10s);
  b.record_failure(t0);
  ASSERT_TRUE(b.allow(t0 + 10s));
  EXPECT_TRUE(b.record_success());
  EXPECT_EQ(b.state(t0 + 10s), State::closed);
  EXPECT_TRUE(b.allow(t0 + 10s));
  EXPECT_TRUE(b.allow(t0 + 10s));
}

TEST(CircuitBreaker, ProbeFailureReopensForAnotherCooldown) {
  CircuitBreaker b(1, 10s);
  b.record_failure(t0);
  ASSERT_TRUE(b.allow(t0 + 12s));
  EXPECT_FALSE(b.record_failure(t0 + 12s));  // still not closed: no transition to report
  EXPECT_EQ(b.state(t0 + 12s), State::open);
  EXPECT_FALSE(b.allow(t0 + 21s));
  EXPECT_TRUE(b.allow(t0 + 22s));
}

TEST(CircuitBreaker, CancelledProbeFreesTheSlot) {
  CircuitBreaker b(1, 10s);
  b.record_failure(t0);
  ASSERT_TRUE(b.allow(t0 + 10s));
  b.cancel();  // nothing was there to send
  EXPECT_TRUE(b.allow(t0 + 10s));
}

}  // namespace
