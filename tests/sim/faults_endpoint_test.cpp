// SPDX-License-Identifier: Apache-2.0
#include "insightd/sim/faults.hpp"
#include "sim/sim_fixture.hpp"

using namespace insightd;
using namespace insightd::sim::testing;
using namespace std::chrono_literals;

using SimFaults = SimFixture;

TEST_F(SimFaults, NotFoundIs404WithAGenesysBody) {
  auto r = get(insights_url("ia-notfound-1"), token());
  EXPECT_EQ(r.status, 404u);
  auto body = json(r).as_object();
  EXPECT_EQ(body.at("status").as_int64(), 404);
  EXPECT_EQ(body.at("code").as_string(), "not.found");
  EXPECT_NE(body.at("message").as_string().find("ia-notfound-1"), boost::json::string::npos);
}

TEST_F(SimFaults, ChattyErrorEchoesContactDetailsInItsMessage) {
  auto r = get(insights_url("ia-chattyerror-1"), token());
  EXPECT_EQ(r.status, 400u);
  const std::string message(json(r).at("message").as_string());
  for (auto detail : {sim::kChattyEmail, sim::kChattyPhone, sim::kChattyCard})
    EXPECT_NE(message.find(detail), std::string::npos) << message;
}

TEST_F(SimFaults, ForbiddenIs403) {
  auto r = get(insights_url("ia-forbidden-1"), token());
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(json(r).at("status").as_int64(), 403);
}

TEST_F(SimFaults, FlakyFailsTheFirstTwoRequestsOfThatIdOnly) {
  const auto bearer = token();
  EXPECT_EQ(get(insights_url("ia-flaky-1"), bearer).status, 503u);
  EXPECT_EQ(get(insights_url("ia-flaky-2"), bearer).status, 503u);  // counted per ID
  EXPECT_EQ(get(insights_url("ia-flaky-1"), bearer).status, 503u);
  EXPECT_EQ(get(insights_url("ia-flaky-1"), bearer).status, 200u);
  EXPECT_EQ(get(insights_url("ia-flaky-1"), bearer).status, 200u);
}

TEST_F(SimFaults, RateLimitAnswers429OnceWithTheConfiguredRetryAfter) {
  options.retry_after = 7s;
  start();
  const auto bearer = token();
  auto r = get(insights_url("ia-ratelimit-1"), bearer);
  EXPECT_EQ(r.status, 429u);
  EXPECT_EQ(r.headers.get("Retry-After"), "7");
  EXPECT_EQ(json(r).at("code").as_string(), "too.many.requests.retry.after");
  EXPECT_EQ(get(insights_url("ia-ratelimit-1"), bearer).status, 200u);
}

TEST_F(SimFaults, LongLimitAlwaysAnswers429WithAnHour) {
  const auto bearer = token();
  for (int i = 0; i < 2; ++i) {
    auto r = get(insights_url("ia-longlimit-1"), bearer);
    EXPECT_EQ(r.status, 429u);
    EXPECT_EQ(r.headers.get("Retry-After"), "3600");
  }
  auto stats = service->stats();
  ASSERT_EQ(stats.rate_limited.size(), 2u);
  EXPECT_EQ(stats.rate_limited[0].cause, "longlimit");
  EXPECT_EQ(stats.rate_limited[0].retry_after_s, 3600);
}

TEST_F(SimFaults, NotReadySummaryIsPendingOnTheFirstRequestOnly) {
  const auto bearer = token();
  auto first = json(get("/api/v2/conversations/c-notready-1/summaries", bearer));
  EXPECT_EQ(first.at("summary").at("status").as_string(), "Pending");
  EXPECT_FALSE(first.at("summary").as_object().contains("text"));
  auto second = json(get("/api/v2/conversations/c-notready-1/summaries", bearer));
  EXPECT_EQ(second.at("summary").at("status").as_string(), "Completed");
}

TEST_F(SimFaults, FaultsApplyToEverySource) {
  const auto bearer = token();
  for (auto path : {"/api/v2/conversations/c-notfound/summaries",
                    "/api/v2/speechandtextanalytics/conversations/c-notfound/summaries",
                    "/api/v2/speechandtextanalytics/conversations/c-notfound/sentiments"})
    EXPECT_EQ(get(path, bearer).status, 404u) << path;
}

TEST_F(SimFaults, PiiEntitiesClaimRedactionButCarryPii) {
  auto r = json(get(insights_url("ia-pii-n8"), token()));
  int redacted = 0;
  for (const auto& e : r.at("entities").as_array()) {
    if (!e.at("redacted").as_bool()) continue;
    ++redacted;
    EXPECT_NE(e.at("text").as_string().find("@example.com"), boost::json::string::npos);
  }
  EXPECT_EQ(redacted, 2);
}

TEST_F(SimFaults, UnknownPathsAndMethodsAreRefused) {
  const auto bearer = token();
  EXPECT_EQ(get("/api/v2/agentassist/interactions/ia-1", bearer).status, 404u);
  http::ServerRequest post;
  post.method = "POST";
  post.target = insights_url("ia-1");
  post.headers.set("Authorization", "Bearer " + bearer);
  EXPECT_EQ(call(post).status, 405u);
}
