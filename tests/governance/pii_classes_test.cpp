// SPDX-License-Identifier: Apache-2.0
// Classes of text the holdout corpora found. The second: national numbers
// dialled with the trunk prefix, numbers in blocks libphonenumber's metadata
// lists only in part, birth words that describe something else, and four-part
// version numbers after a software word. The third: dates of birth after a
// mark, in the next turn or in a list, numbers after an exit code, phone
// words in every form, and versions after product nouns. The fourth: dates
// of birth after a label, said in words or in the same sentence, "born" of
// things; trunk prefixes before a one-digit area code, numbers read out in
// comma-separated groups, phone words after the number; IBANs with letters
// in every registry country; clause numbers, running and upgraded versions.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "governance/pii_expect.hpp"
#include "insightd/governance/pii.hpp"

using namespace insightd::governance;
using namespace insightd::governance::test;

namespace {

// "24.11.2026" for today plus `days`.
std::string day_from_today(int days) {
  const auto day =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(days);
  const std::chrono::year_month_day ymd(day);
  char out[16];
  std::snprintf(out, sizeof out, "%02u.%02u.%04d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
  return out;
}

}  // namespace

// The trunk prefix ("0" in most of Europe and Australia) says "phone number"
// as "+CC" does: the digits must be valid, the grouping may be any.
TEST(PiiPhoneNational, TrunkPrefixAdmitsAnyGroupingOfAValidNumber) {
  const std::pair<const char*, const char*> numbers[] = {
      {"DE", "0151 2345 6789"}, {"DE", "0151-2345-6789"}, {"AU", "04 1234 5678"},
      {"NL", "06 41 82 37 90"}, {"GB", "07911 123 456"},  {"FR", "06 1248 9357"},
      {"AT", "0664 38 29 140"}, {"BE", "0475 612 893"},   {"CH", "079 52 34 481"},
  };
  for (const auto& [region, number] : numbers) {
    const PiiScanner local(PiiOptions{.default_region = region});
    expect_single(PiiKind::phone, std::string("Customer left ") + number + " for the callback.", number,
                  local);
  }
}

// Without a trunk prefix (Italian and Spanish mobiles have none), valid digits
// in a grouping the country does not use stay weak: a phone word admits them.
TEST(PiiPhoneNational, ValidDigitsWithoutATrunkPrefixInAnUnusualGroupingNeedAPhoneWord) {
  const PiiScanner italy(PiiOptions{.default_region = "IT"});
  expect_single(PiiKind::phone, "Mobile 333 18 42 275 after 5pm", "333 18 42 275", italy);
  expect_none("Lot 333 18 42 275 was recalled", italy);
  const PiiScanner spain(PiiOptions{.default_region = "ES"});
  expect_single(PiiKind::phone, "call 61 234 5678", "61 234 5678", spain);
  expect_none("ticket 61 234 5678 closed", spain);
  // In the US the trunk prefix is 1; digits that are no valid number stay out.
  expect_none("part 1 555 123 4567 shipped");
}

// Debian's libphonenumber 8.12 lists UK mobiles 07911 0/2/8 but not 07911 4:
// a number of the right length in a million-number block the metadata lists
// in part is in a range the plan has opened since.
TEST(PiiPhoneBlocks, ANumberInAPartlyListedBlockIsAPhone) {
  expect_single(PiiKind::phone, "Updated contact: +44 7911 482630.", "+44 7911 482630");
  expect_single(PiiKind::phone, "UK mobile, +44 7911 482 630, for texts", "+44 7911 482 630");
  expect_single(PiiKind::phone, "She gave 0044 7911 482630 for texts", "0044 7911 482630");
  const PiiScanner uk(PiiOptions{.default_region = "GB"});
  expect_single(PiiKind::phone, "Mobile 07911 482630 added for texts.", "07911 482630", uk);
  expect_single(PiiKind::phone, "Left 07911 482 630 on the form.", "07911 482 630", uk);
}

TEST(PiiPhoneBlocks, BlocksTheMetadataLeavesOutStayOut) {
  // 555 is no US area code and Czech 675 is no listed block: valid nowhere in them.
  expect_none("+1 555 123 4567");
  expect_none("+420 675 909 103 was in the notes");
  // The wrong length for the country, in a listed block, is still no number.
  expect_none("call +44 7911 4826301");
}

TEST(PiiDobContext, BirthWordDescribingSomethingElseIsNoDateOfBirth) {
  expect_none("Customer ordered a birthday present on 20 Nov 2025 that never arrived.");
  expect_none("The birthday sale ended 01.11.2025.");
  expect_none("birthday card dated 03/14/2025 was returned");
  expect_none("birth certificate issued 4 July 1979");
  // Linking words keep the birth word's meaning.
  expect_single(PiiKind::dob, "birthday is 12-Jan-1988", "12-Jan-1988");
  expect_single(PiiKind::dob, "birth date 1985-03-02", "1985-03-02");
  expect_single(PiiKind::dob, "date of birth verified as 7/4/85", "7/4/85");
  expect_single(PiiKind::dob, "Birthday: 4 July 1979", "4 July 1979");
  expect_single(PiiKind::dob, "born in Lyon on 4 July 1979", "4 July 1979");
}

TEST(PiiDobContext, AFutureDateIsNeverADateOfBirth) {
  expect_none("born on " + day_from_today(1));
  expect_none("date of birth " + day_from_today(40));
  const std::string yesterday = day_from_today(-1);
  expect_single(PiiKind::dob, "born on " + yesterday, yesterday);
}

TEST(PiiIpContext, VersionNumbersAfterASoftwareWordAreNotAddresses) {
  for (const char* text :
       {"Customer's SDK is 1.2.10.7 per the logs.", "app version 10.0.0.1", "v1.2.3.4 is installed",
        "firmware is now 4.12.1.0", "upgraded to 1.2.3.4 last week", "Build 2.0.1.5 fixed it",
        "OS 10.0.0.1 on the laptop"}) {
    expect_none(text);
  }
  // Network words and other words do not suppress an address.
  expect_single(PiiKind::ip, "client IP 10.0.0.1 was blocked", "10.0.0.1");
  expect_single(PiiKind::ip, "traffic from 1.2.10.7 after the update", "1.2.10.7");
  expect_single(PiiKind::ip, "the SDK called 10.20.30.40 directly", "10.20.30.40");
}

// Phone words in every form a summary writer uses: a bare digit run after
// any of them is a phone, after none of them it is not.
TEST(PiiPhoneContext, EveryFormOfAPhoneWordAdmitsABareDigitRun) {
  for (const char* word :
       {"calls",      "called", "calling", "caller",    "callback",  "phones",  "phoned",   "phoning",
        "telephoned", "tel.",   "mobile",  "cell",      "landline",  "faxed",   "texts",    "texted",
        "texting",    "dials",  "dialled", "dialing",   "redialled", "reaches", "reaching", "contacted",
        "rang",       "rings",  "ringing", "voicemail", "ph."}) {
    const std::string text = std::string("Customer ") + word + " only on 9174378812 after six.";
    expect_single(PiiKind::phone, text, "9174378812");
  }
  expect_single(PiiKind::phone, "she calls from 2125550100 most days", "2125550100");
  // Without a phone word the run is an identifier as often.
  expect_none("Customer quoted 9174378812 after six.");
  expect_none("Order 9174378812 ships on Monday.");
}

// A dotted quad right after a product or component noun, or a capitalised
// product name, is a version number; network words keep an address.
TEST(PiiIpContext, VersionsAfterProductNounsAreNotAddresses) {
  for (const char* text :
       {"Library 0.9.12.3 is pinned in the project.", "the library 1.2.3.4 was pinned",
        "plugin 2.4.1.7 crashed on start", "Package 3.1.0.2 fails to install", "module 1.0.12.3 is loaded",
        "Driver 4.12.1.0 was rolled back", "the release 2.1.0.4 notes", "patch 7.1.2.3 applied",
        "component 1.1.1.1 outdated", "browser extension 3.2.1.9 blocks the page",
        "Zoom client 5.16.1.2 keeps freezing", "monitoring agent 7.2.0.1 was restarted",
        "updated Chrome 120.0.61.109 on Windows", "after the Genesys 2.3.1.0 rollout",
        "dependency pinned to 1.2.3.4", "Upgraded Outlook to 16.0.1.2 last night"}) {
    expect_none(text);
  }
  // 0.0.0.0/8 is no host address.
  expect_none("Saw 0.9.12.3 in the logs");
}

TEST(PiiIpContext, NetworkWordsKeepAddressesAfterProductWords) {
  expect_single(PiiKind::ip, "IP 10.0.12.3 was blocked", "10.0.12.3");
  expect_single(PiiKind::ip, "logins from 192.168.1.20 failed", "192.168.1.20");
  expect_single(PiiKind::ip, "server at 10.1.2.3 timed out", "10.1.2.3");
  expect_single(PiiKind::ip, "the app server 10.1.2.3 timed out", "10.1.2.3");
  expect_single(PiiKind::ip, "Server 10.1.2.3 timed out", "10.1.2.3");
  expect_single(PiiKind::ip, "plugin host 10.4.5.6 refused", "10.4.5.6");
  expect_single(PiiKind::ip, "the build was deployed to 10.4.5.6", "10.4.5.6");
  expect_single(PiiKind::ip, "traffic from Chicago to 10.4.5.6 dropped", "10.4.5.6");
  // ... and after it: a product word before a dotted quad the sentence then
  // connects to is an address.
  expect_single(PiiKind::ip, "The client 10.0.0.5 could not connect.", "10.0.0.5");
  expect_single(PiiKind::ip, "The VPN client 10.8.0.5 connected at 9am.", "10.8.0.5");
  expect_single(PiiKind::ip, "Agent, 10.0.0.5 was the IP.", "10.0.0.5");
  expect_none("plugin 2.4.1.7 crashed. The server restarted.");
  expect_single(PiiKind::ip, "Gateway 192.168.0.1 unreachable", "192.168.0.1");
  expect_single(PiiKind::ip, "From 192.168.1.20 the customer logged in", "192.168.1.20");
  // Capitalised words that name a person or a role are no products, nor is
  // the capitalised first word of a sentence.
  expect_single(PiiKind::ip, "blocked for the Customer 10.0.0.5 twice", "10.0.0.5");
  expect_single(PiiKind::ip, "Both 91.198.174.192 and its neighbour were blocked.", "91.198.174.192");
  expect_single(PiiKind::ip, "Locked out. Only 10.20.30.40 may log in", "10.20.30.40");
}

// An international number dialled with an exit code instead of "+": North
// America's 011, most of the world's 00, Australia's 0011; the rest must be a
// valid international number, however long the whole run is.
TEST(PiiPhoneExitCode, NumbersAfterAnExitCodeAreInternational) {
  for (const char* number :
       {"011 49 89 2180 3344", "011 49 176 2233 4455", "011-49-151-2345-6789", "011 44 20 7946 0958",
        "011 33 1 23 45 67 89", "011 81 3 1234 5678", "00 44 20 7946 0958", "00 33 1 23 45 67 89",
        "0011 44 20 7946 0958", "0011 49 176 2233 4455"}) {
    expect_single(PiiKind::phone, std::string("From abroad they dial ") + number + " for her.", number);
  }
  // The same in other default regions, which dial other exit codes themselves.
  for (const char* region : {"DE", "GB", "AU", "IT"}) {
    const PiiScanner local(PiiOptions{.default_region = region});
    expect_single(PiiKind::phone, "Left 011 49 176 2233 4455 on the form.", "011 49 176 2233 4455", local);
    expect_single(PiiKind::phone, "Left 0011 44 20 7946 0958 on the form.", "0011 44 20 7946 0958", local);
  }
}

TEST(PiiPhoneExitCode, WhatFollowsTheExitCodeMustBeAValidNumber) {
  // +99 is no country code, +1 555 no area code.
  expect_none("Batch 011 99 1234 5678 9012 shipped.");
  expect_none("Batch 011 1 555 123 4567 shipped.");
  expect_none("Serial 0011 99 1234 5678 9012 logged.");
  // Nor is a long exit-coded run a card: no card starts with 0.
  const auto scan = found("From the US: 011 49 176 2233 4455 2026");
  ASSERT_EQ(scan.size(), 1U);
  EXPECT_EQ(scan[0].first, PiiKind::phone);
  // National numbers that start like an exit code stay national: Turin's 011, Leeds' 0113.
  const PiiScanner italy(PiiOptions{.default_region = "IT"});
  expect_single(PiiKind::phone, "Landline 011 567 4422 added.", "011 567 4422", italy);
  const PiiScanner uk(PiiOptions{.default_region = "GB"});
  expect_single(PiiKind::phone, "Office 0113 496 0000 added.", "0113 496 0000", uk);
}

// A mark glued to the birth word ("date of birth, ...", "DOB? ...") separates
// a label from its value: the word still names the date after it.
TEST(PiiDobContext, APunctuationMarkAfterTheBirthWordKeepsItsDate) {
  expect_single(PiiKind::dob, "Agent verified the customer's date of birth, 14/03/1968.", "14/03/1968");
  expect_single(PiiKind::dob, "Confirmed DOB; 1985-03-02 on file", "1985-03-02");
  expect_single(PiiKind::dob, "What is your date of birth? 4 July 1979, she said.", "4 July 1979");
  expect_single(PiiKind::dob, "She was born! 12-Jan-1988 it turns out", "12-Jan-1988");
  expect_single(PiiKind::dob, "date of birth \u2013 14/03/1968", "14/03/1968");
  expect_single(PiiKind::dob, "Date of birth (as given): 14/03/1968.", "14/03/1968");
  expect_single(PiiKind::dob, "date of birth per the form 14/03/1968", "14/03/1968");
  // Only the word right before the mark counts, and only one mark.
  expect_none("Verified the date of birth and address, 14/03/1968 was the order date.");
  expect_none("date of birth, then, 14/03/1968");
  expect_none("Asked about the birthday present, 20 Nov 2025 was the delivery.");
  expect_none("born, " + day_from_today(3));
}

// A question about the date of birth in one turn, the date opening the next.
TEST(PiiDobContext, TheAnswerInTheNextTurnIsADateOfBirth) {
  expect_single(PiiKind::dob, "Agent: and your date of birth? / Customer: 14 March 1968", "14 March 1968");
  expect_single(PiiKind::dob,
                "[00:02:48] Agent: can you confirm your date of birth? Customer: 19 April 1988.",
                "19 April 1988");
  expect_single(PiiKind::dob, "Agent: When were you born?\nCaller: Yes, it's 03/14/1972.", "03/14/1972");
  expect_single(PiiKind::dob, "Agent: DOB please. [00:03:10] Customer: sure, 1985-03-02", "1985-03-02");
  expect_single(PiiKind::dob, "Rep: Can I have your birthday again? | C: 7/4/85", "7/4/85");
  // The question goes on after the birth word; the answer may give a name first.
  expect_single(
      PiiKind::dob,
      "Agent: Could you give me your date of birth for verification? Customer: Of course - 4th July 1979.",
      "4th July 1979");
  expect_single(PiiKind::dob, "Agent: Your full name and date of birth? Customer: John Smith, 14/03/1968.",
                "14/03/1968");
  expect_single(PiiKind::dob, "Agent: \"What's your date of birth?\" Customer: \"14 March 1968\"",
                "14 March 1968");
}

TEST(PiiDobContext, OnlyABirthQuestionMakesTheNextTurnADateOfBirth) {
  expect_none("Agent: and the order date? Customer: 14 March 2024");
  expect_none("Agent: when was the delivery? Customer: 03/11/2025");
  expect_none("Agent: what did you buy for the birthday party? Customer: 14 March 2024 a cake");
  expect_none("Agent: did the birthday card arrive? Customer: Delivered 03/11/2025.");
  // The birth question already holds its number, or the answer does not open the turn.
  expect_single(PiiKind::dob, "Agent: DOB 01/02/1980? Customer: yes.", "01/02/1980");
  expect_none("Agent: date of birth? Customer: my order from 14 March 2024 is late");
  // No label, no turn: an answer in a later sentence is not read as one.
  expect_none("Agent asked for the date of birth. The card expired 03/11/2025.");
  expect_none("Agent: date of birth? Customer: " + day_from_today(2));
}

// The dates after one birth word, joined by list words, are all dates of birth.
TEST(PiiDobContext, EveryDateOfAListAfterABirthWordIsADateOfBirth) {
  const auto dobs = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& [kind, match] : found(text)) {
      EXPECT_EQ(kind, PiiKind::dob) << text;
      out.push_back(match);
    }
    return out;
  };
  using Dates = std::vector<std::string>;
  EXPECT_EQ(dobs("DOBs 01/02/1980 and 03/04/1982 on the account"), (Dates{"01/02/1980", "03/04/1982"}));
  EXPECT_EQ(dobs("Customer's date of birth was corrected from 02/03/1980 to 03/02/1980."),
            (Dates{"02/03/1980", "03/02/1980"}));
  EXPECT_EQ(dobs("born 3/4/1970, 5/6/1972 and 7 June 1975 respectively"),
            (Dates{"3/4/1970", "5/6/1972", "7 June 1975"}));
  EXPECT_EQ(dobs("born on 3/4/1970 and on 5/6/1972"), (Dates{"3/4/1970", "5/6/1972"}));
  EXPECT_EQ(dobs("born 3/4/1970 per the form, and her husband's DOB 12/9/1968"),
            (Dates{"3/4/1970", "12/9/1968"}));
  // Another word between them ends the list: dates after it are something else.
  EXPECT_EQ(dobs("born 3/4/1970, ordered 12/9/2020 and 14/9/2020"), (Dates{"3/4/1970"}));
  EXPECT_EQ(dobs("DOB 01/02/1980. 03/04/2024 was the delivery."), (Dates{"01/02/1980"}));
  EXPECT_EQ(dobs("DOB 01/02/1980 and 03/04/2024 delivery booked"), (Dates{"01/02/1980"}));
  EXPECT_EQ(dobs("born 3/4/1970 to 5/6/2022 appointment"), (Dates{"3/4/1970"}));
  // A list never starts without a birth word, and a future date never joins it.
  expect_none("Delivered 01/02/2024 and 03/04/2024 to the depot.");
  EXPECT_EQ(dobs("DOB 01/02/1980 and " + day_from_today(5)), (Dates{"01/02/1980"}));
}

