// SPDX-License-Identifier: Apache-2.0
#include "insightd/genesys/fetcher.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/url/parse.hpp>
#include <map>

#include "insightd/common/backoff.hpp"
#include "insightd/genesys/rate_limiter.hpp"
#include "insightd/genesys/token_manager.hpp"
#include "run_coroutine.hpp"
#include "support/fake_http_client.hpp"
#include "test_config.hpp"
#include "virtual_clock.hpp"

namespace insightd::genesys {
namespace {
using namespace std::chrono_literals;
using test::FakeHttpClient;
using test::respond;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_to_completion;
namespace asio = boost::asio;
using steady = std::chrono::steady_clock;
using Outcome = FetchResult::Outcome;

std::string query_param(const std::string& url, std::string_view key) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return "<bad url>";
  auto params = parsed->params();
  auto it = params.find(key);
  return it == params.end() ? "" : std::string((*it).value);
}

constexpr std::string_view kLoginUrl = "https://login.test/";

bool is_login(const http::Request& r) {
  return r.url.starts_with(kLoginUrl);
}

std::string entity(std::string_view id, std::string_view type = "keyword") {
  return fmt::format(
      R"({{"id":"{}","insightType":"{}","confidence":0.9,"text":"t","createdDate":"2024-05-01T10:00:00Z"}})",
      id, type);
}

std::string page_body(std::vector<std::string> entities, std::string_view next) {
  return fmt::format(R"({{"entities":[{}],"nextPageToken":"{}"}})", fmt::join(entities, ","), next);
}

// Three pages per interaction: {id}-1 {id}-2 | {id}-3 {id}-4 | {id}-5.
result<http::Response> three_pages(const http::Request& r) {
  auto path = boost::urls::parse_absolute_uri(r.url)->path();
  auto id = path.substr(std::string("/api/v2/agentassist/interactions/").size());
  id = id.substr(0, id.find('/'));
  auto token = query_param(r.url, "nextPageToken");
  if (token.empty()) return respond(200, page_body({entity(id + "-1"), entity(id + "-2")}, "p2"));
  if (token == "p2") return respond(200, page_body({entity(id + "-3"), entity(id + "-4")}, "p3"));
  return respond(200, page_body({entity(id + "-5")}, ""));
}

std::vector<std::string> ids(const FetchResult& r) {
  std::vector<std::string> out;
  for (const auto& i : r.insights) out.push_back(i.id);
  return out;
}

struct RecordingObserver : FetchObserver {
  explicit RecordingObserver(const testing::VirtualLimiterClock& limiter_clock) : clock(limiter_clock) {}
  std::vector<int> statuses;
  int malformed = 0;
  int rate_limited = 0;
  std::optional<steady::time_point> rate_limited_at;  // when the fetcher saw the 429, on the limiter's clock
  void on_upstream_request(std::string_view source, int status, double) override {
    if (source != "login") statuses.push_back(status);
  }
  void on_malformed(std::string_view, int count) override { malformed += count; }
  void on_rate_limited(std::chrono::seconds) override {
    ++rate_limited;
    rate_limited_at = clock.now();
  }
  const testing::VirtualLimiterClock& clock;
};

// A login endpoint handing out tok-1, tok-2, ... and a scripted API, with the
// rate limiter on virtual time: its waits (a 429's Retry-After) take none, and
// the client records when requests were sent on that time.
struct Fixture {
  explicit Fixture(SourceKind source = SourceKind::agentassist) : cfg(testing::test_config(source)) {
    client.route(std::string(kLoginUrl), [this](const http::Request&) {
      return respond(200, fmt::format(R"({{"access_token":"tok-{}","expires_in":86400}})", ++issued));
    });
    client.steady_clock = [this] { return clock.now(); };
  }

  FetchResult fetch(std::string id) {
    Fetcher fetcher(ctx.get_executor(), client, tokens, limiter, cfg, &observer);
    return run_to_completion(ctx, fetcher.fetch(std::move(id)));
  }
  std::vector<const http::Request*> api_requests() const {
    std::vector<const http::Request*> out;
    for (const auto& s : client.sent)
      if (!is_login(s.request)) out.push_back(&s.request);
    return out;
  }

