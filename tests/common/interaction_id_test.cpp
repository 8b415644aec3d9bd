// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/interaction_id.hpp"

#include <gtest/gtest.h>

#include <string>

using insightd::valid_interaction_id;

namespace {
// Why `id` is refused, or "" when it is accepted.
std::string reason(std::string_view id) {
  auto valid = valid_interaction_id(id);
  return valid ? std::string() : valid.error().message;
}
}  // namespace

TEST(InteractionId, AcceptsTypicalIds) {
  EXPECT_TRUE(valid_interaction_id("3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b"));
  EXPECT_TRUE(valid_interaction_id("a"));
  EXPECT_TRUE(valid_interaction_id(std::string(128, 'x')));
  EXPECT_TRUE(valid_interaction_id("!~#$%&()*+,./:;<=>?@[]^_`{|}"));
}

TEST(InteractionId, RejectsEmptyTooLongWhitespaceAndNonPrintable) {
  EXPECT_FALSE(valid_interaction_id(""));
  EXPECT_EQ(reason(""), "empty interaction ID");

  EXPECT_FALSE(valid_interaction_id(std::string(129, 'x')));
  EXPECT_EQ(reason(std::string(129, 'x')), "interaction ID is 129 characters long (at most 128)");

  EXPECT_FALSE(valid_interaction_id("abc def"));
  EXPECT_EQ(reason("abc def"), "interaction ID contains whitespace at character 4");
  EXPECT_FALSE(valid_interaction_id("abc\t"));
  EXPECT_EQ(reason("abc\t"), "interaction ID contains whitespace at character 4");

  EXPECT_FALSE(valid_interaction_id(std::string("a\0b", 3)));
  EXPECT_EQ(reason(std::string("a\0b", 3)),
            "interaction ID contains a non-printable or non-ASCII byte at character 2");
  EXPECT_FALSE(valid_interaction_id("caf\xc3\xa9"));
  EXPECT_EQ(reason("caf\xc3\xa9"),
            "interaction ID contains a non-printable or non-ASCII byte at character 4");
  EXPECT_FALSE(valid_interaction_id("\x7f"));
}

TEST(InteractionId, ReasonNeverRepeatsTheId) {
  EXPECT_FALSE(valid_interaction_id("jane.doe@example.com 555-0100"));
  EXPECT_EQ(reason("jane.doe@example.com 555-0100").find("jane"), std::string::npos);
}