// Every country of the SWIFT IBAN registry, with its BBAN's letters where the
// registry allows them (Moldova and Bahrain nearly throughout): found compact
// and in the printed groups of four, whatever the text's other digits.
TEST(PiiIban, EveryRegistryCountryIsFoundWithLettersWhereItsBbanHasThem) {
  const char* ibans[] = {
      "AD7994580730LHZ6R0GRAP2T",
      "AE782621299722003322453",
      "AL33832364052LKSEXVAXEVYV6WM",
      "AT197720405608656907",
      "AZ31BWFTNHR5Y8Y9S5GZUC3FPX8Z",
      "BA022548145421247201",
      "BE70986039547620",
      "BG88UBZP532926GL3ZKD2U",
      "BH97EOTF957W6TU61KH0M7",
      "BI8352174888515904584744529",
      "BR7207845474855456527558282GZ",
      "BY116UF229982VTBNL4MQMC6QLDJ",
      "CH5015273C25Y0EPRZAY1",
      "CR82461850894148859452",
      "CY256698572206NJFYA0GWKW033Q",
      "CZ4374766299447460547427",
      "DE47019734026078843703",
      "DJ2074244797891024485948075",
      "DK7059200487183066",
      "DO50606134714069474227875826",
      "EE249801341105616701",
      "EG891391247229262193081614099",
      "ES9816920615977550242984",
      "FI2488934183448235",
      "FK38OX622051901189",
      "FO4273677518086026",
      "FR653117329653UXY00JYU3Z909",
      "GB75SGXF61100233077506",
      "GE81PJ9657713221567284",
      "GI90DIFYURC6CYZWDB56KHW",
      "GL1647320309319654",
      "GR912754172RMPC3TA5D42LCC9Y",
      "GT53GER7F6DRD71DDS24VDCNM81N",
      "HN84RHCK11829139078576968204",
      "HR8973812471465228173",
      "HU36169340730345116568042907",
      "IE18EWUZ00641682514224",
      "IL447540188001025649038",
      "IQ10NELG550299214892276",
      "IS376155737962702877901260",
      "IT04G0093756733TNV9YRZYRD71",
      "JO62LEEH7601L1GUNW66FN0AG8M0BW",
      "KW83VATJ808614DK2ZB9PUUEBFY2VA",
      "KZ98431CFVYP69FHRX31",
      "LB8506629PW0WGZRGPUVTELE2MQE",
      "LC42SSUU22Q369RV2TFXM2BKHUM3NWGX",
      "LI7410728EWN50Q6GANLH",
      "LT411525919752891511",
      "LU79335ZM5FR150AHZJA",
      "LV95PMKXE7UBH6YNX0KU7",
      "LY39191465186036341241876",
      "MC552863175210KZBBS509FDP37",
      "MD21A69FT68BDL183CPB2230",
      "ME69025243615366342754",
      "MK360125EE0C2KNB759",
      "MN107273159002614255",
      "MR6532488141165457897392408",
      "MT50AXME37000P2Q8RVD8RC0YBV44GH",
      "MU20LSQI9966429170389618485NEO",
      "NI61LCPA99397001152554472144",
      "NL41AUIM2349729290",
      "NO5558107097009",
      "OM6261694QHEFCE5V9ETH1V",
      "PK58IOJJAW9750KPSWP5FKYF",
      "PL41679862327287950264978838",
      "PS92HVFNSWUGNS3Y9S7FHHXGGUMD0",
      "PT35254165141456611412018",
      "QA17NDONEQ2BUG8WZE50GLRHGF03H",
      "RO68IJRO3CP8J0MNW9EJVD5V",
      "RS92789844247769129371",
      "RU8173232174972714SYDHPBX679UXDUJ",
      "SA9586U2ZJUNCA7LV2U25X98",
      "SC47KWWT02970877503807132283VMU",
      "SD0416634033918569",
      "SE7043158987048026070331",
      "SI55277774810997999",
      "SK5193078315318512360060",
      "SM21J36621633264K2BT59NTFQ3",
      "SO846873359403825196524",
      "ST14208261087517250095749",
      "SV85OKTR62668703741818731951",
      "TL191562550418110787374",
      "TN4226497918341941646125",
      "TR316153515WG7WC4DQUVS589Y",
      "UA578818972N13HJE4WCVZ2GMA4KV",
      "VA04091901144463067425",
      "VG24QWQS6797025759117455",
      "XK401667422875422606",
      "YE14KIGT26985HU0CNN1R78BHVGXXY",
  };
  for (const std::string iban : ibans) {
    expect_single(PiiKind::iban, "Customer's IBAN " + iban + " on file.", iban);
    std::string grouped;
    for (std::size_t i = 0; i < iban.size(); i += 4) {
      if (i > 0) grouped += ' ';
      grouped.append(iban, i, 4);
    }
    expect_single(PiiKind::iban, "Paid from " + grouped + ".", grouped);
  }
  // The registry's examples for the two countries the fourth holdout found.
  expect_single(PiiKind::iban, "Moldovan account MD24 AG00 0225 1000 1310 4168",
                "MD24 AG00 0225 1000 1310 4168");
  expect_single(PiiKind::iban, "Bahrain: BH67BMAG00001299123456.", "BH67BMAG00001299123456");
}