  asio::io_context ctx{1};
  Config cfg;
  int issued = 0;
  std::function<result<http::Response>(const http::Request&)> api = three_pages;
  FakeHttpClient client{[this](const http::Request& r) { return api(r); }};
  testing::VirtualLimiterClock clock;
  RateLimiter limiter{ctx.get_executor(), cfg.genesys.requests_per_minute, cfg.genesys.burst, clock};
  TokenManager tokens{ctx.get_executor(), client, limiter, cfg.genesys};
  RecordingObserver observer{clock};
};

TEST(Fetcher, FollowsEveryPageAndReturnsTheInsightsInOrder) {
  Fixture f;
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::ok) << r.error;
  EXPECT_THAT(ids(r), ElementsAre("conv-a-1", "conv-a-2", "conv-a-3", "conv-a-4", "conv-a-5"));
  EXPECT_EQ(r.pages, 3);
  EXPECT_EQ(r.entities_returned, 5);
  EXPECT_EQ(r.page_capacity, 6);  // maxResults 2, three times
  EXPECT_DOUBLE_EQ(r.utilization_rate, 5.0 / 6.0);
  EXPECT_EQ(r.retries, 0);
  auto requests = f.api_requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(query_param(requests[0]->url, "nextPageToken"), "");
  EXPECT_EQ(query_param(requests[1]->url, "nextPageToken"), "p2");
  EXPECT_EQ(query_param(requests[2]->url, "nextPageToken"), "p3");
  for (auto* request : requests) EXPECT_EQ(request->headers.get("Authorization"), "Bearer tok-1");
  EXPECT_EQ(f.observer.statuses, (std::vector<int>{200, 200, 200}));
}

TEST(Fetcher, SkipsAndCountsAMalformedEntityWithoutFailing) {
  Fixture f;
  f.api = [](const http::Request&) -> result<http::Response> {
    return respond(200,
                   page_body({entity("x1"), R"({"id":"x2","insightType":"keyword"})", entity("x3")}, ""));
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::ok);
  EXPECT_THAT(ids(r), ElementsAre("x1", "x3"));
  EXPECT_EQ(r.malformed_skipped, 1);
  EXPECT_EQ(r.entities_returned, 3);
  EXPECT_EQ(f.observer.malformed, 1);
}

TEST(Fetcher, A401MidPaginationRefreshesOnceAndRetriesThatPage) {
  Fixture f;
  f.api = [](const http::Request& r) -> result<http::Response> {
    if (query_param(r.url, "nextPageToken") == "p2" && r.headers.get("Authorization") == "Bearer tok-1")
      return respond(401, R"({"status":401,"message":"token expired"})");
    return three_pages(r);
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::ok) << r.error;
  EXPECT_THAT(ids(r), ElementsAre("conv-a-1", "conv-a-2", "conv-a-3", "conv-a-4", "conv-a-5"));
  EXPECT_EQ(f.issued, 2);
  EXPECT_EQ(r.retries, 1);
  auto requests = f.api_requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[2]->headers.get("Authorization"), "Bearer tok-2");
  EXPECT_EQ(query_param(requests[2]->url, "nextPageToken"), "p2");
}

TEST(Fetcher, A401WithAFreshTokenStops) {
  Fixture f;
  f.api = [](const http::Request&) -> result<http::Response> { return respond(401, "{}"); };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::transient_failure);
  EXPECT_EQ(f.issued, 2);
  EXPECT_EQ(f.api_requests().size(), 2u);
}

asio::awaitable<void> fetch_into(Fetcher& fetcher, std::string id, std::map<std::string, FetchResult>& out) {
  out[id] = co_await fetcher.fetch(id);
}

