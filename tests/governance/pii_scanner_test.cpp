// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "governance/pii_expect.hpp"
#include "insightd/governance/pii.hpp"

using namespace insightd::governance;

using namespace insightd::governance::test;

TEST(PiiNames, KindNamesAndPlaceholders) {
  EXPECT_EQ(to_string(PiiKind::email), "email");
  EXPECT_EQ(to_string(PiiKind::iban), "iban");
  EXPECT_EQ(to_string(PiiKind::dob), "dob");
  EXPECT_EQ(to_string(PiiKind::routing), "routing");
  EXPECT_EQ(to_string(PiiKind::ip), "ip");
  EXPECT_EQ(placeholder(PiiKind::phone), "[PHONE]");
  EXPECT_EQ(placeholder(PiiKind::card), "[CARD]");
  EXPECT_EQ(placeholder(PiiKind::ssn), "[SSN]");
  EXPECT_EQ(placeholder(PiiKind::dob), "[DOB]");
  EXPECT_EQ(placeholder(PiiKind::routing), "[ROUTING]");
  EXPECT_EQ(placeholder(PiiKind::ip), "[IP]");
  for (PiiKind kind : kAllPiiKinds) EXPECT_EQ(parse_pii_kind(to_string(kind)), kind);
  EXPECT_EQ(parse_pii_kind("passport"), std::nullopt);
}

TEST(PiiEmail, FindsAddressesWithExactSpans) {
  expect_single(PiiKind::email, "mail john.doe@example.com today", "john.doe@example.com");
  expect_single(PiiKind::email, "<a+tag@sub.example.co.uk>", "a+tag@sub.example.co.uk");
  expect_single(PiiKind::email, "end of sentence x@y.io.", "x@y.io");
  expect_single(PiiKind::email, "'d.o'brien@example.ie'", "d.o'brien@example.ie");
  expect_single(PiiKind::email, "josé@bücher.de", "josé@bücher.de");
}

TEST(PiiEmail, IgnoresHandlesAndHostsWithoutDomain) {
  expect_none("@johndoe tweeted");
  expect_none("admin@localhost");
  expect_none("3 @ $4.99");
  expect_none("report@v2 attached");
}

TEST(PiiPhone, FindsInternationalAndNationalFormats) {
  expect_single(PiiKind::phone, "call +1 (212) 555-0100 now", "+1 (212) 555-0100");
  expect_single(PiiKind::phone, "mobile +44 (0)20 7946 0958.", "+44 (0)20 7946 0958");
  expect_single(PiiKind::phone, "+4915112345678", "+4915112345678");
  expect_single(PiiKind::phone, "ring 415.555.0132 after 6", "415.555.0132");
  expect_single(PiiKind::phone, "toll free 1-800-555-0199", "1-800-555-0199");
  expect_single(PiiKind::phone, "try 1 (800) 555-0199", "1 (800) 555-0199");
  expect_single(PiiKind::phone, "Fax 0049 30 1234567", "0049 30 1234567");
  expect_single(PiiKind::phone, "from the US: 011 44 20 7946 0958", "011 44 20 7946 0958");
}

TEST(PiiPhone, LibphonenumberDecidesNotTheShape) {
  // Area code 555 and exchange 123 are not assigned: not a real number.
  expect_none("call (555) 123-4567");
  expect_none("+1 555 123 4567");
  // National numbers are read in the default region (US here).
  expect_none("Berlin 030 1234567");
}

// Numbering plans open ranges after the library's metadata was made: after a
// phone word, "+CC" and the right length for that country is enough.
TEST(PiiPhone, InternationalNumberInAnUnlistedRangeNeedsAPhoneWord) {
  // Czech 675 and Japanese 03-0 are not in the metadata; both are 9/10 digits.
  expect_single(PiiKind::phone, "Customer called from +420 675 909 103 today", "+420 675 909 103");
  expect_single(PiiKind::phone, "phone number +81 3-0620-4306", "+81 3-0620-4306");
  expect_single(PiiKind::phone, "reachable at +81 3-0620-4306 until Friday", "+81 3-0620-4306");
  expect_none("+420 675 909 103 was in the notes");
  expect_none("code +420 675 909 103");
  // The wrong length for the country is not a number, phone word or not.
  expect_none("call +420 675 909 10");
  expect_none("call +44 7700 6532134");
  // A valid shorter prefix keeps its own groups.
  expect_single(PiiKind::phone, "call +33 6 12 34 56 78 2026", "+33 6 12 34 56 78");
}

