// SPDX-License-Identifier: Apache-2.0
#include "insightd/governance/upstream_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

using insightd::governance::kMaxUpstreamText;
using insightd::governance::redact_upstream_text;
using insightd::governance::upstream_error_message;

namespace {

TEST(RedactUpstreamText, MasksEveryKindOfPii) {
  const auto out = redact_upstream_text(
      "Invalid contact jane.doe@example.com, +1 415 555 0199, card 4111 1111 1111 1111, ssn 123-45-6789");
  EXPECT_EQ(out, "Invalid contact [EMAIL], [PHONE], card [CARD], ssn [SSN]");
}

TEST(RedactUpstreamText, LeavesOrdinaryMessagesAlone) {
  EXPECT_EQ(redact_upstream_text("Resource not found"), "Resource not found");
  EXPECT_EQ(redact_upstream_text(""), "");
}

// A default-constructed view has a null data pointer (an upstream answer with
// no error text): scanning it must not hand that pointer to memchr.
TEST(RedactUpstreamText, AcceptsAnEmptyViewWithoutData) {
  EXPECT_EQ(redact_upstream_text(std::string_view{}), "");
}

TEST(RedactUpstreamText, KeepsOneLogLineOneLine) {
  EXPECT_EQ(redact_upstream_text("bad\r\ninput\x1b[31m\x7f"), "bad  input [31m ");
}

TEST(RedactUpstreamText, CutsLongTextOnACharacterBoundary) {
  std::string text(kMaxUpstreamText - 1, 'a');
  text += "\xC3\xA9 and more";  // a two-byte character straddling the limit
  const auto out = redact_upstream_text(text);
  EXPECT_EQ(out, std::string(kMaxUpstreamText - 1, 'a') + "...");
}

TEST(RedactUpstreamText, MasksPiiStraddlingTheCut) {
  std::string text(kMaxUpstreamText - 10, 'x');
  text += " jane.doe@example.com trailing";
  const auto out = redact_upstream_text(text);
  EXPECT_EQ(out.find("jane"), std::string::npos) << out;
  EXPECT_EQ(out.find("example"), std::string::npos) << out;
  EXPECT_LE(out.size(), kMaxUpstreamText + 3);
}

TEST(RedactUpstreamText, BoundsTheWorkOnAHugeBody) {
  const std::string huge(8u << 20, '7');
  const auto out = redact_upstream_text(huge);
  EXPECT_LE(out.size(), kMaxUpstreamText + 3);
  EXPECT_TRUE(out.ends_with("...")) << out;
}

TEST(UpstreamErrorMessage, ReadsTheFirstExplanationAnUpstreamGivesRedacted) {
  EXPECT_EQ(upstream_error_message(R"({"status":400,"message":"no such queue"})"), "no such queue");
  EXPECT_EQ(upstream_error_message(R"({"error":"invalid_client","description":"bad secret"})"), "bad secret");
  EXPECT_EQ(upstream_error_message(R"({"error":"invalid_client"})"), "invalid_client");
  EXPECT_EQ(upstream_error_message(R"({"message":"contact jane.doe@example.com"})"), "contact [EMAIL]");
}

TEST(UpstreamErrorMessage, IsEmptyWithoutOne) {
  EXPECT_EQ(upstream_error_message(""), "");
  EXPECT_EQ(upstream_error_message("<html>502 Bad Gateway</html>"), "");
  EXPECT_EQ(upstream_error_message(R"(["message"])"), "");
  EXPECT_EQ(upstream_error_message(R"({"message":42})"), "");
}

}  // namespace
