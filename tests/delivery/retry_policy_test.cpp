// SPDX-License-Identifier: Apache-2.0
#include "insightd/delivery/retry_policy.hpp"

#include <gtest/gtest.h>

#include <ostream>

using namespace insightd;
using namespace insightd::delivery;
using namespace std::chrono_literals;

namespace {

struct StatusCase {
  int status;
  StatusClass expected;
};

// Readable names for the parameterised cases in gtest and ctest output.
void PrintTo(const StatusCase& c, std::ostream* os) {
  *os << "HTTP " << c.status;
}

class ClassifyStatus : public ::testing::TestWithParam<StatusCase> {};

TEST_P(ClassifyStatus, MapsEachStatusToItsClass) {
  EXPECT_EQ(classify_status(GetParam().status), GetParam().expected) << "status " << GetParam().status;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ClassifyStatus,
    ::testing::Values(StatusCase{200, StatusClass::success}, StatusCase{201, StatusClass::success},
                      StatusCase{202, StatusClass::success}, StatusCase{204, StatusClass::success},
                      StatusCase{299, StatusClass::success},
                      StatusCase{0, StatusClass::retryable},  // network error
                      StatusCase{408, StatusClass::retryable}, StatusCase{429, StatusClass::retryable},
                      StatusCase{500, StatusClass::retryable}, StatusCase{502, StatusClass::retryable},
                      StatusCase{503, StatusClass::retryable}, StatusCase{504, StatusClass::retryable},
                      StatusCase{599, StatusClass::retryable}, StatusCase{410, StatusClass::gone},
                      StatusCase{400, StatusClass::permanent}, StatusCase{401, StatusClass::permanent},
                      StatusCase{403, StatusClass::permanent}, StatusCase{404, StatusClass::permanent},
                      StatusCase{409, StatusClass::permanent}, StatusCase{413, StatusClass::permanent},
                      StatusCase{422, StatusClass::permanent}, StatusCase{301, StatusClass::permanent},
                      StatusCase{100, StatusClass::permanent}));

constexpr auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));

RetryPolicy policy() {
  return RetryPolicy({100ms, 1000ms}, 5);
}

// GCC 12 warns about members left out of designated initializers, so spell them all.
AttemptResult response(int status, std::string_view retry_after = "", std::string_view body = "") {
  return {status, retry_after, body, "", ""};
}
AttemptResult network_error(std::string_view message) {
  return {0, "", "", message, ""};
}

TEST(RetryPolicy, SuccessIsDelivered) {
  std::mt19937_64 rng(1);
  EXPECT_EQ(policy().decide(response(204), 1, kNow, rng).verdict, Verdict::delivered);
  // Even on the last allowed attempt.
  EXPECT_EQ(policy().decide(response(200), 5, kNow, rng).verdict, Verdict::delivered);
}

TEST(RetryPolicy, RetryableFailuresBackOffWithinTheCeilingOfTheAttempt) {
  std::mt19937_64 rng(7);
  auto p = policy();
  for (int status : {0, 408, 429, 500, 503}) {
    for (int attempt = 1; attempt < 5; ++attempt) {
      for (int i = 0; i < 50; ++i) {
        auto d = p.decide(status == 0 ? network_error("Connection refused") : response(status), attempt, kNow,
                          rng);
        ASSERT_EQ(d.verdict, Verdict::retry) << status;
        ASSERT_GE(d.delay, 0ms);
        ASSERT_LE(d.delay, p.backoff().ceiling(attempt)) << "attempt " << attempt;
        ASSERT_LE(d.delay, 1000ms);
      }
    }
  }
}

