// SPDX-License-Identifier: Apache-2.0
#include "sim/sim_fixture.hpp"

using namespace insightd;
using namespace insightd::sim::testing;
using namespace std::chrono_literals;

class SimStatsEndpoints : public SimFixture {
 protected:
  boost::json::object stats_json() {
    http::ServerRequest r;
    r.method = "GET";
    r.target = "/sim/stats";
    auto resp = call(r);
    EXPECT_EQ(resp.status, 200u);
    return json(resp).as_object();
  }
};

TEST_F(SimStatsEndpoints, CountsRequestsByEndpointAndStatus) {
  const auto bearer = token();
  request_token(options.client_id, "wrong");
  get(insights_url("ia-1"), bearer);
  get(insights_url("ia-2"), bearer);
  get(insights_url("ia-notfound"), bearer);
  get("/api/v2/conversations/c-1/summaries", bearer);
  advance(250ms);
  get(insights_url("ia-3"), "");

  auto s = stats_json();
  const auto& requests = s.at("requests").as_object();
  EXPECT_EQ(requests.at("oauth_token").at("200").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(requests.at("oauth_token").at("400").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(requests.at("agentassist_insights").at("200").to_number<std::uint64_t>(), 2u);
  EXPECT_EQ(requests.at("agentassist_insights").at("404").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(requests.at("agentassist_insights").at("401").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(requests.at("copilot_summaries").at("200").to_number<std::uint64_t>(), 1u);
  EXPECT_EQ(s.at("token_requests").to_number<std::uint64_t>(), 2u);
  EXPECT_EQ(s.at("tokens_issued").to_number<std::uint64_t>(), 1u);
  const auto& times = s.at("api_request_ms").as_array();
  ASSERT_EQ(times.size(), 5u);
  EXPECT_EQ(times.back().as_int64(), 250);
  EXPECT_TRUE(s.at("crm").at("receipts").as_array().empty());
}

TEST_F(SimStatsEndpoints, ResetClearsCountersAndFaultMemory) {
  const auto bearer = token();
  EXPECT_EQ(get(insights_url("ia-ratelimit"), bearer).status, 429u);
  http::ServerRequest reset;
  reset.method = "POST";
  reset.target = "/sim/reset";
  EXPECT_EQ(call(reset).status, 200u);

  auto s = stats_json();
  EXPECT_TRUE(s.at("requests").as_object().empty());
  EXPECT_TRUE(s.at("rate_limited").as_array().empty());
  EXPECT_EQ(s.at("token_requests").to_number<std::uint64_t>(), 0u);
  // Tokens survive a reset; the one-shot fault fires again.
  EXPECT_EQ(get(insights_url("ia-ratelimit"), bearer).status, 429u);
}
