#include "insightd/queue/interaction_id.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

using insightd::queue::valid_interaction_id;

TEST(QueueInteractionId, AcceptsTypicalIds) {
  EXPECT_TRUE(valid_interaction_id("3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"));
  EXPECT_TRUE(valid_interaction_id("a"));
  EXPECT_TRUE(valid_interaction_id(std::string(128, 'x')));
  EXPECT_TRUE(valid_interaction_id("!~#$%&()*+,./:;<=>?@[]^_`{|}"));
}

TEST(QueueInteractionId, RejectsEmptyTooLongWhitespaceAndNonPrintable) {
  std::string why;
  EXPECT_FALSE(valid_interaction_id("", &why));
  EXPECT_EQ(why, "empty interaction ID");

  EXPECT_FALSE(valid_interaction_id(std::string(129, 'x'), &why));
  EXPECT_EQ(why, "interaction ID is 129 characters long (at most 128)");

  EXPECT_FALSE(valid_interaction_id("abc def", &why));
  EXPECT_EQ(why, "interaction ID contains whitespace at character 4");
  EXPECT_FALSE(valid_interaction_id("abc\t", &why));
  EXPECT_EQ(why, "interaction ID contains whitespace at character 4");

  EXPECT_FALSE(valid_interaction_id(std::string("a\0b", 3), &why));
  EXPECT_EQ(why, "interaction ID contains a non-printable or non-ASCII byte at character 2");
  EXPECT_FALSE(valid_interaction_id("caf\xc3\xa9", &why));
  EXPECT_EQ(why, "interaction ID contains a non-printable or non-ASCII byte at character 4");
  EXPECT_FALSE(valid_interaction_id("\x7f"));
}

TEST(QueueInteractionId, ReasonNeverRepeatsTheId) {
  std::string why;
  EXPECT_FALSE(valid_interaction_id("jane.doe@example.com 555-0100", &why));
  EXPECT_EQ(why.find("jane"), std::string::npos);
}

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

TEST(QueueCollectInteractionIds, ReadsStdinLinesForDashSkippingBlankLinesAndCarriageReturns) {
  std::istringstream in("one\r\n\ntwo words\nthree\n");
  auto list = insightd::queue::collect_interaction_ids({"first", "-"}, in);
  EXPECT_EQ(list.ids, (std::vector<std::string>{"first", "one", "three"}));
  ASSERT_EQ(list.rejected.size(), 1u);
  EXPECT_EQ(list.rejected[0].where, "stdin line 3");
}