// A CRM's Retry-After is honoured above crm.backoff.max (it was clamped to
// it), up to the common ceiling that keeps a hostile header from overflowing.
TEST(RetryPolicy, RetryAfterReplacesJitterAboveBackoffMaxUpToTheCeiling) {
  std::mt19937_64 rng(3);
  RetryPolicy p({100ms, 10s}, 5);
  EXPECT_EQ(p.decide(response(429, "3"), 1, kNow, rng).delay, 3s);
  EXPECT_EQ(p.decide(response(503, "3600"), 1, kNow, rng).delay, 3600s);
  EXPECT_EQ(p.decide(response(503, "9223372036854775807"), 1, kNow, rng).delay, kMaxRetryAfter);
  // HTTP-date form, relative to now.
  EXPECT_EQ(p.decide(response(503, "Tue, 14 Nov 2023 22:13:25 GMT"), 1, kNow, rng).delay, 5s);
  // Unparsable: plain jitter.
  EXPECT_LE(p.decide(response(429, "later"), 1, kNow, rng).delay, 100ms);
}

TEST(RetryPolicy, RetryableFailureOnTheLastAttemptIsDeadLettered) {
  std::mt19937_64 rng(1);
  auto d = policy().decide(response(503), 5, kNow, rng);
  EXPECT_EQ(d.verdict, Verdict::dead_letter);
  EXPECT_EQ(d.error, "gave up after 5 attempts: HTTP 503");
  auto net = policy().decide(network_error("Connection refused"), 5, kNow, rng);
  EXPECT_EQ(net.verdict, Verdict::dead_letter);
  EXPECT_EQ(net.error, "gave up after 5 attempts: network error: Connection refused");
}

TEST(RetryPolicy, GoneDisablesTheEndpointOnAnyAttempt) {
  std::mt19937_64 rng(1);
  for (int attempt : {1, 5}) {
    auto d = policy().decide(response(410), attempt, kNow, rng);
    EXPECT_EQ(d.verdict, Verdict::endpoint_disabled);
    EXPECT_EQ(d.error, "HTTP 410: endpoint disabled");
  }
}

TEST(RetryPolicy, OtherClientErrorsAreDeadLetteredAtOnceWithTheStatus) {
  std::mt19937_64 rng(1);
  auto d = policy().decide(response(422, "", R"({"code":"invalid_payload"})"), 1, kNow, rng);
  EXPECT_EQ(d.verdict, Verdict::dead_letter);
  EXPECT_EQ(d.error, "HTTP 422 (code: invalid_payload)");
}

TEST(DescribeResponse, KeepsOnlyTokenLikeCodesNeverFreeText) {
  EXPECT_EQ(describe_response(400, ""), "HTTP 400");
  EXPECT_EQ(describe_response(400, "<html>bad</html>"), "HTTP 400");
  EXPECT_EQ(describe_response(400, R"({"error":"invalid_request"})"), "HTTP 400 (error: invalid_request)");
  // Free text may echo insight text (PII): dropped.
  EXPECT_EQ(describe_response(400, R"({"error":"call me at 555 0100","message":"x"})"), "HTTP 400");
  EXPECT_EQ(describe_response(400, R"({"code":42})"), "HTTP 400");
  EXPECT_EQ(describe_response(400, R"(["code"])"), "HTTP 400");
  // Token-like is not PII-free: a card number is one token.
  EXPECT_EQ(describe_response(400, R"({"code":"4111111111111111"})"), "HTTP 400 (code: [CARD])");
}

TEST(RetryPolicy, ARedirectIsDeadLetteredNamingItsLocation) {
  std::mt19937_64 rng(1);
  AttemptResult moved{301, "", "", "", "https://crm.example.com/v2/ingest?owner=jane@example.com"};
  auto d = policy().decide(moved, 1, kNow, rng);
  EXPECT_EQ(d.verdict, Verdict::dead_letter);
  EXPECT_EQ(
      d.error,
      "HTTP 301 redirect to https://crm.example.com/v2/ingest?owner=[EMAIL] (redirects are not followed: "
      "set crm.url to the final URL)");
  EXPECT_EQ(policy().decide(response(307), 1, kNow, rng).error, "HTTP 307 redirect without a Location");
}

}  // namespace