TEST(PiiPhone, WeakShapesNeedAPhoneWord) {
  expect_single(PiiKind::phone, "call me at 555-1234", "555-1234");  // local only: the word admits it
  expect_single(PiiKind::phone, "Phone: 2125550100", "2125550100");
  expect_none("pages 555-1234 of the manual");
  expect_none("we need 500-1000 licenses");
  expect_none("reference 2125550100");
  expect_none("order number 2125550100");
  // A number in between: the phone word describes that one, not this.
  expect_none("call 3 times, 2125550100 is the id");
}

TEST(PiiPhone, IgnoresDatesTimesAmountsAndIdentifiers) {
  for (const char* text :
       {"2026-11-24", "24/11/2026", "11.24.2026", "01.12.1985", "01/12/2026 14:30",
        "2026-11-24T00:49:21.123+02:00", "14:30:15", "from 09.30 10.30 11.30", "$1,234.56",
        "EUR 1.234.567,89", "0800-1700", "Ticket INC-212-555-0100", "population 83 240 525", "SKU 400-1234",
        "version 10.0.19045.3693", "UTC+10", "+12.5%", "USPS 9400 1000 0000 0000 0000 00"}) {
    expect_none(text);
  }
}

TEST(PiiPhone, NumberAfterTheNumeroSignIsAnIdentifier) {
  // 760-5056766 has the digits and a grouping libphonenumber accepts for a US number.
  expect_none("Order #760-5056766 shipped");
  expect_none("see case #212-555-0100");
  expect_single(PiiKind::phone, "Order 5 shipped, call 760-505-6766", "760-505-6766");
  // A checksum-valid card keeps its finding.
  expect_single(PiiKind::card, "card #4111 1111 1111 1111", "4111 1111 1111 1111");
}

TEST(PiiPhone, InternationalNumberStopsBeforeAFollowingNumber) {
  // Longest match would run into the date; the phone keeps its own groups.
  expect_single(PiiKind::phone, "+44 20 7946 0958 24.11.2026", "+44 20 7946 0958");
}

TEST(PiiCard, FindsLuhnValidNumbersInAnyGrouping) {
  expect_single(PiiKind::card, "card 4111 1111 1111 1111 2026",
                "4111 1111 1111 1111");  // then the expiry year
  expect_single(PiiKind::card, "4111-11-1111-11-1111", "4111-11-1111-11-1111");
  expect_single(PiiKind::card, "41 11 11 11 11 11 11 11", "41 11 11 11 11 11 11 11");
  expect_single(PiiKind::card, "card 4111 1111 1111 1111 please", "4111 1111 1111 1111");
  expect_single(PiiKind::card, "5555-5555-5555-4444", "5555-5555-5555-4444");
  expect_single(PiiKind::card, "Amex 3782 822463 10005.", "3782 822463 10005");
  expect_single(PiiKind::card, "4222222222222", "4222222222222");              // 13 digits
  expect_single(PiiKind::card, "6272651676122202979", "6272651676122202979");  // 19 digits
  expect_single(PiiKind::card, "qty 3 4111111111111111", "4111111111111111");
}

TEST(PiiCard, RejectsLuhnFailuresRunsAndIdentifiers) {
  expect_none("4111 1111 1111 1112");      // Luhn fails
  expect_none("41111111111111111111111");  // embedded in a longer run
  expect_none("x4111111111111111");        // glued to a letter
  expect_none("4111111111111111-A");       // part of an identifier
  expect_none("ch_4111111111111111");
  expect_none("4111-1111 1111-1111");     // mixed separators
  expect_none("9400100000000000000");     // issuer digit 9
  expect_none("411111111111");            // 12 digits: no Visa is
  expect_none("Case 2026-11-24-000187");  // Luhn-valid, but no scheme issues 2026...
}

TEST(PiiSsn, FindsValidAreaGroupSerial) {
  expect_single(PiiKind::ssn, "SSN 123-45-6789.", "123-45-6789");
  expect_single(PiiKind::ssn, "ssn 536 90 4399", "536 90 4399");
  expect_single(PiiKind::ssn, "SSN 078-05-1120", "078-05-1120");  // not a trunk phone number
  expect_single(PiiKind::ssn, "(899-99-9998)", "899-99-9998");
}

TEST(PiiSsn, RejectsInvalidRangesAndNonSsnShapes) {
  for (const char* text :
       {"000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000", "123456789",
        "123-45 6789", "1-123-45-6789", "123-45-6789-1", "ABC-123-45-6789"}) {
    expect_none(text);
  }
}

TEST(PiiIban, FindsMod97ValidIbansWithOrWithoutSpaces) {
  expect_single(PiiKind::iban, "IBAN DE89 3704 0044 0532 0130 00 ok", "DE89 3704 0044 0532 0130 00");
  expect_single(PiiKind::iban, "DE89370400440532013000.", "DE89370400440532013000");
  expect_single(PiiKind::iban, "GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 32");
  expect_single(PiiKind::iban, "NO93 8601 1117 947", "NO93 8601 1117 947");
  // The registered length ends the IBAN even when a word follows it.
  expect_single(PiiKind::iban, "DE89 3704 0044 0532 0130 00 IBAN", "DE89 3704 0044 0532 0130 00");
}

