// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "insightd/config/loader.hpp"

namespace insightd {
namespace {

TEST(ParseDuration, AcceptsEveryUnit) {
  EXPECT_EQ(parse_duration("250ms"), Duration{250});
  EXPECT_EQ(parse_duration("10s"), Duration{10'000});
  EXPECT_EQ(parse_duration("5m"), Duration{300'000});
  EXPECT_EQ(parse_duration("24h"), Duration{86'400'000});
  EXPECT_EQ(parse_duration("0s"), Duration{0});
}

TEST(ParseDuration, RejectsMissingOrUnknownUnits) {
  EXPECT_EQ(parse_duration("10"), std::nullopt);
  EXPECT_EQ(parse_duration("10d"), std::nullopt);
  EXPECT_EQ(parse_duration("10 s"), std::nullopt);
  EXPECT_EQ(parse_duration("10S"), std::nullopt);
  EXPECT_EQ(parse_duration("s"), std::nullopt);
  EXPECT_EQ(parse_duration(""), std::nullopt);
}

TEST(ParseDuration, RejectsNegativeFractionalAndOverflowingValues) {
  EXPECT_EQ(parse_duration("-5s"), std::nullopt);
  EXPECT_EQ(parse_duration("1.5s"), std::nullopt);
  EXPECT_EQ(parse_duration("99999999999999999h"), std::nullopt);
  EXPECT_EQ(parse_duration("99999999999999999999ms"), std::nullopt);
}

}  // namespace
}  // namespace insightd
