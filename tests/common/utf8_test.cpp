// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/utf8.hpp"

#include <gtest/gtest.h>

namespace insightd {
namespace {

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("plain ascii"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("ab\xff"), 2u);               // never a UTF-8 byte
  EXPECT_EQ(first_invalid_utf8("ab\x80x"), 2u);              // a lone continuation byte
  EXPECT_EQ(first_invalid_utf8("abc\xc3"), 3u);              // cut short
  EXPECT_EQ(first_invalid_utf8("\xc0\xaf"), 0u);             // overlong '/'
  EXPECT_EQ(first_invalid_utf8("x\xed\xa0\x80"), 1u);        // a UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8("ok \xf4\x90\x80\x80"), 3u);  // beyond U+10FFFF
}

TEST(Utf8, APrefixNeverCutsACharacter) {
  EXPECT_EQ(utf8_prefix("short", 10), "short");
  EXPECT_EQ(utf8_prefix("abcdef", 3), "abc");
  EXPECT_EQ(utf8_prefix("ab\xc3\xa9", 3), "ab");  // é would be cut: left out whole
  EXPECT_EQ(utf8_prefix("ab\xc3\xa9", 4), "ab\xc3\xa9");
  EXPECT_EQ(utf8_prefix("\xe2\x82\xac\xe2\x82\xac", 5), "\xe2\x82\xac");
}

}  // namespace
}  // namespace insightd
