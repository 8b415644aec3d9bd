// SPDX-License-Identifier: Apache-2.0
#include "insightd/queue/interaction_id.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

TEST(QueueCollectInteractionIds, KeepsGoodArgumentsAndNamesTheBadOnesByPosition) {
  std::istringstream no_stdin;
  auto list = insightd::queue::collect_interaction_ids({"a", "has space", "b", ""}, no_stdin);
  EXPECT_EQ(list.ids, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(list.rejected.size(), 2u);
  EXPECT_EQ(list.rejected[0].where, "argument 2");
  EXPECT_EQ(list.rejected[0].reason, "interaction ID contains whitespace at character 4");
  EXPECT_EQ(list.rejected[1].where, "argument 4");
  EXPECT_EQ(list.rejected[1].reason, "empty interaction ID");
}

// The admin API gives the same reason for the same ID (tests/observability/admin_test.cpp).
TEST(QueueCollectInteractionIds, NamesTheFirstBadCharacterCountingFromOne) {
  std::istringstream in("has space\n\x7f" "del\n");
  auto list = insightd::queue::collect_interaction_ids({"-"}, in);
  EXPECT_TRUE(list.ids.empty());
  ASSERT_EQ(list.rejected.size(), 2u);
  EXPECT_EQ(list.rejected[0].where, "stdin line 1");
  EXPECT_EQ(list.rejected[0].reason, "interaction ID contains whitespace at character 4");
  EXPECT_EQ(list.rejected[1].where, "stdin line 2");
  EXPECT_EQ(list.rejected[1].reason,
            "interaction ID contains a non-printable or non-ASCII byte at character 1");
}

TEST(QueueCollectInteractionIds, ReadsStdinLinesForDashSkippingBlankLinesAndCarriageReturns) {
  std::istringstream in("one\r\n\ntwo words\nthree\n");
  auto list = insightd::queue::collect_interaction_ids({"first", "-"}, in);
  EXPECT_EQ(list.ids, (std::vector<std::string>{"first", "one", "three"}));
  ASSERT_EQ(list.rejected.size(), 1u);
  EXPECT_EQ(list.rejected[0].where, "stdin line 3");
}