TEST(PiiIban, RejectsWrongCheckDigitsLengthsAndCountries) {
  expect_none("DE88 3704 0044 0532 0130 00");
  expect_none("XX89 3704 0044 0532 0130 00");
  expect_none("DE89 3704 0044 0532 0130 0");
  expect_none("DE89 3704 0044 0532 0130 001");
  expect_none("NL91ABNA041716430");
}

TEST(PiiScan, ResolvesOverlapsLongestThenEarliest) {
  // The card digits lie inside the e-mail address: one finding, the e-mail.
  expect_single(PiiKind::email, "john.4111111111111111@example.com", "john.4111111111111111@example.com");
  const auto findings = scanner().scan("a@b.com 4111 1111 1111 1111 +1 212 555 0100");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].kind, PiiKind::email);
  EXPECT_EQ(findings[1].kind, PiiKind::card);
  EXPECT_EQ(findings[2].kind, PiiKind::phone);
  EXPECT_LE(findings[0].end, findings[1].begin);
  EXPECT_LE(findings[1].end, findings[2].begin);
}

TEST(PiiScan, ScansInvalidUtf8AsBytes) {
  // Stray continuation bytes, a truncated sequence, an overlong encoding, 0xff.
  const std::string text =
      std::string("\x80\xbf card:\xc3 4111111111111111 \xc0\xaf \xff mail ") + "j@example.com" + "\xe2\x82";
  const auto findings = scanner().scan(text);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(text.substr(findings[0].begin, findings[0].end - findings[0].begin), "4111111111111111");
  EXPECT_EQ(text.substr(findings[1].begin, findings[1].end - findings[1].begin), "j@example.com");
  EXPECT_EQ(mask(text, findings),
            std::string("\x80\xbf card:\xc3 [CARD] \xc0\xaf \xff mail [EMAIL]\xe2\x82"));
}

TEST(PiiScan, HandlesEmbeddedNulAndEmptyText) {
  EXPECT_TRUE(scanner().scan("").empty());
  const std::string text = std::string("ssn") + '\0' + "123-45-6789";
  expect_single(PiiKind::ssn, text, "123-45-6789");
}

TEST(PiiMask, ReplacesEachFindingWithItsPlaceholder) {
  const std::string text = "Call +1 212 555 0100 or mail a@b.com, card 4111111111111111.";
  EXPECT_EQ(mask(text, scanner().scan(text)), "Call [PHONE] or mail [EMAIL], card [CARD].");
  EXPECT_EQ(mask("nothing here", {}), "nothing here");
}

TEST(PiiMask, KeepsValidUtf8Valid) {
  const std::string text = "Kundin Jürgen schrieb an jürgen@bücher.de – Tel. +49 30 1234567 ✓";
  EXPECT_EQ(mask(text, scanner().scan(text)), "Kundin Jürgen schrieb an [EMAIL] – Tel. [PHONE] ✓");
}

TEST(PiiMask, ToleratesUnsortedOverlappingAndOutOfRangeFindings) {
  const std::string text = "0123456789";
  const std::vector<Finding> findings{
      {PiiKind::card, 6, 8}, {PiiKind::ssn, 1, 4}, {PiiKind::phone, 3, 6}, {PiiKind::email, 9, 42}};
  // [1,4) then [3,6) widens the first placeholder; [9,42) is out of range.
  EXPECT_EQ(mask(text, findings), "0[SSN][CARD]89");
}

TEST(PiiScanner, IsMovable) {
  PiiScanner a;
  PiiScanner b(std::move(a));
  EXPECT_EQ(b.scan("x@example.com").size(), 1u);
}

TEST(PiiScanner, LongDigitRunsStillFindTheRealCard) {
  // Thousands of card-shaped candidates that all fail, then one real card.
  std::string text;
  while (text.size() < 20000) text += "5555 ";
  text += "card 4111111111111111";
  const auto findings = scanner().scan(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, PiiKind::card);
  EXPECT_EQ(findings[0].begin, text.size() - 16);
}

TEST(PiiScanner, ConcurrentScansAgreeWithASequentialScan) {
  const std::vector<std::string> texts{
      "mail a@example.com", "card 4111 1111 1111 1111",         "call +1 212 555 0100",
      "SSN 123-45-6789",    "IBAN DE89 3704 0044 0532 0130 00", "no pii 2026-11-24"};
  std::vector<std::vector<Finding>> expected;
  for (const auto& t : texts) expected.push_back(scanner().scan(t));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          if (scanner().scan(texts[i]) != expected[i]) ++mismatches;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}
