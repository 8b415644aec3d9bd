// SPDX-License-Identifier: Apache-2.0
#include "insightd/governance/governance.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "governance/pii_expect.hpp"

using namespace insightd;
using namespace insightd::governance;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

constexpr auto kNow = sys_days{year{2026} / 11 / 24} + 12h;  // 2026-11-24T12:00:00Z
constexpr const char* kFresh = "2026-11-24T11:00:00Z";
constexpr const char* kStale = "2026-11-22T11:00:00Z";
constexpr const char* kFuture = "2026-11-24T12:30:00Z";
constexpr const char* kCard = "4111 1111 1111 1111";

Insight insight(std::string id, std::string text, std::string created = kFresh, bool redacted = false) {
  Insight i;
  i.id = std::move(id);
  i.interaction_id = "conv-1";
  i.text = std::move(text);
  i.created_date = std::move(created);
  i.redacted = redacted;
  i.source = "agentassist";
  return i;
}

GovernanceConfig config(StalePolicy stale, PiiPolicy pii) {
  GovernanceConfig cfg;
  cfg.max_age = 24h;
  cfg.stale = stale;
  cfg.pii = pii;
  return cfg;
}

using governance::test::scanner;

std::vector<std::string> ids(const std::vector<Insight>& insights) {
  std::vector<std::string> out;
  for (const auto& i : insights) out.push_back(i.id);
  return out;
}

}  // namespace

TEST(GovernStale, DropRemovesAndCountsButPasses) {
  std::vector<Insight> v{insight("a", "fine"), insight("b", "old", kStale), insight("c", "fine too")};
  const auto r = govern(v, config(StalePolicy::drop, PiiPolicy::mask), kNow, scanner());
  EXPECT_TRUE(r.pass);
  EXPECT_EQ(r.stale_count, 1);
  EXPECT_EQ(r.dropped, 1);
  EXPECT_EQ(ids(v), (std::vector<std::string>{"a", "c"}));
}

TEST(GovernStale, DeliverKeepsAndFlags) {
  std::vector<Insight> v{insight("a", "fine"), insight("b", "old", kStale)};
  const auto r = govern(v, config(StalePolicy::deliver, PiiPolicy::mask), kNow, scanner());
  EXPECT_TRUE(r.pass);
  EXPECT_EQ(r.stale_count, 1);
  EXPECT_EQ(r.dropped, 0);
  EXPECT_EQ(ids(v), (std::vector<std::string>{"a", "b"}));
}

TEST(GovernStale, FailFailsTheInteractionWithAReason) {
  std::vector<Insight> v{insight("a", "fine"), insight("b", "old", kStale), insight("c", "old", kStale)};
  const auto r = govern(v, config(StalePolicy::fail, PiiPolicy::mask), kNow, scanner());
  EXPECT_FALSE(r.pass);
  EXPECT_FALSE(r.blocked);
  EXPECT_EQ(r.stale_count, 2);
  EXPECT_NE(r.fail_reason.find("stale: 2"), std::string::npos) << r.fail_reason;
}

TEST(GovernStale, NothingStaleNothingFlagged) {
  std::vector<Insight> v{insight("a", "fine", "2026-11-24T13:30:00+02:00")};  // 11:30Z
  const auto r = govern(v, config(StalePolicy::fail, PiiPolicy::mask), kNow, scanner());
  EXPECT_TRUE(r.pass);
  EXPECT_EQ(r.stale_count, 0);
  EXPECT_TRUE(r.fail_reason.empty());
}

TEST(GovernMalformed, FutureAndUnparsableDatesAreAlwaysDroppedAndCounted) {
  for (auto policy : {StalePolicy::drop, StalePolicy::deliver, StalePolicy::fail}) {
    std::vector<Insight> v{insight("a", "fine"), insight("b", "skewed", kFuture),
                           insight("c", "bad", "yesterday")};
    const auto r = govern(v, config(policy, PiiPolicy::mask), kNow, scanner());
    EXPECT_TRUE(r.pass);
    EXPECT_EQ(r.malformed, 2);
    EXPECT_EQ(r.dropped, 2);
    EXPECT_EQ(r.stale_count, 0);
    EXPECT_EQ(ids(v), (std::vector<std::string>{"a"}));
  }
}

TEST(GovernPii, MaskReplacesEveryFindingInEveryInsight) {
  std::vector<Insight> v{insight("a", std::string("card ") + kCard + " and a@example.com"),
                         insight("b", "call +1 212 555 0100"), insight("c", "nothing")};
  const auto r = govern(v, config(StalePolicy::drop, PiiPolicy::mask), kNow, scanner());
  EXPECT_TRUE(r.pass);
  EXPECT_EQ(v[0].text, "card [CARD] and [EMAIL]");
  EXPECT_EQ(v[1].text, "call [PHONE]");
  EXPECT_EQ(v[2].text, "nothing");
  EXPECT_EQ(r.masked, 3);
  EXPECT_EQ(r.pii_findings, (std::map<std::string, int>{{"card", 1}, {"email", 1}, {"phone", 1}}));
  EXPECT_EQ(r.redaction_leaks, 0);
}

