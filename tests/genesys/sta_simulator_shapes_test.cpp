// SPDX-License-Identifier: Apache-2.0
// The sta parsers against the bodies the simulator really serves (its own
// serialisation, driven through SimService without sockets), so the two
// sides cannot drift apart again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "insightd/genesys/source.hpp"
#include "sim/sim_fixture.hpp"

namespace insightd::genesys {
namespace {

class StaAgainstSimulator : public sim::testing::SimFixture {
 protected:
  http::Response served(const std::string& url) {
    auto r = get(url.substr(url.find("/api/")), token());
    EXPECT_EQ(r.status, 200u) << r.body;
    return r;
  }
  static constexpr std::string_view kApi = "https://api.test";
};

TEST_F(StaAgainstSimulator, SummariesParseIntoSummaryAndTopics) {
  const std::string id = "sta-shape-n40";
  auto r = served(sta_summaries_url(kApi, id));
  auto page = parse_sta_summaries(r.body, id);
  ASSERT_TRUE(page.has_value()) << r.body;
  EXPECT_TRUE(page->malformed.empty());

  const auto body = json(r);
  const auto& entities = body.at("entities").as_array();
  ASSERT_FALSE(entities.empty());
  std::size_t expected = 0;
  for (const auto& e : entities) expected += 1 + e.at("insights").as_array().size();
  ASSERT_EQ(page->insights.size(), expected);
  const auto& first = entities.front().as_object();
  EXPECT_EQ(page->insights[0].id, first.at("id").as_string());
  EXPECT_EQ(page->insights[0].type, InsightType::summary);
  EXPECT_EQ(page->insights[0].text, first.at("summary").as_string());
  EXPECT_DOUBLE_EQ(page->insights[0].confidence, first.at("confidence").as_double());
  EXPECT_EQ(page->insights[0].created_date, first.at("dateCreated").as_string());
  for (const auto& i : page->insights) EXPECT_EQ(i.interaction_id, id);
}

TEST_F(StaAgainstSimulator, NotReadyFaultIsNotReadyThenCompletes) {
  const std::string id = "sta-shape-notready-n20";
  auto pending = parse_sta_summaries(served(sta_summaries_url(kApi, id)).body, id);
  ASSERT_FALSE(pending.has_value());
  EXPECT_EQ(pending.error().code, errc::not_ready);
  EXPECT_THAT(pending.error().message, ::testing::HasSubstr("Pending"));

  auto retried = parse_sta_summaries(served(sta_summaries_url(kApi, id)).body, id);
  ASSERT_TRUE(retried.has_value());
  EXPECT_FALSE(retried->insights.empty());
}

TEST_F(StaAgainstSimulator, EverySentimentReasonBecomesOneInsight) {
  const std::string id = "sta-shape-n200";
  auto r = served(sta_sentiments_url(kApi, id));
  auto page = parse_sta_sentiments(r.body, id);
  ASSERT_TRUE(page.has_value()) << r.body;
  EXPECT_TRUE(page->malformed.empty());

  const auto body = json(r);
  const auto& reasons = body.at("sentimentInsights").as_object();
  const auto& positive = reasons.at("positiveSentimentReasons").as_array();
  const auto& negative = reasons.at("negativeSentimentReasons").as_array();
  ASSERT_FALSE(positive.empty());
  ASSERT_FALSE(negative.empty());
  ASSERT_EQ(page->insights.size(), positive.size() + negative.size());
  const auto& last = negative.back().as_object();
  const auto& insight = page->insights.back();
  EXPECT_EQ(insight.id, last.at("id").as_string());
  EXPECT_EQ(insight.type, InsightType::sentiment);
  EXPECT_DOUBLE_EQ(insight.confidence, last.at("confidence").as_double());
  EXPECT_THAT(insight.text, ::testing::StartsWith("negative: "));
  EXPECT_THAT(insight.text, ::testing::HasSubstr(std::string(last.at("description").as_string())));
  EXPECT_THAT(page->insights.front().text, ::testing::StartsWith("positive: "));
}

TEST_F(StaAgainstSimulator, MalformedFaultSkipsEntitiesWithoutFailing) {
  const std::string id = "sta-shape-malformed-n200";
  auto sentiments = parse_sta_sentiments(served(sta_sentiments_url(kApi, id)).body, id);
  ASSERT_TRUE(sentiments.has_value());
  auto summaries = parse_sta_summaries(served(sta_summaries_url(kApi, id)).body, id);
  ASSERT_TRUE(summaries.has_value());
  EXPECT_GT(sentiments->malformed.size() + summaries->malformed.size(), 0u);
}

}  // namespace
}  // namespace insightd::genesys