// Mod-97 passes one string in 97: letters in a BBAN the registry writes in
// digits only, or more letters than it has places for, are no IBAN even with
// valid check digits.
TEST(PiiIban, ABbanAgainstTheRegistrysCharacterClassesIsNoIban) {
  expect_none("Ref DE0537040044053201300A logged");  // German BBANs are digits
  expect_none("Ref GB55WEST1234569876543A logged");  // four letter positions in a UK BBAN, five letters
}

// Four-part numbers that number a clause or name what a device runs, or that
// a sentence moves software between, are versions, not addresses.
TEST(PiiIpContext, ClauseNumbersRunningVersionsAndUpgradesAreNotAddresses) {
  for (const char* text :
       {"Policy clause 4.2.1.3 covers accidental damage.", "Customer read section 2.1.3.4 of the terms.",
        "See article 3.1.2.4 of the agreement.", "under paragraph 12.1.4.2 the fee applies",
        "Chapter 5.2.1.1 explains refunds.", "per rule 7.1.2.3 of the scheme", "item 1.2.3.4 on the list",
        "the terms say \u00a7 4.1.2.3 applies", "cancellation per \u00a74.1.2.3",
        "Appendix 2.2.1.9 lists fees", "Customer's smart TV runs 5.4.0.120.",
        "the router is running 8.0.1.3 since May", "Upgraded client from 8.0.0.1 to 8.0.1.3.",
        "They rolled the app back from 5.1.2.0 to 5.0.9.9 overnight.",
        "Firmware went from 2.1.0.4 to 2.2.0.1 after the update",
        "downgraded to 7.0.0.3 and then upgraded to 7.1.0.0", "Version moved from 1.0.0.9 to 1.1.0.0."}) {
    expect_none(text);
  }
}

