// SPDX-License-Identifier: Apache-2.0
#include "insightd/governance/freshness.hpp"

#include <gtest/gtest.h>

using namespace insightd::governance;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

system_clock::time_point utc(int y, unsigned mo, unsigned d, int h, int mi, int s, milliseconds ms = 0ms) {
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + ms;
}

}  // namespace

TEST(Freshness, StaleOnlyWhenOlderThanMaxAge) {
  const auto now = utc(2026, 11, 24, 12, 0, 0);
  EXPECT_EQ(classify_freshness("2026-11-23T12:00:00Z", now, 24h), Freshness::fresh);  // exactly max_age
  EXPECT_EQ(classify_freshness("2026-11-23T11:59:59.999Z", now, 24h), Freshness::stale);
  EXPECT_EQ(classify_freshness("2026-11-24T11:00:00Z", now, 24h), Freshness::fresh);
  EXPECT_EQ(classify_freshness("2026-11-24T11:00:00Z", now, 30min), Freshness::stale);
}

TEST(Freshness, JudgesTheInstantNotTheWallClockDigits) {
  const auto now = utc(2026, 11, 24, 12, 0, 0);
  // 13:30+02:00 is 11:30Z: fresh within an hour although "13:30" is ahead of now.
  EXPECT_EQ(classify_freshness("2026-11-24T13:30:00+02:00", now, 1h), Freshness::fresh);
  // 06:30-05:00 is 11:30Z.
  EXPECT_EQ(classify_freshness("2026-11-24T06:30:00-05:00", now, 1h), Freshness::fresh);
  // 12:30+02:00 is 10:30Z: stale for a one hour max_age.
  EXPECT_EQ(classify_freshness("2026-11-24T12:30:00+02:00", now, 1h), Freshness::stale);
}

TEST(Freshness, FutureBeyondFiveMinutesIsMalformed) {
  const auto now = utc(2026, 11, 24, 12, 0, 0);
  EXPECT_EQ(classify_freshness("2026-11-24T12:05:00Z", now, 24h), Freshness::fresh);  // skew allowed
  EXPECT_EQ(classify_freshness("2026-11-24T12:05:00.001Z", now, 24h), Freshness::malformed);
  EXPECT_EQ(classify_freshness("2026-11-24T14:04:00+02:00", now, 24h), Freshness::fresh);      // 12:04Z
  EXPECT_EQ(classify_freshness("2026-11-24T14:06:00+02:00", now, 24h), Freshness::malformed);  // 12:06Z
  EXPECT_EQ(classify_freshness("2027-01-01T00:00:00Z", now, 24h), Freshness::malformed);
}

TEST(Freshness, UnparsableIsMalformed) {
  const auto now = utc(2026, 11, 24, 12, 0, 0);
  EXPECT_EQ(classify_freshness("", now, 24h), Freshness::malformed);
  EXPECT_EQ(classify_freshness("yesterday", now, 24h), Freshness::malformed);
}
