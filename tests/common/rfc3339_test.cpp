// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/rfc3339.hpp"

#include <gtest/gtest.h>

namespace insightd {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

system_clock::time_point utc(int y, unsigned mo, unsigned d, int h, int mi, int s, milliseconds ms = 0ms) {
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} + ms;
}

TEST(ParseRfc3339, ReadsUtcWithFraction) {
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21.123Z"), utc(2026, 11, 24, 0, 49, 21, 123ms));
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21Z"), utc(2026, 11, 24, 0, 49, 21));
  EXPECT_EQ(parse_rfc3339("2026-11-24t00:49:21z"), utc(2026, 11, 24, 0, 49, 21));
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21z"), utc(2026, 11, 24, 0, 49, 21));
  const auto nanos = parse_rfc3339("2026-11-24T00:49:21.123456789Z");
  ASSERT_TRUE(nanos);
  EXPECT_EQ(*nanos - utc(2026, 11, 24, 0, 49, 21), nanoseconds(123456789));
}

TEST(ParseRfc3339, ReadsFractionsOfAnyLength) {
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21.1Z"), utc(2026, 11, 24, 0, 49, 21, 100ms));
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21.12Z"), utc(2026, 11, 24, 0, 49, 21, 120ms));
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21.000Z"), utc(2026, 11, 24, 0, 49, 21));
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21.123456Z"), utc(2026, 11, 24, 0, 49, 21) + 123456us);
  // Beyond nanoseconds the digits are read and dropped.
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21.1234567891234+01:00"),
            utc(2026, 11, 23, 23, 49, 21) + 123456789ns);
}

TEST(ParseRfc3339, AppliesOffsetsInEveryForm) {
  const auto expected = utc(2026, 11, 23, 22, 49, 21);
  EXPECT_EQ(parse_rfc3339("2026-11-24T00:49:21+02:00"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-23T17:19:21-05:30"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-23T22:49:21-00:00"), expected);  // offset unknown: UTC
  EXPECT_EQ(parse_rfc3339("2026-11-23T22:49:21+00:00"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-24T12:34:21+13:45"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-23T09:04:21-13:45"), expected);
  EXPECT_EQ(parse_rfc3339("2026-11-24T22:48:21+23:59"), expected);
}

TEST(ParseRfc3339, CrossesDayYearAndLeapDayBoundaries) {
  EXPECT_EQ(parse_rfc3339("2027-01-01T01:00:00+02:00"), utc(2026, 12, 31, 23, 0, 0));
  EXPECT_EQ(parse_rfc3339("2026-12-31T23:30:00-01:00"), utc(2027, 1, 1, 0, 30, 0));
  EXPECT_EQ(parse_rfc3339("2028-02-29T12:00:00Z"), utc(2028, 2, 29, 12, 0, 0));
  EXPECT_EQ(parse_rfc3339("2000-02-29T00:00:00Z"), utc(2000, 2, 29, 0, 0, 0));  // divisible by 400
  EXPECT_EQ(parse_rfc3339("2024-03-01T00:30:00+01:00"), utc(2024, 2, 29, 23, 30, 0));
  EXPECT_EQ(parse_rfc3339("2016-12-31T23:59:60Z"), utc(2016, 12, 31, 23, 59, 59));  // leap second
}

TEST(ParseRfc3339, ALeapSecondOnlyAtTheEndOfAUtcMonth) {
  EXPECT_EQ(parse_rfc3339("2015-06-30T23:59:60.5Z"), utc(2015, 6, 30, 23, 59, 59, 500ms));
  // The same instant seen from other zones.
  EXPECT_EQ(parse_rfc3339("2017-01-01T01:59:60+02:00"), utc(2016, 12, 31, 23, 59, 59));
  EXPECT_EQ(parse_rfc3339("2016-12-31T18:59:60-05:00"), utc(2016, 12, 31, 23, 59, 59));
  for (const char* bad : {"2026-11-24T12:00:60Z", "2016-12-31T23:58:60Z", "2016-12-30T23:59:60Z",
                          "2016-12-31T23:59:60+02:00", "2017-01-01T01:59:60Z"}) {
    EXPECT_EQ(parse_rfc3339(bad), std::nullopt) << bad;
  }
}