TEST(PiiIpContext, NetworkWordsStillWinOverClauseRunAndUpgradeWords) {
  expect_single(PiiKind::ip, "firewall rule 10.0.0.5 was removed", "10.0.0.5");
  expect_single(PiiKind::ip, "section 10.1.2.3 could not connect", "10.1.2.3");
  expect_single(PiiKind::ip, "the app runs on 10.2.3.4 now", "10.2.3.4");
  EXPECT_EQ(found("After the update the server moved from 10.0.0.1 to 10.0.0.2 and failed."),
            (Found{{PiiKind::ip, "10.0.0.1"}, {PiiKind::ip, "10.0.0.2"}}));
  expect_single(PiiKind::ip, "Traffic from 8.0.0.1 to the gateway dropped", "8.0.0.1");
  expect_single(PiiKind::ip, "Customer travelled from 10.1.1.1 to work", "10.1.1.1");
  expect_single(PiiKind::ip, "The new build was deployed from CI to 10.4.5.6", "10.4.5.6");
}

// A national number dialled with its trunk prefix in the groupings people
// use: a one-digit area code after it (Budapest's 1 after Hungary's 06), a
// six-digit first group (an Indian mobile with its 0).
TEST(PiiPhoneNational, TrunkPrefixWithAOneDigitAreaCodeOrALongFirstGroup) {
  const std::pair<const char*, const char*> numbers[] = {
      {"HU", "06 1 458 3012"}, {"HU", "06 30 123 4567"}, {"HU", "06-1-458-3012"}, {"IN", "098450 12347"},
      {"IN", "091234 56789"},  {"AT", "01 5879 3344"},   {"IN", "0 98450 12347"},
  };
  for (const auto& [region, number] : numbers) {
    const PiiScanner local(PiiOptions{.default_region = region});
    expect_single(PiiKind::phone, std::string("Number on the form: ") + number + ".", number, local);
  }
  // Digits that are no valid number stay out, however they are grouped.
  const PiiScanner hungary(PiiOptions{.default_region = "HU"});
  expect_none("Batch 06 1 458 301 was recalled.", hungary);  // a digit short
  const PiiScanner india(PiiOptions{.default_region = "IN"});
  expect_none("Invoice 098450 1234 paid.", india);
}

