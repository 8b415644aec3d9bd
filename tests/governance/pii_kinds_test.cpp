// SPDX-License-Identifier: Apache-2.0
// Card schemes, phone groupings of many countries, the kinds added for
// operators (dob, routing, ip), `governance.detect` and the rule that context
// only ever adds a finding.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "governance/pii_expect.hpp"
#include "insightd/governance/checksums.hpp"
#include "insightd/governance/pii.hpp"

using namespace insightd::governance;
using namespace insightd::governance::test;

namespace {

struct Card {
  const char* brand;
  const char* number;
};

// Luhn-valid numbers in each scheme's IIN ranges, at each length it issues.
constexpr Card kCards[] = {
    {"visa", "4526018159087"},           {"visa", "4301661318609135"},
    {"visa", "4909960308246281946"},     {"mastercard", "5182199351819098"},
    {"mastercard", "5537865797543235"},  {"mastercard", "2221194875749111"},
    {"mastercard", "2720862527601890"},  {"amex", "345559797114716"},
    {"amex", "370497465075299"},         {"discover", "6011170342366718"},
    {"discover", "6011276842684656328"}, {"discover", "6441223307924409"},
    {"discover", "64926859952890784"},   {"discover", "6566661760313728"},
    {"jcb", "3528159010928159"},         {"jcb", "3589901396245957114"},
    {"diners", "30077774121547"},        {"diners", "30572803852807"},
    {"diners", "30958414852536"},        {"diners", "36888539336335"},
    {"diners", "3887500474395754"},      {"diners", "3951313735379907516"},
    {"unionpay", "6216372651676124"},    {"unionpay", "62220297299752887"},
    {"unionpay", "622001826330434836"},  {"unionpay", "6295486205798682827"},
    {"maestro", "501888072904"},         {"maestro", "6759222791803"},
    {"maestro", "6304588871803340185"},  {"maestro", "6761780175989832"},
    {"mir", "2200478878384835"},         {"mir", "2204726167513613410"},
};

// Luhn-valid, but a length or range no scheme issues.
constexpr const char* kNotCards[] = {
    "3425242731672324",     // 34 (Amex) with 16 digits
    "468656355150586",      // Visa with 15 digits
    "5177065894811311447",  // Mastercard with 19 digits
    "2721024264628896",     // just past Mastercard's 2720
    "3590751402614018",     // just past JCB's 3589
    "301419314176",         // Diners with 12 digits
    "620586492083124",      // UnionPay with 15 digits
    "5019834782450407",     // 5019 is not a Maestro range
    "7008838737167866",     // issuer digit 7
};

// Dashes or spaces, grouped as the number is printed or read aloud.
std::string grouped(std::string_view digits, std::size_t group, char separator) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % group == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

TEST(PiiCardBrands, EverySchemeAndLengthIsACard) {
  for (const auto& card : kCards) {
    EXPECT_EQ(card_brand(card.number), card.brand) << card.number;
    EXPECT_TRUE(luhn_valid(card.number)) << card.number;
    expect_single(PiiKind::card, std::string("card ") + card.number, card.number);
    for (std::size_t group : {2u, 3u, 4u, 5u, 6u}) {
      for (char separator : {' ', '-'}) {
        const auto text = grouped(card.number, group, separator);
        expect_single(PiiKind::card, "paid with " + text + " today", text);
      }
    }
  }
}

TEST(PiiCardBrands, LengthsAndRangesNoSchemeIssuesAreNotCards) {
  for (const char* number : kNotCards) {
    EXPECT_TRUE(luhn_valid(number)) << number;
    EXPECT_EQ(card_brand(number), std::nullopt) << number;
    EXPECT_TRUE(std::none_of(scanner().scan(number).begin(), scanner().scan(number).end(),
                             [](const Finding& f) { return f.kind == PiiKind::card; }))
        << number;
  }
}

TEST(PiiCardBrands, LuhnFailuresAreNotCards) {
  for (const auto& card : kCards) {
    std::string wrong = card.number;
    wrong.back() = wrong.back() == '9' ? '0' : static_cast<char>(wrong.back() + 1);
    expect_none("card " + wrong);
  }
}

// +CC in the country's own grouping (libphonenumber's example numbers,
// fixed line and mobile), found whatever the default region.
TEST(PiiPhoneCountries, InternationalNumbersInLocalGroupings) {
  const char* const numbers[] = {
      "+1 201-555-0123",  "+1 506-234-5678",   "+44 121 234 5678",  "+44 7400 123456",    "+49 30 123456",
      "+49 1512 3456789", "+33 1 23 45 67 89", "+33 6 12 34 56 78", "+39 02 1234 5678",   "+39 312 345 6789",
      "+34 810 12 34 56", "+34 612 34 56 78",  "+31 10 123 4567",   "+31 6 12345678",     "+32 12 34 56 78",
      "+32 470 12 34 56", "+41 21 234 56 78",  "+41 78 123 45 67",  "+43 1 234567890",    "+43 664 123456",
      "+46 8 12 34 56",   "+46 70 123 45 67",  "+47 21 23 45 67",   "+47 406 12 345",     "+45 32 12 34 56",
      "+358 13 1234567",  "+358 41 2345678",   "+353 22 12345",     "+353 85 012 3456",   "+351 21 234 5678",
      "+351 912 345 678", "+48 12 345 67 89",  "+48 512 345 678",   "+420 212 345 678",   "+420 601 123 456",
      "+81 3-1234-5678",  "+81 90-1234-5678",  "+86 10 1234 5678",  "+86 131 2345 6789",  "+91 74104 10123",
      "+91 81234 56789",  "+61 2 1234 5678",   "+61 412 345 678",   "+64 3 234 5678",     "+64 21 123 4567",
      "+55 11 2345-6789", "+55 11 96123-4567", "+52 200 123 4567",  "+52 222 123 4567",   "+27 10 123 4567",
      "+27 71 123 4567",  "+65 6123 4567",     "+65 8123 4567",     "+82 2-212-3456",     "+82 10-2000-0000",
      "+971 2 234 5678",  "+971 50 123 4567",  "+54 11 2345-6789",  "+54 9 11 2345-6789", "+852 2123 4567",
      "+972 2-123-4567",  "+972 50-234-5678",  "+90 212 345 67 89", "+90 501 234 56 78",
  };
  for (const char* number : numbers) {
    expect_single(PiiKind::phone, std::string("Customer asked for a callback on ") + number + ".", number);
    const std::string with_00 = std::string("00") + (number + 1);
    expect_single(PiiKind::phone, "Customer gave " + with_00 + " as her number.", with_00);
  }
}

// National numbers (no +CC) read in the configured default region.
TEST(PiiPhoneCountries, NationalNumbersInTheDefaultRegion) {
  const std::pair<const char*, const char*> numbers[] = {
      {"US", "(201) 555-0123"}, {"CA", "(506) 234-5678"}, {"GB", "0121 234 5678"},   {"GB", "07400 123456"},
      {"DE", "030 123456"},     {"DE", "01512 3456789"},  {"FR", "01 23 45 67 89"},  {"FR", "06 12 34 56 78"},
      {"IT", "02 1234 5678"},   {"ES", "612 34 56 78"},   {"NL", "010 123 4567"},    {"BE", "0470 12 34 56"},
      {"CH", "078 123 45 67"},  {"AT", "0664 123456"},    {"SE", "070-123 45 67"},   {"FI", "041 2345678"},
      {"IE", "085 012 3456"},   {"PL", "512 345 678"},    {"JP", "090-1234-5678"},   {"CN", "131 2345 6789"},
      {"AU", "0412 345 678"},   {"NZ", "021 123 4567"},   {"BR", "(11) 96123-4567"}, {"ZA", "071 123 4567"},
      {"KR", "010-2000-0000"},  {"AE", "050 123 4567"},   {"IL", "050-234-5678"},    {"TR", "0501 234 56 78"},
  };
  for (const auto& [region, number] : numbers) {
    const PiiScanner local(PiiOptions{.default_region = region});
    expect_single(PiiKind::phone, std::string("Mobile ") + number + " after 5pm", number, local);
  }
  // The same national digits mean nothing in a region where they are not a number.
  expect_none("Mobile 030 123456 after 5pm");
}

TEST(PiiPhoneCountries, DatesAreNotPhonesEvenWhereTheDigitsWouldBe) {
  const PiiScanner german(PiiOptions{.default_region = "DE"});
  for (const char* text : {"am 24.11.2026 um 10 Uhr", "Termin 2026-11-24", "vom 01/12/2026"})
    expect_none(text, german);
}

TEST(PiiContext, NeverRemovesAChecksumValidFinding) {
  for (const char* word : {"order", "reference", "ticket", "tracking", "invoice", "case", "account", "serial",
                           "confirmation", "booking", "policy", "claim", "po", "sku"}) {
    const std::string w(word);
    expect_single(PiiKind::card, w + " 6011590109281596", "6011590109281596");
    expect_single(PiiKind::card, w + " number 4111 1111 1111 1111", "4111 1111 1111 1111");
    expect_single(PiiKind::ssn, w + " 123-45-6789", "123-45-6789");
    expect_single(PiiKind::iban, w + " DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00");
    expect_single(PiiKind::phone, w + " +44 20 7946 0958", "+44 20 7946 0958");
    expect_single(PiiKind::phone, w + " 212-555-0100", "212-555-0100");
  }
}

TEST(PiiContext, PromotesWeakCandidates) {
  expect_none("on 01.12.1985 the branch opened");
  expect_single(PiiKind::dob, "DOB 01.12.1985", "01.12.1985");
  expect_none("reference 2125550100");
  expect_single(PiiKind::phone, "cell 2125550100", "2125550100");
  expect_none("batch 021000021");
  expect_single(PiiKind::routing, "routing 021000021", "021000021");
}

TEST(PiiDob, DatesAfterABirthWord) {
  expect_single(PiiKind::dob, "Date of birth 01.12.1985 was verified.", "01.12.1985");
  expect_single(PiiKind::dob, "DOB: 03/14/1972", "03/14/1972");
  expect_single(PiiKind::dob, "D.O.B. 1985-03-02", "1985-03-02");
  expect_single(PiiKind::dob, "she was born on 4 July 1979 in Ohio", "4 July 1979");
  expect_single(PiiKind::dob, "born March 3rd, 1990", "March 3rd, 1990");
  expect_single(PiiKind::dob, "birthday is 12-Jan-1988", "12-Jan-1988");
  expect_single(PiiKind::dob, "geboren am 24.11.1961", "24.11.1961");
  expect_single(PiiKind::dob, "Her date of birth is 7/4/85.", "7/4/85");
}

TEST(PiiDob, OtherDatesAreNot) {
  expect_none("Delivery on 24.11.2026 between 10 and 12.");
  expect_none("Renewal 2026-11-24, birth certificate not needed, on 2026-12-01");
  expect_none("born in 1985");                                // a year, not a date
  expect_none("date of birth 31.13.1985");                    // no month 13
  expect_none("birthday party on 24.11.2099");                // a future year
  expect_none("The baby was born on 2026-11-24-001 ticket");  // an identifier
}

TEST(PiiRouting, AbaChecksumWithRoutingOrAccountContext) {
  EXPECT_TRUE(aba_routing_valid("021000021"));
  EXPECT_TRUE(aba_routing_valid("011000015"));
  EXPECT_FALSE(aba_routing_valid("021000022"));  // checksum
  EXPECT_FALSE(aba_routing_valid("991000026"));  // not a Federal Reserve prefix
  expect_single(PiiKind::routing, "ABA 011000015", "011000015");
  expect_single(PiiKind::routing, "routing number: 021000021", "021000021");
  const auto findings = found("checking account 123456789, bank 021000021");
  EXPECT_EQ(findings, (Found{{PiiKind::routing, "021000021"}}));
  expect_none("part 021000021 shipped");
  expect_none("routing 021000022");
}

TEST(PiiIp, Ipv4AndIpv6Addresses) {
  expect_single(PiiKind::ip, "The server at 192.168.100.200 timed out.", "192.168.100.200");
  expect_single(PiiKind::ip, "from 8.8.8.8", "8.8.8.8");
  expect_single(PiiKind::ip, "client 2001:db8:85a3::8a2e:370:7334 connected", "2001:db8:85a3::8a2e:370:7334");
  expect_single(PiiKind::ip, "addr fe80::1ff:fe23:4567:890a.", "fe80::1ff:fe23:4567:890a");
  expect_single(PiiKind::ip, "IPv6 2001:0db8:0000:0000:0000:ff00:0042:8329",
                "2001:0db8:0000:0000:0000:ff00:0042:8329");
  expect_none("version 10.0.19045.3693");
  expect_none("version 1.2.3.4");
  expect_none("firmware 4.12.1.0");
  expect_none("300.1.2.3 is not an address");
  expect_none("1.2.3.4.5 is a five-part version");
  expect_none("call at 12:30:45 today");
  expect_none("MAC 00:1A:2B:3C:4D:5E");
  expect_none("ratio 16:9");
}

TEST(PiiOptions, DetectListsTheKindsInUse) {
  const PiiScanner only_cards(PiiOptions{.kinds = {PiiKind::card}});
  const std::string text = "mail a@example.com, card 4111 1111 1111 1111, call +44 20 7946 0958";
  const auto findings = only_cards.scan(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, PiiKind::card);
  const PiiScanner nothing(PiiOptions{.kinds = {}});
  EXPECT_TRUE(nothing.scan(text).empty());
}

TEST(PiiOptions, UnknownRegionIsRejected) {
  EXPECT_TRUE(is_phone_region("US"));
  EXPECT_TRUE(is_phone_region("DE"));
  EXPECT_FALSE(is_phone_region("XX"));
  EXPECT_FALSE(is_phone_region("us"));
  EXPECT_FALSE(is_phone_region("USA"));
  EXPECT_THROW(PiiScanner(PiiOptions{.default_region = "XX"}), std::invalid_argument);
}