// Found by fuzz_copilot_summaries: the leap-second check converted the
// minute to the clock's nanoseconds, which overflows (a UBSan report in the
// sanitized suite) for a year the clock cannot hold.
TEST(ParseRfc3339, ALeapSecondOutsideTheClocksYearsIsRejectedWithoutOverflow) {
  for (const char* far : {"1012-05-01T10:05:60Z", "1012-05-31T23:59:60Z", "9999-12-31T23:59:60Z",
                          "0000-01-31T23:59:60-23:59"}) {
    EXPECT_EQ(parse_rfc3339(far), std::nullopt) << far;
  }
}

TEST(ParseRfc3339, RejectsWhatIsNotADateTime) {
  for (const char* bad : {"",
                          "not a date",
                          "2026-11-24",
                          "2026-11-24T00:49:21",
                          "2026-11-24T00:49Z",
                          "2026-13-01T00:00:00Z",
                          "2026-00-01T00:00:00Z",
                          "2026-01-00T00:00:00Z",
                          "2026-02-30T00:00:00Z",
                          "2024-02-31T00:00:00Z",
                          "2026-04-31T00:00:00Z",
                          "2027-02-29T00:00:00Z",
                          "1900-02-29T00:00:00Z",  // divisible by 100, not by 400
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
                          "2026-11-24T00:49:21\xff",
                          "9999-12-31T23:59:59Z",  // beyond system_clock
                          "0001-01-01T00:00:00Z"}) {
    EXPECT_EQ(parse_rfc3339(bad), std::nullopt) << bad;
  }
}

// What other parsers accept but RFC 3339's grammar does not.
TEST(ParseRfc3339, RejectsNearMisses) {
  for (const char* bad :
       {"2026-11-24 00:49:21Z",      // space separator: only an application's choice
        "2026-11-24T00:49:21+0200",  // offset without a colon
        "2026-11-24T00:49:21+02",    // offset without minutes
        "2026-11-24T00:49:21+02:0",  // one minute digit
        "2026-11-24T00:49:21 +02:00", "2026-11-24T00:49:21UTC", "2026-11-24T0:49:21Z",
        "2026-11-24T00:49:21,5Z",  // ISO 8601 decimal comma
        "2026-1-24T00:49:21Z", "+2026-11-24T00:49:21Z", "2026-11-24T00:49:21Zz", "2026-11-24T00:49:21.123"}) {
    EXPECT_EQ(parse_rfc3339(bad), std::nullopt) << bad;
  }
}

TEST(FormatRfc3339, UtcWithMilliseconds) {
  EXPECT_EQ(format_rfc3339(sys_days{1970y / 1 / 1}), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_rfc3339(sys_days{2024y / 2 / 29} + 23h + 59min + 59s + 999ms + 999us),
            "2024-02-29T23:59:59.999Z");
  EXPECT_EQ(format_rfc3339(system_clock::time_point(milliseconds(1445412480123))),
            "2015-10-21T07:28:00.123Z");
  EXPECT_EQ(format_rfc3339(sys_days{1969y / 12 / 31} + 23h + 59min + 59s + 999ms + 1us),
            "1969-12-31T23:59:59.999Z");  // before the epoch: still toward the past
}

TEST(FormatRfc3339, FromUnixMilliseconds) {
  EXPECT_EQ(format_rfc3339_unix_ms(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_rfc3339_unix_ms(1'764'475'200'123), "2025-11-30T04:00:00.123Z");
  EXPECT_EQ(format_rfc3339_unix_ms(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Rfc3339, RoundTrips) {
  for (const auto t :
       {utc(1970, 1, 1, 0, 0, 0), utc(2024, 2, 29, 23, 59, 59, 999ms), utc(2026, 12, 31, 0, 0, 1, 7ms),
        utc(1999, 12, 31, 23, 59, 59, 500ms), utc(2096, 2, 29, 12, 0, 0)}) {
    EXPECT_EQ(parse_rfc3339(format_rfc3339(t)), t) << format_rfc3339(t);
  }
  for (const char* text :
       {"2026-11-24T00:49:21.123Z", "2028-02-29T00:00:00.000Z", "1970-01-01T00:00:00.001Z"}) {
    const auto t = parse_rfc3339(text);
    ASSERT_TRUE(t) << text;
    EXPECT_EQ(format_rfc3339(*t), text);
  }
  // Another offset and a longer fraction come back as UTC milliseconds.
  EXPECT_EQ(format_rfc3339(*parse_rfc3339("2026-11-24T00:49:21.123456+02:00")), "2026-11-23T22:49:21.123Z");
}

}  // namespace
}  // namespace insightd