// A number read out in comma-separated groups ("07856, 214, 309"): found when
// the groups make a valid number with the trunk prefix or a phone word names it;
// lists of amounts and thousands separators stay what they are.
TEST(PiiPhoneDictated, CommaSeparatedGroupsMakeOneNumber) {
  const PiiScanner uk(PiiOptions{.default_region = "GB"});
  expect_single(PiiKind::phone, "[00:01:12] Customer: it's 07700, 900, 461 for texts.", "07700, 900, 461",
                uk);
  expect_single(PiiKind::phone, "Landline is 020, 7946, 0958 during the day.", "020, 7946, 0958", uk);
  expect_single(PiiKind::phone, "call back on 07911, 123, 456, 3 times if needed", "07911, 123, 456", uk);
  expect_single(PiiKind::phone, "Customer's mobile: 212, 555, 0188.", "212, 555, 0188");
  expect_single(PiiKind::phone, "She read out 212, 555, 0188 as her number.", "212, 555, 0188");
  expect_none("Refunds of 212, 555, 0188 were issued.");
  expect_none("Quantities 120, 340, 560 and 7800 were shipped.", uk);
  expect_none("Paid 1,200, 350, 400 in total.", uk);
  expect_none("Order #07700, 900, 461 shipped.", uk);
}

