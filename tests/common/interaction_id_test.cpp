// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/interaction_id.hpp"

#include <gtest/gtest.h>

#include <string>

using insightd::valid_interaction_id;

TEST(InteractionId, AcceptsTypicalIds) {
  EXPECT_TRUE(valid_interaction_id("3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"));
  EXPECT_TRUE(valid_interaction_id("a"));
  EXPECT_TRUE(valid_interaction_id(std::string(128, 'x')));
  EXPECT_TRUE(valid_interaction_id("!~#$%&()*+,./:;<=>?@[]^_`{|}"));
}

TEST(InteractionId, RejectsEmptyTooLongWhitespaceAndNonPrintable) {
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

TEST(InteractionId, ReasonNeverRepeatsTheId) {
  std::string why;
  EXPECT_FALSE(valid_interaction_id("jane.doe@example.com 555-0100", &why));
  EXPECT_EQ(why.find("jane"), std::string::npos);
}
