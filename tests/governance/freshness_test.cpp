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

TEST(ParseRfc3339, ReadsUtcWithFraction) {
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21.123Z"), utc(2026, 11, 24, 0, 49, 21, 123ms));
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21Z"), utc(2026, 11, 24, 0, 49, 21));
  EXPECT_EQ(parse_rfc3339("2026-11-24t00:49:21z"), utc(2026, 11, 24, 0, 49, 21));
  EXPECT_EQ(parse_rfc3339("2026-11-24 00:49:21Z"), utc(2026, 11, 24, 0, 49, 21));
  const auto nanos = parse_rfc3339("2026-11-24T00:49:21.123456789Z");
  ASSERT_TRUE(nanos);
  EXPECT_EQ(*nanos - utc(2026, 11, 24, 0, 49, 21), nanoseconds(123456789));
}

TEST(ParseRfc3339, AppliesOffsetsInEveryForm) {
  const auto expected = utc(2026, 11, 23, 22, 49, 21);
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21+02:00"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21+0200"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21+02"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-23T17:19:21-05:30"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-23T22:49:21-00:00"), expected);
}

TEST(ParseRfc3339, CrossesDayYearAndLeapDayBoundaries) {
  EXPECT_EQ(parse_rfc3339("2027-01-01T01:00:00+02:00"), utc(2026, 12, 31, 23, 0, 0));
  EXPECT_EQ(parse_rfc3339("2028-02-29T12:00:00Z"), utc(2028, 2, 29, 12, 0, 0));
  EXPECT_EQ(parse_rfc3339("2016-12-31T23:59:60Z"), utc(2016, 12, 31, 23, 59, 59));  // leap second
}

TEST(ParseRfc3339, RejectsWhatIsNotADateTime) {
  for (const char* bad : {"",
                          "not a date",
                          "2026-11-24",
                          "2026-11-24T00:49:21",
                          "2026-11-24T00:49Z",
                          "2026-13-01T00:00:00Z",
                          "2026-02-30T00:00:00Z",
                          "2027-02-29T00:00:00Z",
                          "2026-11-24T24:00:00Z",
                          "2026-11-24T23:60:00Z",
                          "2026-11-24T23:59:61Z",
                          "2026-11-24T00:49:21.Z",
                          "2026-11-24T00:49:21+24:00",
                          "2026-11-24T00:49:21+02:60",
                          "2026-11-24T00:49:21Z ",
                          " 2026-11-24T00:49:21Z",
                          "2026-11-24T00:49:21+2:00",
                          "26-11-24T00:49:21Z",
                          "2026/11/24T00:49:21Z",
                          "2026-11-24T00:49:21\xff"}) {
    EXPECT_EQ(parse_rfc3339(bad), std::nullopt) << bad;
  }
}

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