// A phone noun or a person's "number" after a bare run names it as "call"
// before it would: "8184182236 is her new number".
TEST(PiiPhoneContext, APhoneWordAfterTheNumberAdmitsABareRun) {
  expect_single(PiiKind::phone, "Customer says 9174378812 is her new number.", "9174378812");
  expect_single(PiiKind::phone, "He confirmed 9174378812 is his mobile.", "9174378812");
  expect_single(PiiKind::phone, "9174378812 (cell) was added", "9174378812");
  expect_none("Customer says 9174378812 is the order number.");
  expect_none("Customer says 9174378812 is her new tracking number.");
  expect_none("9174378812 calls were logged this month.");
  expect_none("Customer says 9174378812 arrived yesterday.");
  expect_none("Order 9174378812, call the mobile team about it.");
}

// A birth phrase, then where the date is kept, then one label mark: the
// value after the mark is the date of birth.
TEST(PiiDobContext, ABirthPhraseWithWhereItIsKeptBeforeALabelMark) {
  expect_single(PiiKind::dob, "Date of birth on the policy: 28 February 1974.", "28 February 1974");
  expect_single(PiiKind::dob, "Customer confirmed the birthday on file, 30 June 1969.", "30 June 1969");
  expect_single(PiiKind::dob, "The birth date listed, 19 Aug 1998, is correct.", "19 Aug 1998");
  expect_single(PiiKind::dob, "DOB on her passport: 02/11/1983", "02/11/1983");
  expect_single(PiiKind::dob, "Date of birth held in our system, 1971-08-09.", "1971-08-09");
  // Other words between, a second mark, an event after or a future date: no.
  expect_none("Date of birth and the order date: 28 February 2024.");
  expect_none("The birthday card on file, 30 June 2025 was its delivery.");
  expect_none("Date of birth on the policy, then, 28 February 1974.");
  expect_none("Date of birth on the policy: 28 February 2024 renewal.");
  expect_none("Birthday on file, 12/05/2024 is the card's expiry.");
  expect_none("DOB on file: " + day_from_today(2));
}

