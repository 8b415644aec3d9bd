// SPDX-License-Identifier: Apache-2.0
#include "sim/sim_fixture.hpp"

using namespace insightd;
using namespace insightd::sim::testing;
using namespace std::chrono_literals;

class SimRateLimit : public SimFixture {
 protected:
  void SetUp() override {
    options.rate_limit_rpm = 60;  // one a second
    options.burst = 2;
    start();
  }
};

TEST_F(SimRateLimit, BucketAnswers429WithRetryAfterUntilATokenIsBack) {
  const auto bearer = token();  // the login endpoint is not rate limited
  EXPECT_EQ(get(insights_url("ia-1"), bearer).status, 200u);
  EXPECT_EQ(get(insights_url("ia-2"), bearer).status, 200u);
  auto limited = get(insights_url("ia-3"), bearer);
  EXPECT_EQ(limited.status, 429u);
  EXPECT_EQ(limited.headers.get("Retry-After"), "1");
  auto body = json(limited).as_object();
  EXPECT_EQ(body.at("status").as_int64(), 429);
  EXPECT_EQ(body.at("code").as_string(), "too.many.requests.retry.after");
  advance(1s);
  EXPECT_EQ(get(insights_url("ia-3"), bearer).status, 200u);
}

TEST_F(SimRateLimit, StatsPairEvery429WithTheNextApiRequest) {
  const auto bearer = token();
  get(insights_url("ia-1"), bearer);
  get(insights_url("ia-2"), bearer);
  advance(100ms);
  get(insights_url("ia-3"), bearer);  // 429 at 100 ms
  advance(400ms);
  get(insights_url("ia-3"), bearer);  // too early: 429 at 500 ms
  advance(1500ms);
  get(insights_url("ia-3"), bearer);  // at 2000 ms

  auto stats = service->stats();
  ASSERT_EQ(stats.rate_limited.size(), 2u);
  EXPECT_EQ(stats.rate_limited[0].at_ms, 100);
  EXPECT_EQ(stats.rate_limited[0].cause, "bucket");
  EXPECT_EQ(stats.rate_limited[0].next_api_request_ms, 500);
  EXPECT_EQ(stats.rate_limited[1].at_ms, 500);
  EXPECT_EQ(stats.rate_limited[1].next_api_request_ms, 2000);
  EXPECT_EQ(stats.api_request_ms, (std::vector<std::int64_t>{0, 0, 100, 500, 2000}));
  EXPECT_EQ(stats.count("agentassist_insights", 429), 2u);
  EXPECT_EQ(stats.count("agentassist_insights", 200), 3u);
}