TEST(Fetcher, A429PausesEveryWorkerUntilRetryAfter) {
  Fixture f;
  bool limited = false;
  f.api = [&limited](const http::Request& r) -> result<http::Response> {
    if (!limited && r.url.find("/conv-a/") != std::string::npos) {
      limited = true;
      return respond(429, R"({"status":429,"code":"too.many.requests.retry.after","message":"slow down"})",
                     {{"Retry-After", "1"}, {"ININ-Correlation-Id", "corr-429"}});
    }
    return three_pages(r);
  };
  Fetcher fetcher(f.ctx.get_executor(), f.client, f.tokens, f.limiter, f.cfg, &f.observer);
  std::map<std::string, FetchResult> results;
  asio::co_spawn(f.ctx, fetch_into(fetcher, "conv-a", results), asio::detached);
  asio::co_spawn(f.ctx, fetch_into(fetcher, "conv-b", results), asio::detached);
  test::run_until_idle(f.ctx);

  ASSERT_TRUE(f.observer.rate_limited_at.has_value());
  const auto limited_at = f.observer.rate_limited_at;
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results["conv-a"].outcome, Outcome::ok) << results["conv-a"].error;
  EXPECT_EQ(results["conv-b"].outcome, Outcome::ok) << results["conv-b"].error;
  EXPECT_EQ(results["conv-a"].retries, 1);
  EXPECT_GE(results["conv-a"].rate_limited_ms, 900);
  EXPECT_EQ(f.observer.rate_limited, 1);
  int b_after = 0;
  for (const auto& sent : f.client.sent) {
    if (sent.steady_at <= *limited_at) continue;
    EXPECT_GE(sent.steady_at - *limited_at, 1s) << sent.request.url;
    b_after += sent.request.url.find("/conv-b/") != std::string::npos ? 1 : 0;
  }
  EXPECT_GT(b_after, 0);  // the other worker was held too, not just the one that saw the 429
}

TEST(Fetcher, ALongWindowLimitParksTheInteractionWithoutWaiting) {
  Fixture f;
  f.api = [](const http::Request&) -> result<http::Response> {
    return respond(429, R"({"status":429,"message":"daily limit"})", {{"Retry-After", "3600"}});
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::long_window_limited);
  EXPECT_EQ(r.retry_after, 3600s);
  EXPECT_EQ(f.api_requests().size(), 1u);
  EXPECT_THAT(r.error, HasSubstr("daily limit"));
  // Nobody was told to wait an hour.
  EXPECT_EQ(run_to_completion(f.ctx, f.limiter.acquire()), 0ms);
}

// Near 2^63 the duration arithmetic overflowed and the parked interaction came
// back at once; now the value is clamped to the ceiling and parks it.
TEST(Fetcher, AHugeRetryAfterParksForTheCeilingNotForever) {
  Fixture f;
  f.api = [](const http::Request&) -> result<http::Response> {
    return respond(429, R"({"status":429})", {{"Retry-After", "9223372036854775807"}});
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::long_window_limited);
  EXPECT_EQ(r.retry_after, kMaxRetryAfter);
  EXPECT_EQ(f.api_requests().size(), 1u);
}

// A page token that cycles (A, B, A, ...) paginated forever.
TEST(Fetcher, ACyclingPageTokenStopsWithTheReason) {
  Fixture f;
  f.api = [](const http::Request& r) -> result<http::Response> {
    auto token = query_param(r.url, "nextPageToken");
    auto next = token == "A" ? "B" : "A";
    return respond(200, page_body({entity("conv-a-" + token)}, next));
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::permanent_failure);
  EXPECT_THAT(r.error, HasSubstr("pagination stopped"));
  EXPECT_THAT(r.error, HasSubstr("repeats a nextPageToken"));
  EXPECT_EQ(f.api_requests().size(), 3u);  // "", A, B: B's answer repeats A
  EXPECT_TRUE(r.insights.empty());
}

// A token that changes on every page paginated forever too.
TEST(Fetcher, PaginationStopsAtMaxPages) {
  Fixture f;
  f.cfg.retrieval.max_pages = 7;
  int page = 0;
  f.api = [&page](const http::Request&) -> result<http::Response> {
    ++page;
    return respond(200, page_body({entity("same-id")}, "t" + std::to_string(page)));
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::permanent_failure);
  EXPECT_THAT(r.error, HasSubstr("more than 7 pages (retrieval.max_pages)"));
  EXPECT_EQ(f.api_requests().size(), 7u);
  EXPECT_EQ(r.pages, 7);
}

TEST(Fetcher, DuplicateInsightIdsWithinAnInteractionAreDeliveredOnce) {
  Fixture f;
  f.api = [](const http::Request& r) -> result<http::Response> {
    auto token = query_param(r.url, "nextPageToken");
    if (token.empty()) return respond(200, page_body({entity("x"), entity("y")}, "p2"));
    return respond(200, page_body({entity("y"), entity("z"), entity("x")}, ""));
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::ok) << r.error;
  EXPECT_THAT(ids(r), ElementsAre("x", "y", "z"));
  EXPECT_EQ(r.duplicates_dropped, 2);
}