// A date said in words before its digits, or after a speech verb once the
// sentence has named a date of birth.
TEST(PiiDobContext, SpokenDatesAndAnswersInTheSameSentence) {
  expect_single(PiiKind::dob, "Agent asked for date of birth and the customer said 3rd of April 1976.",
                "3rd of April 1976");
  expect_single(PiiKind::dob, "Customer: date of birth is the fifth of... 5 January 1967.", "5 January 1967");
  expect_single(PiiKind::dob,
                "Agent: what's the date of birth on the account? Customer: twelfth of April, 12/04/1979.",
                "12/04/1979");
  expect_single(PiiKind::dob,
                "Customer: my date of birth is twenty-third of May, 23/05/1987, and postcode is on file.",
                "23/05/1987");
  expect_single(PiiKind::dob, "Asked to verify the DOB, she gave 14 March 1968 straight away.",
                "14 March 1968");
  expect_single(PiiKind::dob, "We needed his birth date so he replied that it was 7/4/85.", "7/4/85");
  // A question about something else, or an event named between: no.
  expect_none("Agent asked about the birthday party and the customer said 3rd of April 2024.");
  expect_none("Agent asked for date of birth and the delivery date; the customer said 3 May 2024.");
  expect_none("Agent checked the date of birth and the order date and the customer said 3 May 2024.");
  expect_none("Agent asked for date of birth. The customer said 3 May 2024 was the order.");
}

// "born" of an idea, a plan or a product is no birth: nor is a date that
// describes an event "born at the ... workshop".
TEST(PiiDobContext, BornOfAThingIsNoDateOfBirth) {
  expect_none("The idea for the loyalty scheme was born at the 2024-05-21 workshop.");
  expect_none("The new returns policy was born on 03/02/2021 after the audit.");
  expect_none("The partnership, born out of the merger on 01/07/2019, ended.");
  expect_none("The plan was born of frustration on 12 May 2020.");
  expect_none("The feature was first born in the 14 March 2022 sprint.");
  expect_none("Born at the 2023-09-14 hackathon, the app now has users.");
  // People are born at places and on dates.
  expect_single(PiiKind::dob, "She was born at home on 3 May 1980.", "3 May 1980");
  expect_single(PiiKind::dob, "Her son was born on 14/03/2010 in Leeds.", "14/03/2010");
  expect_single(PiiKind::dob, "born on the 3rd of May 1980", "3rd of May 1980");
  expect_single(PiiKind::dob, "The customer was born 02/11/1983 and lives in York.", "02/11/1983");
}
