// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/payload.hpp"

#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

using namespace insightd;
using namespace insightd::delivery;

namespace {

Insight make_insight(int n) {
  Insight i;
  i.id = "ins-" + std::to_string(n);
  i.interaction_id = "conv-1";
  i.type = InsightType::sentiment;
  i.confidence = 0.9;
  i.text = "text " + std::to_string(n);
  i.created_date = "2026-11-24T00:00:00Z";
  i.source = "agentassist";
  return i;
}

std::vector<Insight> make_insights(int count) {
  std::vector<Insight> out;
  for (int n = 0; n < count; ++n) out.push_back(make_insight(n));
  return out;
}

boost::json::object governance() {
  return {{"pass", true}, {"staleCount", 0}};
}

boost::json::object parse_body(const queue::OutboxMessage& m) {
  return boost::json::parse(m.body).as_object();
}

TEST(Payload, TheBodyIsByteForByteTheSerialisedDocument) {
  // The body is written as text; it must be exactly what serialising the
  // documented object would give, escapes and number formats included.
  auto insights = make_insights(3);
  insights[1].text = "quote \" backslash \\ newline \n tab \t control \x01 \xc3\xa9 \xf0\x9f\x98\x80";
  insights[2].confidence = 0.123456789012345;
  insights[2].redacted = true;
  insights[0].confidence = 1;
  auto messages = build_messages("conv-\"1\"", "cycle-1", "agentassist", "2026-11-24T01:00:00.123Z", insights,
                                 governance(), 200);
  ASSERT_EQ(messages.size(), 1u);
  boost::json::array items;
  for (const auto& i : insights) items.push_back(to_json(i));
  const boost::json::object expected{{"type", kWebhookEventType},
                                     {"interactionId", "conv-\"1\""},
                                     {"fetchedAt", "2026-11-24T01:00:00.123Z"},
                                     {"source", "agentassist"},
                                     {"part", 1},
                                     {"parts", 1},
                                     {"count", 3},
                                     {"insights", std::move(items)},
                                     {"governance", governance()}};
  EXPECT_EQ(messages[0].body, boost::json::serialize(expected));
}

TEST(Payload, OneMessageCarriesTheDocumentedFields) {
  auto messages = build_messages("conv-1", "cycle-1", "agentassist", "2026-11-24T01:00:00Z", make_insights(2),
                                 governance(), 200);
  ASSERT_EQ(messages.size(), 1u);
  const auto& m = messages[0];
  EXPECT_EQ(m.interaction_id, "conv-1");
  EXPECT_EQ(m.part, 1);
  EXPECT_EQ(m.parts, 1);
  auto body = parse_body(m);
  EXPECT_EQ(body.at("type"), "agentassist.insights.synced");
  EXPECT_EQ(body.at("interactionId"), "conv-1");
  EXPECT_EQ(body.at("fetchedAt"), "2026-11-24T01:00:00Z");
  EXPECT_EQ(body.at("source"), "agentassist");
  EXPECT_EQ(body.at("count"), 2);
  EXPECT_EQ(body.at("part"), 1);
  EXPECT_EQ(body.at("parts"), 1);
  EXPECT_EQ(body.at("governance"), governance());
  ASSERT_TRUE(body.at("insights").is_array());
  EXPECT_EQ(body.at("insights").as_array().at(1), to_json(make_insight(1)));
}

TEST(Payload, NoInsightsStillYieldsOneMessageWithAnEmptyArray) {
  auto messages = build_messages("conv-1", "cycle-1", "sta", "2026-11-24T01:00:00Z", {}, governance(), 200);
  ASSERT_EQ(messages.size(), 1u);
  auto body = parse_body(messages[0]);
  ASSERT_TRUE(body.at("insights").is_array());
  EXPECT_TRUE(body.at("insights").as_array().empty());
  EXPECT_EQ(body.at("count"), 0);
  EXPECT_NE(messages[0].body.find(R"("insights":[])"), std::string::npos);
}

TEST(Payload, SplitsIntoPartsOfAtMostTheLimitEachWithItsOwnWebhookId) {
  auto insights = make_insights(7);
  auto messages = build_messages("conv-1", "cycle-1", "agentassist", "t", insights, governance(), 3);
  ASSERT_EQ(messages.size(), 3u);
  std::set<std::string> ids;
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const auto& m = messages[i];
    EXPECT_EQ(m.part, static_cast<int>(i + 1));
    EXPECT_EQ(m.parts, 3);
    auto body = parse_body(m);
    EXPECT_EQ(body.at("part"), i + 1);
    EXPECT_EQ(body.at("parts"), 3);
    const auto& items = body.at("insights").as_array();
    EXPECT_EQ(body.at("count"), items.size());
    EXPECT_EQ(items.size(), i < 2 ? 3u : 1u);
    for (const auto& item : items) seen.emplace_back(item.at("id").as_string());
    EXPECT_TRUE(m.webhook_id.starts_with("msg_")) << m.webhook_id;
    ids.insert(m.webhook_id);
  }
  EXPECT_EQ(ids.size(), 3u);
  // Every insight exactly once, in order.
  ASSERT_EQ(seen.size(), 7u);
  for (int n = 0; n < 7; ++n) EXPECT_EQ(seen[static_cast<std::size_t>(n)], "ins-" + std::to_string(n));
}

TEST(Payload, ExactMultipleOfTheLimitHasNoEmptyTrailingPart) {
  auto messages = build_messages("conv-1", "cycle-1", "agentassist", "t", make_insights(6), governance(), 3);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(parse_body(messages[1]).at("count"), 3);
}

TEST(Payload, ACycleRebuiltAfterACrashGetsTheSameWebhookIds) {
  // The first attempt is made before anything is written: a cycle redone after
  // kill -9 must send what the CRM may already have under the same ids.
  auto a = build_messages("conv-1", "cycle-1", "agentassist", "2026-11-24T01:00:00Z", make_insights(6),
                          governance(), 3);
  auto b = build_messages("conv-1", "cycle-1", "agentassist", "2026-11-24T01:05:00Z", make_insights(5),
                          governance(), 3);
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(a[0].webhook_id, b[0].webhook_id);
  EXPECT_EQ(a[1].webhook_id, b[1].webhook_id);
  EXPECT_TRUE(a[0].webhook_id.starts_with("msg_"));
  EXPECT_EQ(a[0].webhook_id.size(), 4u + 32u);
  EXPECT_EQ(a[0].webhook_id.find_first_not_of("0123456789abcdef", 4), std::string::npos);
}

TEST(Payload, WebhookIdsDifferByPartCycleAndInteraction) {
  const auto id = webhook_id_for("conv-1", "cycle-1", 1);
  EXPECT_NE(id, webhook_id_for("conv-1", "cycle-1", 2));
  EXPECT_NE(id, webhook_id_for("conv-1", "cycle-2", 1));  // the ID queued again: a new delivery
  EXPECT_NE(id, webhook_id_for("conv-2", "cycle-1", 1));
  // The fields cannot run into each other: ("ab", "c") is not ("a", "bc").
  EXPECT_NE(webhook_id_for("ab", "c", 1), webhook_id_for("a", "bc", 1));
}

TEST(Payload, RejectsANonPositivePartLimit) {
  EXPECT_THROW(build_messages("conv-1", "cycle-1", "agentassist", "t", {}, governance(), 0),
               std::invalid_argument);
}

}  // namespace
