// SPDX-License-Identifier: Apache-2.0
#include "insightd/common/enum_names.hpp"

#include <gtest/gtest.h>

namespace insightd::test_enum {

enum class Colour { red, dark_green, blue_ish };
BOOST_DESCRIBE_ENUM(Colour, red, dark_green, blue_ish)
constexpr std::array<EnumName<Colour>, 1> enum_renames(Colour) {
  return {{{Colour::blue_ish, "blue-ish"}}};
}

enum class Plain { one, two };
BOOST_DESCRIBE_ENUM(Plain, one, two)

}  // namespace insightd::test_enum

namespace insightd {
namespace {

using test_enum::Colour;
using test_enum::Plain;

TEST(EnumNames, NamesAreTheIdentifiersInDeclarationOrder) {
  static_assert(enum_names<Plain>().size() == 2);
  EXPECT_EQ(enum_names<Plain>()[0].name, "one");
  EXPECT_EQ(enum_names<Plain>()[0].value, Plain::one);
  EXPECT_EQ(enum_names<Plain>()[1].name, "two");
  EXPECT_EQ(enum_to_string(Plain::two), "two");
}

TEST(EnumNames, RenamesReplaceOnlyTheirEnumerator) {
  EXPECT_EQ(enum_to_string(Colour::red), "red");
  EXPECT_EQ(enum_to_string(Colour::dark_green), "dark_green");
  EXPECT_EQ(enum_to_string(Colour::blue_ish), "blue-ish");
  EXPECT_EQ(enum_from_string<Colour>("blue-ish"), Colour::blue_ish);
  EXPECT_EQ(enum_from_string<Colour>("blue_ish"), std::nullopt);  // the identifier is not a wire name
}

TEST(EnumNames, EveryNameRoundTrips) {
  for (const auto& [value, name] : enum_names<Colour>())
    EXPECT_EQ(enum_from_string<Colour>(name), value) << name;
}

TEST(EnumNames, UnknownValuesAndNames) {
  EXPECT_EQ(enum_to_string(static_cast<Plain>(7)), "unknown");
  EXPECT_EQ(enum_to_string(static_cast<Plain>(7), "?"), "?");
  EXPECT_EQ(enum_from_string<Plain>("One"), std::nullopt);  // case-sensitive
  EXPECT_EQ(enum_from_string<Plain>(""), std::nullopt);
}

TEST(EnumNames, UsableAtCompileTime) {
  static_assert(enum_to_string(Colour::blue_ish) == "blue-ish");
  static_assert(enum_from_string<Plain>("two") == Plain::two);
}

}  // namespace
}  // namespace insightd