// An answer over our limits fails the same way every time: it was retried
// max_attempts times.
TEST(Fetcher, DeterministicTransportErrorsAreNotRetried) {
  for (auto ec : {make_error_code(errc::body_too_large),
                  boost::system::error_code(boost::beast::http::error::header_limit)}) {
    Fixture f;
    f.api = [ec](const http::Request&) -> result<http::Response> { return ec; };
    auto r = f.fetch("conv-a");
    EXPECT_EQ(r.outcome, Outcome::permanent_failure) << ec.message();
    EXPECT_EQ(f.api_requests().size(), 1u) << ec.message();
    EXPECT_EQ(r.retries, 0) << ec.message();
  }
}

TEST(Fetcher, A5xxIsRetriedWithBackoff) {
  Fixture f;
  int calls = 0;
  f.api = [&calls](const http::Request& r) -> result<http::Response> {
    if (++calls == 1) return respond(503, R"({"message":"unavailable"})");
    return three_pages(r);
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::ok) << r.error;
  EXPECT_EQ(r.retries, 1);
  EXPECT_EQ(r.pages, 3);
  EXPECT_EQ(f.api_requests().size(), 4u);
}

TEST(Fetcher, TransportErrorsAreRetried) {
  Fixture f;
  int calls = 0;
  f.api = [&calls](const http::Request& r) -> result<http::Response> {
    if (++calls <= 2) return errc::timeout;
    return three_pages(r);
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::ok) << r.error;
  EXPECT_EQ(r.retries, 2);
  EXPECT_EQ(f.observer.statuses.front(), 0);
}

TEST(Fetcher, PersistentServerErrorsEndAsTransientFailure) {
  Fixture f;
  f.api = [](const http::Request&) -> result<http::Response> {
    return respond(500, R"({"message":"internal"})", {{"ININ-Correlation-Id", "corr-500"}});
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::transient_failure);
  EXPECT_EQ(f.api_requests().size(), 3u);  // max_attempts
  EXPECT_EQ(r.retries, 2);
  EXPECT_EQ(r.http_status, 500);
  EXPECT_THAT(r.error, HasSubstr("HTTP 500"));
  EXPECT_THAT(r.error, HasSubstr("corr-500"));
  EXPECT_TRUE(r.insights.empty());
}

TEST(Fetcher, ClientErrorsArePermanentAtOnceWithTheUpstreamMessage) {
  for (unsigned status : {400u, 403u, 404u}) {
    Fixture f;
    f.api = [status](const http::Request&) -> result<http::Response> {
      return respond(status, R"({"status":404,"code":"not.found","message":"Conversation not found"})",
                     {{"ININ-Correlation-Id", "corr-404"}});
    };
    auto r = f.fetch("conv-a");
    EXPECT_EQ(r.outcome, Outcome::permanent_failure) << status;
    EXPECT_EQ(f.api_requests().size(), 1u) << status;
    EXPECT_EQ(r.http_status, static_cast<int>(status));
    EXPECT_EQ(r.correlation_id, "corr-404");
    EXPECT_THAT(r.error, HasSubstr("Conversation not found"));
    EXPECT_THAT(r.error, HasSubstr("corr-404"));
    EXPECT_THAT(r.error, HasSubstr("conv-a"));
  }
}

TEST(Fetcher, TheUpstreamMessageIsMaskedBeforeItBecomesTheError) {
  Fixture f;
  f.api = [](const http::Request&) -> result<http::Response> {
    return respond(400,
                   R"({"status":400,"message":"bad query for jane.doe@example.com / +44 20 7946 0958 )"
                   R"(/ 4111-1111-1111-1111"})",
                   {{"ININ-Correlation-Id", "corr-bob@example.org"}});
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::permanent_failure);
  EXPECT_THAT(r.error, HasSubstr("bad query for [EMAIL] / [PHONE] / [CARD]"));
  for (const char* leaked : {"jane.doe", "7946", "4111", "bob@"}) {
    EXPECT_THAT(r.error, Not(HasSubstr(leaked)));
    EXPECT_THAT(r.correlation_id, Not(HasSubstr(leaked)));
  }
}

