// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/token_manager.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "insightd/genesys/observer.hpp"
#include "insightd/genesys/rate_limiter.hpp"
#include "run_coroutine.hpp"
#include "support/fake_http_client.hpp"
#include "test_config.hpp"

namespace insightd::genesys {
namespace {
using namespace std::chrono_literals;
using test::FakeHttpClient;
using test::respond;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_to_completion;
namespace asio = boost::asio;
using steady = std::chrono::steady_clock;

TEST(TokenRequest, IsTheClientCredentialsForm) {
  auto cfg = testing::test_config();
  cfg.genesys.login_base_url = "https://login.test/";
  auto request = make_token_request(cfg.genesys);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://login.test/oauth/token");
  EXPECT_EQ(request.headers.get("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.headers.get("Authorization"), "Basic aWQ6czNjcmV0");  // base64("id:s3cret")
  EXPECT_EQ(request.body, "grant_type=client_credentials");
}

TEST(TokenResponse, RefreshIsDueAtNinetyPercentOfTheLifetime) {
  const auto t0 = steady::time_point{} + 100s;
  auto token =
      parse_token_response(respond(200, R"({"access_token":"abc","token_type":"bearer","expires_in":1000})"),
                           "https://login.test", t0);
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(token->value, "abc");
  EXPECT_EQ(token->expires_in, 1000s);
  EXPECT_EQ(token->refresh_at(), t0 + 900s);
  EXPECT_FALSE(token->needs_refresh(t0 + 899s));
  EXPECT_TRUE(token->needs_refresh(t0 + 900s));
}

TEST(TokenResponse, InvalidClientNamesTheRegionAndNotTheSecret) {
  auto token =
      parse_token_response(respond(400, R"({"error":"invalid_client","description":"client not found"})",
                                   {{"ININ-Correlation-Id", "corr-7"}}),
                           "https://login.mypurecloud.ie", steady::now());
  ASSERT_FALSE(token.has_value());
  EXPECT_EQ(token.error().code, errc::token_request_failed);
  const auto& detail = token.error().message;
  EXPECT_THAT(detail, HasSubstr("invalid_client"));
  EXPECT_THAT(detail, HasSubstr("client not found"));
  EXPECT_THAT(detail, HasSubstr("region"));
  EXPECT_THAT(detail, HasSubstr("https://login.mypurecloud.ie/oauth/token"));
  EXPECT_THAT(detail, HasSubstr("corr-7"));
}

TEST(TokenResponse, RefusalTextIsMaskedBeforeItReachesTheDetail) {
  auto token = parse_token_response(
      respond(401,
              R"({"error":"ops@example.com","description":"client owned by jane.doe@example.com, )"
              R"(call +1 415 555 0199, card 4111 1111 1111 1111"})",
              {{"ININ-Correlation-Id", "corr for bob@example.org"}}),
      "https://login.test", steady::now());
  ASSERT_FALSE(token.has_value());
  const auto& detail = token.error().message;
  for (const char* leaked : {"ops@example.com", "jane.doe", "415 555 0199", "4111 1111", "bob@example.org"})
    EXPECT_THAT(detail, Not(HasSubstr(leaked))) << detail;
  EXPECT_THAT(detail, HasSubstr("client owned by [EMAIL], call [PHONE], card [CARD]"));
}

TEST(TokenResponse, AnswerWithoutAccessTokenIsMalformed) {
  EXPECT_EQ(
      parse_token_response(respond(200, R"({"expires_in":10})"), "https://l", steady::now()).error().code,
      errc::malformed_response);
  EXPECT_EQ(parse_token_response(respond(200, "<html>"), "https://l", steady::now()).error().code,
            errc::malformed_response);
  EXPECT_EQ(parse_token_response(respond(200, R"({"access_token":"a","expires_in":"x"})"), "https://l",
                                 steady::now())
                .error()
                .code,
            errc::malformed_response);
}

// A login endpoint that hands out tok-1, tok-2, ... valid for 1000 s.
struct TokenFixture {
  asio::io_context ctx{1};
  Config cfg = testing::test_config();
  steady::time_point now = steady::time_point{} + 100s;
  int issued = 0;
  FakeHttpClient client{[this](const http::Request&) -> result<http::Response> {
    return respond(
        200, fmt::format(R"({{"access_token":"tok-{}","token_type":"bearer","expires_in":1000}})", ++issued));
  }};
  RateLimiter limiter{ctx.get_executor(), cfg.genesys.requests_per_minute, cfg.genesys.burst};
  TokenManager tokens{ctx.get_executor(), client, limiter, cfg.genesys, nullptr, [this] { return now; }};
};

TEST(TokenManager, CachesUntilNinetyPercentThenRefreshes) {
  TokenFixture f;
  EXPECT_EQ(run_to_completion(f.ctx, f.tokens.token()).value(), "tok-1");
  f.now += 899s;
  EXPECT_EQ(run_to_completion(f.ctx, f.tokens.token()).value(), "tok-1");
  EXPECT_EQ(f.client.sent.size(), 1u);
  f.now += 1s;
  EXPECT_EQ(run_to_completion(f.ctx, f.tokens.token()).value(), "tok-2");
  EXPECT_EQ(f.client.sent.size(), 2u);
}

TEST(TokenManager, AFailedEarlyRefreshKeepsTheTokenUntilItExpires) {
  TokenFixture f;
  ASSERT_EQ(run_to_completion(f.ctx, f.tokens.token()).value(), "tok-1");
  f.client.set_script([](const http::Request&) -> result<http::Response> { return errc::timeout; });
  f.now += 950s;
  EXPECT_EQ(run_to_completion(f.ctx, f.tokens.token()).value(), "tok-1");
  f.now += 50s;  // expired now
  EXPECT_EQ(run_to_completion(f.ctx, f.tokens.token()).error().code, errc::timeout);
  EXPECT_EQ(f.client.sent.size(), 3u);
}

asio::awaitable<void> take_token(TokenManager& tokens, std::vector<std::string>& out) {
  auto token = co_await tokens.token();
  out.push_back(token ? *token : "error");
}

TEST(TokenManager, FiftyConcurrentCallersShareOneRequest) {
  TokenFixture f;
  std::vector<std::string> got;
  for (int i = 0; i < 50; ++i) asio::co_spawn(f.ctx, take_token(f.tokens, got), asio::detached);
  test::run_until_idle(f.ctx);
  EXPECT_EQ(f.client.sent.size(), 1u);
  ASSERT_EQ(got.size(), 50u);
  for (const auto& token : got) EXPECT_EQ(token, "tok-1");
}

TEST(TokenManager, InvalidateForcesARefreshOnlyForTheCurrentToken) {
  TokenFixture f;
  ASSERT_EQ(run_to_completion(f.ctx, f.tokens.token()).value(), "tok-1");
  f.tokens.invalidate("tok-1");
  ASSERT_EQ(run_to_completion(f.ctx, f.tokens.token()).value(), "tok-2");
  // A worker that saw a 401 with the old token after someone else refreshed.
  f.tokens.invalidate("tok-1");
  EXPECT_EQ(run_to_completion(f.ctx, f.tokens.token()).value(), "tok-2");
  EXPECT_EQ(f.client.sent.size(), 2u);
}

struct CountingObserver : FetchObserver {
  int ok = 0;
  int failed = 0;
  std::vector<int> statuses;
  void on_token_refresh(bool success) override { success ? ++ok : ++failed; }
  void on_upstream_request(std::string_view source, int status, double) override {
    EXPECT_EQ(source, "login");
    statuses.push_back(status);
  }
};

TEST(TokenManager, ARefusedRequestIsAnErrorWithALoggableMessage) {
  asio::io_context ctx(1);
  auto cfg = testing::test_config();
  FakeHttpClient client([](const http::Request&) -> result<http::Response> {
    return respond(401, R"({"error":"invalid_client","description":"bad client"})");
  });
  RateLimiter limiter(ctx.get_executor(), 60000, 10);
  CountingObserver observer;
  TokenManager tokens(ctx.get_executor(), client, limiter, cfg.genesys, &observer);
  auto token = run_to_completion(ctx, tokens.token());
  ASSERT_FALSE(token.has_value());
  EXPECT_EQ(token.error().code, errc::token_request_failed);
  const auto& detail = token.error().message;
  EXPECT_THAT(detail, HasSubstr("region"));
  EXPECT_THAT(detail, Not(HasSubstr("s3cret")));
  EXPECT_FALSE(tokens.has_token());
  EXPECT_EQ(observer.failed, 1);
  EXPECT_EQ(observer.statuses, std::vector<int>{401});
}

TEST(TokenManager, TransportFailureIsAnError) {
  asio::io_context ctx(1);
  auto cfg = testing::test_config();
  FakeHttpClient client([](const http::Request&) -> result<http::Response> { return errc::timeout; });
  RateLimiter limiter(ctx.get_executor(), 60000, 10);
  TokenManager tokens(ctx.get_executor(), client, limiter, cfg.genesys);
  auto token = run_to_completion(ctx, tokens.token());
  ASSERT_FALSE(token.has_value());
  EXPECT_EQ(token.error().code, errc::timeout);
  const auto& detail = token.error().message;
  EXPECT_THAT(detail, HasSubstr("https://login.test/oauth/token"));
}

asio::awaitable<void> take_token_or_error(TokenManager& tokens, std::vector<boost::system::error_code>& out) {
  auto token = co_await tokens.token();
  out.push_back(token ? boost::system::error_code{} : token.error().code);
}

asio::awaitable<void> cancel_when_the_request_waits(TokenManager& tokens, RateLimiter& limiter) {
  const auto ex = co_await asio::this_coro::executor;
  while (limiter.waiting() == 0) co_await asio::post(ex, asio::use_awaitable);
  tokens.cancel();
}

TEST(TokenManager, CancelEndsEveryWaitingCallerWithOperationAbortedAndSendsNothing) {
  asio::io_context ctx(1);
  auto cfg = testing::test_config();
  FakeHttpClient client([](const http::Request&) -> result<http::Response> {
    return respond(200, R"({"access_token":"tok-1","token_type":"bearer","expires_in":1000})");
  });
  RateLimiter limiter(ctx.get_executor(), 1, 1);
  run_to_completion(ctx, limiter.acquire());  // the burst is spent: the token request waits a minute
  TokenManager tokens(ctx.get_executor(), client, limiter, cfg.genesys);
  std::vector<boost::system::error_code> got;
  for (int i = 0; i < 3; ++i) asio::co_spawn(ctx, take_token_or_error(tokens, got), asio::detached);
  asio::co_spawn(ctx, cancel_when_the_request_waits(tokens, limiter), asio::detached);
  ctx.restart();
  ctx.run();  // returns at once: the request left the limiter's line, nothing waits out the minute
  ASSERT_EQ(got.size(), 3u);
  for (const auto& ec : got) EXPECT_EQ(ec, asio::error::operation_aborted);
  EXPECT_TRUE(client.sent.empty());
  EXPECT_EQ(limiter.waiting(), 0u);

  auto later = run_to_completion(ctx, tokens.token());
  ASSERT_FALSE(later.has_value());
  EXPECT_EQ(later.error().code, asio::error::operation_aborted);
  EXPECT_TRUE(client.sent.empty());
}

}  // namespace
}  // namespace insightd::genesys
