// SPDX-License-Identifier: Apache-2.0
// The fetch retry policy as a table: every answer class, without HTTP.
#include "insightd/genesys/fetch_policy.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>
#include <optional>
#include <vector>

#include "insightd/common/error.hpp"

namespace insightd::genesys {
namespace {
using namespace std::chrono_literals;
using ::testing::HasSubstr;
using Action = FetchAction;

// Wed, 01 May 2024 10:00:00 GMT: the instant HTTP-date Retry-Afters are read against.
constexpr auto kNow = std::chrono::sys_days{std::chrono::year{2024} / 5 / 1} + 10h;

constexpr FetchRetryPolicy kPolicy{BackoffPolicy{100ms, 1s}, 3};

FetchAnswer status(int code, std::string_view retry_after = {}) {
  FetchAnswer answer;
  answer.status = code;
  answer.retry_after = retry_after;
  return answer;
}

FetchAnswer transport(boost::system::error_code ec) {
  FetchAnswer answer;
  answer.transport = ec;
  return answer;
}

struct Row {
  const char* what;
  FetchAnswer answer;
  Action action;
  std::optional<std::chrono::seconds> retry_after;  // expected: only a 429 has one
};

// The first answer of a request: nothing met before.
TEST(FetchRetryPolicy, FirstAnswerOfEveryClass) {
  const std::vector<Row> rows{
      {"200", status(200), Action::use_body, std::nullopt},
      {"204", status(204), Action::use_body, std::nullopt},
      {"299", status(299), Action::use_body, std::nullopt},
      {"401", status(401), Action::refresh_token, std::nullopt},
      {"400", status(400), Action::fail_permanent, std::nullopt},
      {"403", status(403), Action::fail_permanent, std::nullopt},
      {"404", status(404), Action::fail_permanent, std::nullopt},
      {"408", status(408), Action::fail_permanent, std::nullopt},
      {"301", status(301), Action::fail_permanent, std::nullopt},
      {"100", status(100), Action::fail_permanent, std::nullopt},
      {"429 no Retry-After", status(429), Action::pause_all, 1s},
      {"429 unusable Retry-After", status(429, "soon"), Action::pause_all, 1s},
      {"429 Retry-After 0", status(429, "0"), Action::pause_all, 0s},
      {"429 short", status(429, "5"), Action::pause_all, 5s},
      {"429 at the long-window bound", status(429, "180"), Action::pause_all, 180s},
      {"429 just past the bound", status(429, "181"), Action::park, 181s},
      {"429 long", status(429, "3600"), Action::park, 3600s},
      {"429 HTTP-date short", status(429, "Wed, 01 May 2024 10:00:30 GMT"), Action::pause_all, 30s},
      {"429 HTTP-date long", status(429, "Wed, 01 May 2024 12:00:00 GMT"), Action::park, 7200s},
      {"429 HTTP-date past", status(429, "Wed, 01 May 2024 09:00:00 GMT"), Action::pause_all, 0s},
      {"429 huge", status(429, "9223372036854775807"), Action::park, kMaxRetryAfter},
      {"429 beyond 64 bits", status(429, "99999999999999999999999"), Action::park, kMaxRetryAfter},
      {"500", status(500), Action::retry, std::nullopt},
      {"502", status(502), Action::retry, std::nullopt},
      {"503 with Retry-After", status(503, "60"), Action::retry, std::nullopt},
      {"timeout", transport(errc::timeout), Action::retry, std::nullopt},
      {"connection refused", transport(boost::asio::error::connection_refused), Action::retry, std::nullopt},
      {"connection reset", transport(boost::asio::error::connection_reset), Action::retry, std::nullopt},
      {"oversized body", transport(errc::body_too_large), Action::fail_permanent, std::nullopt},
      {"Beast body limit", transport(boost::beast::http::error::body_limit), Action::fail_permanent,
       std::nullopt},
      {"Beast header limit", transport(boost::beast::http::error::header_limit), Action::fail_permanent,
       std::nullopt},
      {"invalid URL", transport(errc::invalid_url), Action::fail_permanent, std::nullopt},
  };
  for (const auto& row : rows) {
    FetchAttempts attempts;
    std::mt19937_64 rng(7);
    const auto decision = kPolicy.decide(row.answer, attempts, kNow, rng);
    EXPECT_EQ(decision.action, row.action) << row.what;
    EXPECT_EQ(decision.retry_after, row.retry_after) << row.what;
    // Only a 429 that does not park holds the other workers.
    EXPECT_EQ(decision.pauses_everyone(), row.action == Action::pause_all) << row.what;
    if (row.action == Action::retry) {
      EXPECT_GE(decision.delay, 0ms) << row.what;
      EXPECT_LE(decision.delay, 100ms) << row.what;  // the first backoff ceiling
    } else {
      EXPECT_EQ(decision.delay, 0ms) << row.what;
    }
  }
}

TEST(FetchRetryPolicy, A401RefreshesOnceThenFailsTransiently) {
  FetchAttempts attempts;
  std::mt19937_64 rng(1);
  const auto first = kPolicy.decide(status(401), attempts, kNow, rng);
  EXPECT_EQ(first.action, Action::refresh_token);
  EXPECT_TRUE(attempts.token_refreshed);
  const auto second = kPolicy.decide(status(401), attempts, kNow, rng);
  EXPECT_EQ(second.action, Action::fail_transient);
  EXPECT_THAT(second.note, HasSubstr("fresh token"));
}

TEST(FetchRetryPolicy, ServerErrorsRetryWithGrowingBackoffUntilTheLimit) {
  FetchAttempts attempts;
  std::mt19937_64 rng(3);
  const auto first = kPolicy.decide(status(500), attempts, kNow, rng);
  ASSERT_EQ(first.action, Action::retry);
  EXPECT_LE(first.delay, 100ms);
  const auto second = kPolicy.decide(transport(errc::timeout), attempts, kNow, rng);
  ASSERT_EQ(second.action, Action::retry);
  EXPECT_LE(second.delay, 200ms);  // 5xx and transport errors share one count
  const auto third = kPolicy.decide(status(503), attempts, kNow, rng);
  EXPECT_EQ(third.action, Action::fail_transient);
  EXPECT_EQ(third.note, "giving up after 3 attempts");
  EXPECT_EQ(attempts.transient_failures, 3);
}

TEST(FetchRetryPolicy, RepeatedRateLimitsGiveUpForNowButStillPauseEveryone) {
  FetchAttempts attempts;
  std::mt19937_64 rng(5);
  EXPECT_EQ(kPolicy.decide(status(429, "2"), attempts, kNow, rng).action, Action::pause_all);
  EXPECT_EQ(kPolicy.decide(status(429, "2"), attempts, kNow, rng).action, Action::pause_all);
  const auto third = kPolicy.decide(status(429, "2"), attempts, kNow, rng);
  EXPECT_EQ(third.action, Action::fail_transient);
  EXPECT_EQ(third.retry_after, 2s);
  EXPECT_TRUE(third.pauses_everyone());
  EXPECT_EQ(third.note, "rate limited 3 times, giving up for now");
  EXPECT_EQ(attempts.transient_failures, 0);  // 429s have their own count
}

TEST(FetchRetryPolicy, RateLimitsAndServerErrorsAreCountedApart) {
  FetchAttempts attempts;
  std::mt19937_64 rng(9);
  EXPECT_EQ(kPolicy.decide(status(500), attempts, kNow, rng).action, Action::retry);
  EXPECT_EQ(kPolicy.decide(status(429), attempts, kNow, rng).action, Action::pause_all);
  EXPECT_EQ(kPolicy.decide(status(500), attempts, kNow, rng).action, Action::retry);
  EXPECT_EQ(kPolicy.decide(status(429), attempts, kNow, rng).action, Action::pause_all);
  EXPECT_EQ(kPolicy.decide(status(401), attempts, kNow, rng).action, Action::refresh_token);
  EXPECT_EQ(kPolicy.decide(status(200), attempts, kNow, rng).action, Action::use_body);
}

TEST(FetchRetryPolicy, AParkNamesTheLongWindowAndCountsNoAttempt) {
  FetchAttempts attempts;
  std::mt19937_64 rng(11);
  const auto park = kPolicy.decide(status(429, "3600"), attempts, kNow, rng);
  EXPECT_EQ(park.action, Action::park);
  EXPECT_EQ(park.note, "long-window rate limit (Retry-After 3600s > 180s)");
  EXPECT_EQ(attempts.rate_limited, 0);
}

TEST(FetchRetryPolicy, AtLeastOneAttemptWhateverTheConfiguration) {
  const FetchRetryPolicy once{BackoffPolicy{100ms, 1s}, 0};
  EXPECT_EQ(once.max_attempts(), 1);
  FetchAttempts attempts;
  std::mt19937_64 rng(13);
  EXPECT_EQ(once.decide(status(500), attempts, kNow, rng).action, Action::fail_transient);
}

TEST(FetchRetryPolicy, BuiltFromTheRetryConfiguration) {
  RetryConfig retry;
  retry.max_attempts = 2;
  retry.initial = 10ms;
  retry.max = 10ms;
  const auto policy = FetchRetryPolicy::from_config(retry);
  EXPECT_EQ(policy.max_attempts(), 2);
  FetchAttempts attempts;
  std::mt19937_64 rng(17);
  const auto first = policy.decide(status(502), attempts, kNow, rng);
  EXPECT_EQ(first.action, Action::retry);
  EXPECT_LE(first.delay, 10ms);
  EXPECT_EQ(policy.decide(status(502), attempts, kNow, rng).action, Action::fail_transient);
}

}  // namespace
}  // namespace insightd::genesys