TEST(Fetcher, AFailedTokenRequestIsTransientAndSaysWhy) {
  Fixture f;
  f.client.route(std::string(kLoginUrl), [](const http::Request&) {
    return respond(400, R"({"error":"invalid_client","description":"unknown client"})");
  });
  f.api = [](const http::Request&) -> result<http::Response> { return respond(500, "{}"); };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::transient_failure);
  EXPECT_THAT(r.error, HasSubstr("region"));
  EXPECT_TRUE(r.token_unavailable);
  EXPECT_TRUE(f.api_requests().empty());
}

TEST(Fetcher, ABodyThatIsNotJsonFailsTheInteraction) {
  Fixture f;
  f.api = [](const http::Request&) -> result<http::Response> {
    return respond(200, "<html>oops</html>", {{"ININ-Correlation-Id", "corr-html"}});
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::permanent_failure);
  EXPECT_THAT(r.error, HasSubstr("not JSON"));
  EXPECT_THAT(r.error, HasSubstr("corr-html"));
}

TEST(Fetcher, CopilotSummaryNotReadyYet) {
  Fixture f(SourceKind::copilot_summaries);
  f.cfg.retrieval.insight_types = {InsightType::summary, InsightType::topic};
  f.api = [](const http::Request& r) -> result<http::Response> {
    EXPECT_EQ(r.url, "https://api.test/api/v2/conversations/conv-a/summaries");
    return respond(200, R"({"summary":{"id":"s1","status":"Processing"}})");
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::not_ready);
  EXPECT_THAT(r.error, HasSubstr("Processing"));
}

TEST(Fetcher, StaReadsSummariesAndSentimentsAndFiltersOnOurSide) {
  Fixture f(SourceKind::sta);
  f.cfg.retrieval.insight_types = {InsightType::summary, InsightType::sentiment};
  f.cfg.retrieval.max_results = 10;
  f.api = [](const http::Request& r) -> result<http::Response> {
    if (r.url.ends_with("/summaries"))
      return respond(200, R"({"entities":[{"id":"e1","conversationId":"conv-a","status":"Completed",
                                   "summary":"S","dateCreated":"2024-05-01T10:00:00Z",
                                   "insights":[{"type":"Reason","title":"T","description":"D"}]}]})");
    return respond(200,
                   R"({"conversation":{"id":"conv-a"},"overallSentimentScore":0.0,"sentimentInsights":{
                                 "positiveSentimentReasons":[{"id":"e2","confidence":0.3,
                                   "dateCreated":"2024-05-01T10:00:00Z","title":"p","description":""}],
                                 "negativeSentimentReasons":[{"id":"e3","dateCreated":"2024-05-01T10:00:00Z",
                                   "title":"n","description":""}]}})");
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::ok) << r.error;
  // The topic is not a wanted type and e2 is below the 0.5 threshold.
  EXPECT_THAT(ids(r), ElementsAre("e1", "e3"));
  EXPECT_EQ(r.pages, 2);
}

TEST(Fetcher, StaSummaryNotReadyYet) {
  Fixture f(SourceKind::sta);
  f.cfg.retrieval.insight_types = {InsightType::summary, InsightType::sentiment};
  f.api = [](const http::Request& r) -> result<http::Response> {
    EXPECT_TRUE(r.url.ends_with("/summaries")) << r.url;
    return respond(200, R"({"entities":[{"id":"e1","conversationId":"conv-a","status":"Pending",
                                 "dateCreated":"2024-05-01T10:00:00Z"}]})");
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::not_ready);
  EXPECT_THAT(r.error, HasSubstr("Pending"));
  EXPECT_EQ(f.api_requests().size(), 1u);  // no sentiments request once the summary is pending
}

TEST(Fetcher, StaSkipsRequestsForUnwantedTypes) {
  Fixture f(SourceKind::sta);
  f.cfg.retrieval.insight_types = {InsightType::sentiment};
  f.api = [](const http::Request& r) -> result<http::Response> {
    EXPECT_TRUE(r.url.ends_with("/sentiments")) << r.url;
    return respond(200, R"({"conversation":{"id":"conv-a"},"sentimentInsights":{}})");
  };
  auto r = f.fetch("conv-a");
  EXPECT_EQ(r.outcome, Outcome::ok);
  EXPECT_EQ(f.api_requests().size(), 1u);
}

}  // namespace
}  // namespace insightd::genesys
