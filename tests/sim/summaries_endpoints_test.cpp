// SPDX-License-Identifier: Apache-2.0
#include "sim/sim_fixture.hpp"

using namespace insightd;
using namespace insightd::sim::testing;

using SimSummaries = SimFixture;

TEST_F(SimSummaries, CopilotSummariesHaveTheConversationSummaryShape) {
  auto r = get("/api/v2/conversations/c-42-n40/summaries", token());
  ASSERT_EQ(r.status, 200u);
  auto body = json(r).as_object();
  EXPECT_EQ(body.at("conversation").at("id").as_string(), "c-42-n40");
  const auto& summary = body.at("summary").as_object();
  EXPECT_EQ(summary.at("status").as_string(), "Completed");
  for (auto key : {"id", "text", "confidence", "dateCreated", "reason", "resolution", "followup"})
    EXPECT_TRUE(summary.contains(key)) << key;
  EXPECT_TRUE(summary.at("reason").at("text").is_string());
  EXPECT_FALSE(body.at("sessionSummaries").as_array().empty());
}

TEST_F(SimSummaries, SameConversationGivesTheSameSummaries) {
  const auto bearer = token();
  for (auto path :
       {"/api/v2/conversations/c-7/summaries", "/api/v2/speechandtextanalytics/conversations/c-7/summaries",
        "/api/v2/speechandtextanalytics/conversations/c-7/sentiments"}) {
    auto a = get(path, bearer), b = get(path, bearer);
    EXPECT_EQ(a.body, b.body) << path;
  }
}

TEST_F(SimSummaries, StaSummariesListEntitiesWithInsights) {
  auto body =
      json(get("/api/v2/speechandtextanalytics/conversations/c-42-n40/summaries", token())).as_object();
  const auto& entities = body.at("entities").as_array();
  ASSERT_FALSE(entities.empty());
  const auto& first = entities.at(0).as_object();
  for (auto key : {"id", "summary", "dateCreated", "insights"}) EXPECT_TRUE(first.contains(key)) << key;
  for (const auto& insight : first.at("insights").as_array())
    for (auto key : {"type", "title", "description"}) EXPECT_TRUE(insight.as_object().contains(key)) << key;
}

TEST_F(SimSummaries, StaSentimentsSplitPositiveAndNegativeReasons) {
  auto body =
      json(get("/api/v2/speechandtextanalytics/conversations/c-42-n200/sentiments", token())).as_object();
  const auto& insights = body.at("sentimentInsights").as_object();
  const auto& positive = insights.at("positiveSentimentReasons").as_array();
  const auto& negative = insights.at("negativeSentimentReasons").as_array();
  ASSERT_FALSE(positive.empty());
  ASSERT_FALSE(negative.empty());
  for (const auto& e : positive)
    EXPECT_NE(e.at("description").as_string().find("positive"), boost::json::string::npos);
  for (const auto& e : negative)
    EXPECT_NE(e.at("description").as_string().find("negative"), boost::json::string::npos);
}
