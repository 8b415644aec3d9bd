// SPDX-License-Identifier: Apache-2.0
#include "sim/sim_fixture.hpp"

using namespace insightd;
using namespace insightd::sim::testing;
using namespace std::chrono_literals;

using SimAuth = SimFixture;

TEST_F(SimAuth, IssuesABearerTokenForTheConfiguredClient) {
  options.token_ttl = 300s;
  start();
  auto r = request_token(options.client_id, options.client_secret);
  ASSERT_EQ(r.status, 200u);
  auto body = json(r).as_object();
  EXPECT_EQ(body.at("token_type").as_string(), "bearer");
  EXPECT_EQ(body.at("expires_in").as_int64(), 300);
  EXPECT_FALSE(body.at("access_token").as_string().empty());
  EXPECT_TRUE(r.headers.contains("ININ-Correlation-Id"));
}

TEST_F(SimAuth, WrongSecretOrUnknownClientIsInvalidClient) {
  for (auto [id, secret] : {std::pair<std::string, std::string>{options.client_id, "wrong"},
                            {"someone-else", options.client_secret}}) {
    auto r = request_token(id, secret);
    EXPECT_EQ(r.status, 400u);
    auto body = json(r).as_object();
    EXPECT_EQ(body.at("error").as_string(), "invalid_client");
    EXPECT_FALSE(body.at("description").as_string().empty());
  }
}

TEST_F(SimAuth, MissingBasicAuthIs401InvalidClient) {
  http::ServerRequest r;
  r.method = "POST";
  r.target = "/oauth/token";
  r.body = "grant_type=client_credentials";
  auto resp = call(r);
  EXPECT_EQ(resp.status, 401u);
  EXPECT_EQ(json(resp).at("error").as_string(), "invalid_client");
}

TEST_F(SimAuth, OtherGrantTypesAreUnsupported) {
  auto r = request_token(options.client_id, options.client_secret, "grant_type=password");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(json(r).at("error").as_string(), "unsupported_grant_type");
}

TEST_F(SimAuth, ApiCallsWithoutAValidBearerAre401) {
  auto missing = get(insights_url("ia-1"), "");
  EXPECT_EQ(missing.status, 401u);
  EXPECT_EQ(json(missing).at("code").as_string(), "authentication.required");
  auto unknown = get(insights_url("ia-1"), "not-a-token");
  EXPECT_EQ(unknown.status, 401u);
  EXPECT_EQ(json(unknown).at("status").as_int64(), 401);
  EXPECT_EQ(json(unknown).at("code").as_string(), "bad.credentials");
}

TEST_F(SimAuth, TokensExpireServerSide) {
  options.token_ttl = 60s;
  start();
  const auto bearer = token();
  advance(59s);
  EXPECT_EQ(get(insights_url("ia-1"), bearer).status, 200u);
  advance(1s);
  EXPECT_EQ(get(insights_url("ia-1"), bearer).status, 401u);
  EXPECT_EQ(get(insights_url("ia-1"), token()).status, 200u);
}

TEST_F(SimAuth, TokenExpiryFaultRevokesTheTokenAfterPageOneOnce) {
  const std::string id = "ia-tokenexpiry-n30";
  const auto first_token = token();
  auto page1 = get(insights_url(id, "maxResults=10"), first_token);
  ASSERT_EQ(page1.status, 200u);
  const std::string next(json(page1).at("nextPageToken").as_string());

  auto page2 = get(insights_url(id, "maxResults=10&nextPageToken=" + next), first_token);
  EXPECT_EQ(page2.status, 401u);

  const auto fresh = token();
  EXPECT_EQ(get(insights_url(id, "maxResults=10&nextPageToken=" + next), fresh).status, 200u);
  // Once per ID: starting over does not revoke the fresh token again.
  EXPECT_EQ(get(insights_url(id, "maxResults=10"), fresh).status, 200u);
  EXPECT_EQ(get(insights_url(id, "maxResults=10&nextPageToken=" + next), fresh).status, 200u);
}