TEST(GovernPii, BlockFailsWithKindsAndStillMasksInPlace) {
  std::vector<Insight> v{insight("a", std::string("card ") + kCard),
                         insight("b", "ssn 123-45-6789, x@y.com")};
  const auto r = govern(v, config(StalePolicy::drop, PiiPolicy::block), kNow, scanner());
  EXPECT_FALSE(r.pass);
  EXPECT_TRUE(r.blocked);
  EXPECT_EQ(r.fail_reason, "pii: card=1, email=1, ssn=1");
  EXPECT_EQ(v[0].text, "card [CARD]");
  EXPECT_EQ(v[1].text, "ssn [SSN], [EMAIL]");
  EXPECT_EQ(r.masked, 3);
}

TEST(GovernPii, BlockWithoutPiiPasses) {
  std::vector<Insight> v{insight("a", "customer wants a refund on 2026-11-24")};
  const auto r = govern(v, config(StalePolicy::drop, PiiPolicy::block), kNow, scanner());
  EXPECT_TRUE(r.pass);
  EXPECT_FALSE(r.blocked);
  EXPECT_TRUE(r.pii_findings.empty());
}

TEST(GovernPii, FlagLeavesTextAndRecords) {
  const std::string text = std::string("card ") + kCard;
  std::vector<Insight> v{insight("a", text)};
  const auto r = govern(v, config(StalePolicy::drop, PiiPolicy::flag), kNow, scanner());
  EXPECT_TRUE(r.pass);
  EXPECT_EQ(v[0].text, text);
  EXPECT_EQ(r.masked, 0);
  EXPECT_EQ(r.pii_findings.at("card"), 1);
}

TEST(GovernPii, RedactionLeakCountedUnderEveryPolicy) {
  for (auto policy : {PiiPolicy::mask, PiiPolicy::block, PiiPolicy::flag}) {
    std::vector<Insight> v{insight("a", std::string("[redacted] card ") + kCard, kFresh, true),
                           insight("b", "[redacted] nothing left", kFresh, true),
                           insight("c", "a@example.com", kFresh, false)};
    const auto r = govern(v, config(StalePolicy::drop, policy), kNow, scanner());
    EXPECT_EQ(r.redaction_leaks, 1);
    if (policy == PiiPolicy::block) {
      EXPECT_NE(r.fail_reason.find("redaction_leaks=1"), std::string::npos) << r.fail_reason;
    }
  }
}

TEST(GovernPii, StaleDroppedInsightsAreNotScanned) {
  std::vector<Insight> v{insight("a", std::string("card ") + kCard, kStale, true)};
  const auto r = govern(v, config(StalePolicy::drop, PiiPolicy::block), kNow, scanner());
  EXPECT_TRUE(r.pass);  // nothing left to deliver, nothing leaked
  EXPECT_EQ(r.redaction_leaks, 0);
  EXPECT_TRUE(v.empty());
}

TEST(GovernPii, StaleFailAndPiiBlockBothReported) {
  std::vector<Insight> v{insight("a", std::string("card ") + kCard, kStale)};
  const auto r = govern(v, config(StalePolicy::fail, PiiPolicy::block), kNow, scanner());
  EXPECT_FALSE(r.pass);
  EXPECT_TRUE(r.blocked);
  EXPECT_NE(r.fail_reason.find("stale: 1"), std::string::npos) << r.fail_reason;
  EXPECT_NE(r.fail_reason.find("pii: card=1"), std::string::npos) << r.fail_reason;
  EXPECT_EQ(v[0].text, "card [CARD]");
}

TEST(GovernanceResultJson, HasEveryFieldAndNeverTheMatchedText) {
  std::vector<Insight> v{insight("a", std::string("card ") + kCard, kFresh, true), insight("b", "x", kStale)};
  const auto r = govern(v, config(StalePolicy::drop, PiiPolicy::block), kNow, scanner());
  const auto json = r.to_json();
  EXPECT_EQ(json.at("governance_pass").as_bool(), false);
  EXPECT_EQ(json.at("blocked").as_bool(), true);
  EXPECT_EQ(json.at("stale_count").as_int64(), 1);
  EXPECT_EQ(json.at("dropped").as_int64(), 1);
  EXPECT_EQ(json.at("masked").as_int64(), 1);
  EXPECT_EQ(json.at("redaction_leaks").as_int64(), 1);
  EXPECT_EQ(json.at("malformed").as_int64(), 0);
  const auto& findings = json.at("pii_findings").as_object();
  EXPECT_EQ(findings.at("card").as_int64(), 1);
  for (const char* kind : {"email", "phone", "ssn", "iban"})
    EXPECT_EQ(findings.at(kind).as_int64(), 0) << kind;
  const std::string serialized = boost::json::serialize(json);
  EXPECT_EQ(serialized.find("4111"), std::string::npos) << serialized;
}
