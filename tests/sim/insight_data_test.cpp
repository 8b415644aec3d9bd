// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/insight_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "insightd/common/rfc3339.hpp"
#include "insightd/sim/faults.hpp"

using namespace insightd::sim;
using namespace std::chrono_literals;

namespace {

const auto anchor = std::chrono::system_clock::time_point(std::chrono::seconds(1790000000));

std::vector<std::string> ids_of(const std::vector<SimInsight>& v) {
  std::vector<std::string> out;
  for (const auto& i : v) out.push_back(i.id);
  return out;
}

}  // namespace

TEST(SimFaultMarkers, MarkersInTheIdSelectFaults) {
  auto f = faults_for("ia-7-flaky-pii-tokenexpiry-n120");
  EXPECT_TRUE(f.flaky);
  EXPECT_TRUE(f.pii);
  EXPECT_TRUE(f.token_expiry);
  EXPECT_FALSE(f.not_found);
  EXPECT_FALSE(f.rate_limit);
  EXPECT_EQ(f.insight_count, 120u);

  EXPECT_TRUE(faults_for("x-longlimit").long_limit);
  EXPECT_FALSE(faults_for("x-longlimit").rate_limit);
  EXPECT_FALSE(faults_for("plain-id").insight_count.has_value());
  EXPECT_FALSE(faults_for("ia-n").insight_count.has_value());  // "-n" without digits
  EXPECT_EQ(faults_for("ia-n99999999999999999999").insight_count, kMaxInsightCount);
}

TEST(SimInsightData, SameIdAndSeedGiveTheSameInsights) {
  auto a = generate_insights("ia-0042", 7, anchor);
  auto b = generate_insights("ia-0042", 7, anchor);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].type, b[i].type);
    EXPECT_EQ(a[i].confidence, b[i].confidence);
    EXPECT_EQ(a[i].text, b[i].text);
    EXPECT_EQ(a[i].created_text, b[i].created_text);
  }
  EXPECT_NE(ids_of(a), ids_of(generate_insights("ia-0043", 7, anchor)));
  EXPECT_NE(ids_of(a), ids_of(generate_insights("ia-0042", 8, anchor)));
}

TEST(SimInsightData, CountMarkerIsExactAndDefaultIsFiveToForty) {
  EXPECT_EQ(generate_insights("ia-0042-n250", 0, anchor).size(), 250u);
  EXPECT_EQ(generate_insights("ia-n0", 0, anchor).size(), 0u);
  for (int i = 0; i < 50; ++i) {
    auto n = generate_insights("ia-" + std::to_string(i), 0, anchor).size();
    EXPECT_GE(n, 5u);
    EXPECT_LE(n, 40u);
  }
}

TEST(SimInsightData, CleanInsightsAreWellFormedRecentAndFreeOfPii) {
  auto all = generate_insights("ia-clean-n200", 0, anchor);
  std::set<std::string> ids, types;
  for (const auto& i : all) {
    EXPECT_FALSE(i.id.empty());
    ids.insert(i.id);
    types.insert(i.type);
    EXPECT_GE(i.confidence, 0.3);
    EXPECT_LE(i.confidence, 1.0);
    EXPECT_LE(i.created, anchor);
    EXPECT_GT(i.created, anchor - 3h);
    EXPECT_FALSE(i.redacted);
    EXPECT_EQ(i.text.find('@'), std::string::npos) << i.text;
    EXPECT_EQ(i.created_text, insightd::format_rfc3339(i.created));
  }
  EXPECT_EQ(ids.size(), all.size());  // unique
  EXPECT_EQ(types, (std::set<std::string>{"keyword", "summary", "sentiment", "topic"}));
}

TEST(SimInsightData, PiiFaultPlantsEveryKindInRedactedEntities) {
  auto all = generate_insights("ia-pii-n12", 0, anchor);
  auto redacted = std::count_if(all.begin(), all.end(), [](const SimInsight& i) { return i.redacted; });
  EXPECT_EQ(redacted, 3);  // positions 0, 4, 8
  for (const auto& i : all) {
    if (!i.redacted) continue;
    for (auto pii : PlantedPii::kAll) EXPECT_NE(i.text.find(pii), std::string::npos) << pii;
  }
}

TEST(SimInsightData, MalformedFaultYieldsEachKindOfBrokenEntity) {
  auto all = generate_insights("ia-malformed-n10", 0, anchor);
  ASSERT_EQ(all.size(), 10u);
  EXPECT_TRUE(all[1].id.empty());
  EXPECT_EQ(all[2].created_text, "yesterday afternoon");
  EXPECT_EQ(all[3].type, "emotion");
  auto malformed = std::count_if(all.begin(), all.end(), [](const SimInsight& i) { return i.malformed; });
  EXPECT_EQ(malformed, 3);
  EXPECT_FALSE(to_entity_json(all[1]).contains("id"));
}

TEST(SimInsightData, StaleAndFutureShiftDatesByDays) {
  for (const auto& i : generate_insights("ia-stale-n20", 0, anchor)) EXPECT_LE(i.created, anchor - 48h);
  for (const auto& i : generate_insights("ia-future-n20", 0, anchor)) EXPECT_GE(i.created, anchor + 24h);
}

TEST(SimInsightData, EntityJsonHasTheAgentassistFields) {
  auto e = to_entity_json(generate_insights("ia-1-n1", 0, anchor).at(0));
  for (auto key : {"id", "interactionId", "insightType", "confidence", "text", "createdDate", "redacted"})
    EXPECT_TRUE(e.contains(key)) << key;
  EXPECT_EQ(e.at("interactionId").as_string(), "ia-1-n1");
}
