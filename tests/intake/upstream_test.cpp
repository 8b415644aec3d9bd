// SPDX-License-Identifier: Apache-2.0
// One intake API call under the fetcher's retry policy: each answer class
// (2xx, 401, 429 short and long, 5xx, other 4xx, transport errors) against a
// scripted client, with the rate limiter on virtual time and the backoff's
// sleeps recorded instead of slept; what an upstream echoes is redacted.
#include "../../src/intake/upstream.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "genesys/run_coroutine.hpp"
#include "genesys/test_config.hpp"
#include "genesys/virtual_clock.hpp"
#include "insightd/common/error.hpp"
#include "insightd/genesys/rate_limiter.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "support/fake_http_client.hpp"

namespace insightd::intake::detail {
namespace {

using namespace std::chrono_literals;
using test::FakeHttpClient;
using test::respond;

constexpr std::string_view kPath = "/api/v2/analytics/conversations/details/query";

class UpstreamTest : public ::testing::Test {
 protected:
  UpstreamTest() {
    client.route("https://login.test", [this](const http::Request&) {
      return respond(200, fmt::format(R"({{"access_token":"tok-{}","expires_in":86400}})", ++issued));
    });
    client.steady_clock = [this] { return clock.now(); };
    upstream.deps.client = &client;
    upstream.deps.tokens = &tokens;
    upstream.deps.limiter = &limiter;
    upstream.genesys = &cfg.genesys;
    upstream.sleep = [this](std::chrono::milliseconds delay) { return record_sleep(delay); };
  }

  boost::asio::awaitable<bool> record_sleep(std::chrono::milliseconds delay) {
    sleeps.push_back(delay);
    co_return keep_going;
  }

  UpstreamReply call() {
    return genesys::testing::run_to_completion(io, upstream.call("POST", std::string(kPath), "{}"));
  }

  // The API requests sent, login requests left out.
  std::vector<const FakeHttpClient::Sent*> api_sent() const {
    std::vector<const FakeHttpClient::Sent*> out;
    for (const auto& s : client.sent)
      if (s.request.url.starts_with("https://api.test")) out.push_back(&s);
    return out;
  }

