// SPDX-License-Identifier: Apache-2.0
#include "insightd/governance/checksums.hpp"

#include <gtest/gtest.h>

using namespace insightd::governance;

TEST(Luhn, AcceptsKnownValidNumbers) {
  EXPECT_TRUE(luhn_valid("4111111111111111"));
  EXPECT_TRUE(luhn_valid("378282246310005"));
  EXPECT_TRUE(luhn_valid("6011111111111117"));
  EXPECT_TRUE(luhn_valid("4222222222222"));
  EXPECT_TRUE(luhn_valid("6272651676122202979"));
  EXPECT_TRUE(luhn_valid("0"));
  EXPECT_TRUE(luhn_valid("18"));  // 1 doubled = 2, + 8 = 10
}

TEST(Luhn, RejectsSingleDigitErrorsAndTranspositions) {
  EXPECT_FALSE(luhn_valid("4111111111111112"));
  EXPECT_FALSE(luhn_valid("4111111111111121"));  // adjacent transposition of "12"
  EXPECT_FALSE(luhn_valid("378282246310006"));
  EXPECT_FALSE(luhn_valid("19"));
}

TEST(Luhn, RejectsEmptyAndNonDigits) {
  EXPECT_FALSE(luhn_valid(""));
  EXPECT_FALSE(luhn_valid("4111 1111 1111 1111"));
  EXPECT_FALSE(luhn_valid("411111111111111a"));
}

TEST(IbanMod97, AcceptsRegistryExamplesInEitherCase) {
  EXPECT_TRUE(iban_valid("DE89370400440532013000"));
  EXPECT_TRUE(iban_valid("GB82WEST12345698765432"));
  EXPECT_TRUE(iban_valid("FR1420041010050500013M02606"));
  EXPECT_TRUE(iban_valid("NO9386011117947"));
  EXPECT_TRUE(iban_valid("MT84MALT011000012345MTLCAST001S"));
  EXPECT_TRUE(iban_valid("gb82west12345698765432"));
}

TEST(IbanMod97, RejectsWrongCheckDigitsAndSingleCharacterErrors) {
  EXPECT_FALSE(iban_valid("DE88370400440532013000"));
  EXPECT_FALSE(iban_valid("DE89370400440532013001"));
  EXPECT_FALSE(iban_valid("GB82WEST12345698765423"));  // transposition
  EXPECT_FALSE(iban_valid("GB82WEXT12345698765432"));
}

TEST(IbanMod97, RejectsMalformedInput) {
  EXPECT_FALSE(iban_valid(""));
  EXPECT_FALSE(iban_valid("DE89"));
  EXPECT_FALSE(iban_valid("1289370400440532013000"));       // no country code
  EXPECT_FALSE(iban_valid("DEX9370400440532013000"));       // check digits not digits
  EXPECT_FALSE(iban_valid("DE89 3704 0044 0532 0130 00"));  // spaces are the caller's to strip
  EXPECT_FALSE(iban_valid("DE8937040044053201300-"));
}

TEST(IbanLength, KnowsRegisteredCountries) {
  EXPECT_EQ(iban_length("DE"), 22);
  EXPECT_EQ(iban_length("NO"), 15);
  EXPECT_EQ(iban_length("RU"), 33);
  EXPECT_EQ(iban_length("AD"), 24);  // first entry
  EXPECT_EQ(iban_length("YE"), 30);  // last entry
  EXPECT_EQ(iban_length("US"), std::nullopt);
  EXPECT_EQ(iban_length("XX"), std::nullopt);
  EXPECT_EQ(iban_length("de"), std::nullopt);
  EXPECT_EQ(iban_length(""), std::nullopt);
}

TEST(IbanStructure, AllowsLettersOnlyWhereTheRegistryHasLetterPositions) {
  EXPECT_TRUE(iban_structure_valid("DE89370400440532013000"));
  EXPECT_TRUE(iban_structure_valid("GB82WEST12345698765432"));
  EXPECT_TRUE(iban_structure_valid("gb82west12345698765432"));
  EXPECT_TRUE(iban_structure_valid("MD24AG000225100013104168"));        // 2c 18c
  EXPECT_TRUE(iban_structure_valid("BH67BMAG00001299123456"));          // 4a 14c
  EXPECT_TRUE(iban_structure_valid("BR1800360305000010009795493C1"));   // 8n 5n 10n 1a 1c
  EXPECT_TRUE(iban_structure_valid("MU17BOMM0101101030300200000MUR"));  // ... 3n 3a
  EXPECT_FALSE(iban_structure_valid("DE8937040044053201300A"));         // a letter in a digits-only BBAN
  EXPECT_FALSE(iban_structure_valid("GB8212345612345698765432"));       // wrong length
  EXPECT_TRUE(iban_structure_valid("BR180036030500001000979549311"));   // digits stand anywhere
  EXPECT_FALSE(iban_structure_valid("BR2500360305000010009795AB3C1"));  // three letters, two places
  EXPECT_FALSE(iban_structure_valid("NL54ABNA041716430A"));             // four places for letters
  EXPECT_FALSE(iban_structure_valid("US12345678901234"));
  EXPECT_FALSE(iban_structure_valid("DE8"));
}