  boost::asio::io_context io{1};
  Config cfg = genesys::testing::test_config();  // retry.max_attempts 3, backoff 1..2 ms
  int issued = 0;
  FakeHttpClient client{[](const http::Request&) { return respond(200, R"({"conversations":[]})"); }};
  genesys::testing::VirtualLimiterClock clock;
  genesys::RateLimiter limiter{io.get_executor(), cfg.genesys.requests_per_minute, cfg.genesys.burst, clock};
  genesys::TokenManager tokens{io.get_executor(), client, limiter, cfg.genesys};
  Upstream upstream;
  std::vector<std::chrono::milliseconds> sleeps;
  bool keep_going = true;
};

TEST_F(UpstreamTest, A2xxAnswerIsReturnedWithItsBody) {
  auto reply = call();
  ASSERT_TRUE(reply.ok) << reply.error;
  EXPECT_EQ(reply.response.body, R"({"conversations":[]})");
  ASSERT_EQ(api_sent().size(), 1u);
  EXPECT_EQ(api_sent()[0]->request.headers.get("Authorization"), "Bearer tok-1");
  EXPECT_TRUE(sleeps.empty());
}

TEST_F(UpstreamTest, A401RefreshesTheTokenOnceAndRetries) {
  client.set_script([](const http::Request& r) {
    if (r.headers.get("Authorization") == "Bearer tok-1") return respond(401);
    return respond(200, "{}");
  });
  auto reply = call();
  ASSERT_TRUE(reply.ok) << reply.error;
  ASSERT_EQ(api_sent().size(), 2u);
  EXPECT_EQ(api_sent()[1]->request.headers.get("Authorization"), "Bearer tok-2");
  EXPECT_TRUE(sleeps.empty());
}

TEST_F(UpstreamTest, ASecond401FailsWithoutAThirdTry) {
  client.set_script([](const http::Request&) { return respond(401); });
  auto reply = call();
  EXPECT_FALSE(reply.ok);
  EXPECT_NE(reply.error.find("HTTP 401"), std::string::npos) << reply.error;
  EXPECT_EQ(api_sent().size(), 2u);
  EXPECT_EQ(issued, 2);
}

TEST_F(UpstreamTest, A429PausesEveryRequestForRetryAfterThenRetries) {
  client.set_script([](const http::Request&, std::size_t n) {
    if (n == 1) return respond(429, R"({"message":"slow down"})", {{"Retry-After", "7"}});  // n 0: the login
    return respond(200, "{}");
  });
  auto reply = call();
  ASSERT_TRUE(reply.ok) << reply.error;
  const auto sent = api_sent();
  ASSERT_EQ(sent.size(), 2u);
  // The pause is the limiter's (every request waits, fetches too), not a backoff sleep.
  EXPECT_GE(sent[1]->steady_at - sent[0]->steady_at, 7s);
  EXPECT_TRUE(sleeps.empty());
}

TEST_F(UpstreamTest, ALongWindow429IsNotRetriedAndPausesNobody) {
  client.set_script([](const http::Request&) { return respond(429, "", {{"Retry-After", "3600"}}); });
  auto reply = call();
  EXPECT_FALSE(reply.ok);
  EXPECT_NE(reply.error.find("HTTP 429"), std::string::npos) << reply.error;
  EXPECT_EQ(api_sent().size(), 1u);
  // Nobody waits: the next request goes out at once.
  const auto before = clock.now();
  genesys::testing::run_to_completion(io, limiter.acquire());
  EXPECT_EQ(clock.now(), before);
}

TEST_F(UpstreamTest, Repeated429sGiveUpAfterMaxAttempts) {
  client.set_script([](const http::Request&) { return respond(429, "", {{"Retry-After", "1"}}); });
  auto reply = call();
  EXPECT_FALSE(reply.ok);
  EXPECT_EQ(api_sent().size(), 3u);
}

TEST_F(UpstreamTest, A5xxIsRetriedWithBackoffUntilMaxAttemptsAndSaysWhy) {
  client.set_script([](const http::Request&) {
    auto r = respond(503, R"({"message":"service unavailable"})");
    r.headers.set("ININ-Correlation-Id", "corr-503");
    return r;
  });
  auto reply = call();
  EXPECT_FALSE(reply.ok);
  EXPECT_EQ(reply.error,
            "intake POST /api/v2/analytics/conversations/details/query: HTTP 503: service unavailable "
            "(correlation id corr-503)");
  EXPECT_EQ(api_sent().size(), 3u);
  ASSERT_EQ(sleeps.size(), 2u);  // between the three tries
  for (auto delay : sleeps) EXPECT_LE(delay, cfg.genesys.retry.max);
}

TEST_F(UpstreamTest, AnUpstreamEchoingContactDetailsLeavesNoneInTheError) {
  client.set_script([](const http::Request&) {
    auto r = respond(400, R"({"message":"bad query for jane.doe@example.com, +1 415 555 0199"})");
    r.headers.set("ININ-Correlation-Id", "corr for 4111111111111111");
    return r;
  });
  auto reply = call();
  EXPECT_FALSE(reply.ok);
  EXPECT_EQ(reply.error.find("jane.doe"), std::string::npos) << reply.error;
  EXPECT_EQ(reply.error.find("555 0199"), std::string::npos) << reply.error;
  EXPECT_EQ(reply.error.find("4111111111111111"), std::string::npos) << reply.error;
  EXPECT_NE(reply.error.find("[EMAIL]"), std::string::npos) << reply.error;
}

TEST_F(UpstreamTest, StoppingDuringTheBackoffEndsTheCall) {
  client.set_script([](const http::Request&) { return respond(500); });
  keep_going = false;
  auto reply = call();
  EXPECT_FALSE(reply.ok);
  EXPECT_EQ(api_sent().size(), 1u);
  EXPECT_EQ(sleeps.size(), 1u);
}

TEST_F(UpstreamTest, OtherClientErrorsAreNotRetried) {
  for (unsigned status : {400u, 403u, 404u}) {
    client.sent.clear();
    client.set_script([status](const http::Request&) { return respond(status); });
    auto reply = call();
    EXPECT_FALSE(reply.ok) << status;
    EXPECT_EQ(api_sent().size(), 1u) << status;
  }
  EXPECT_TRUE(sleeps.empty());
}

TEST_F(UpstreamTest, ATransportErrorIsRetriedButOneThatWouldRecurIsNot) {
  client.set_script([](const http::Request&) -> result<http::Response> {
    return make_error_code(boost::asio::error::connection_reset);
  });
  auto reset = call();
  EXPECT_FALSE(reset.ok);
  EXPECT_NE(reset.error.find("failed:"), std::string::npos) << reset.error;
  EXPECT_EQ(api_sent().size(), 3u);

  client.sent.clear();
  client.set_script([](const http::Request&) -> result<http::Response> {
    return make_error_code(errc::body_too_large);
  });
  EXPECT_FALSE(call().ok);
  EXPECT_EQ(api_sent().size(), 1u);  // an answer over our limits would be over them again
}

}  // namespace
}  // namespace insightd::intake::detail
