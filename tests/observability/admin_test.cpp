// SPDX-License-Identifier: Apache-2.0
// The admin handler, called directly (no sockets): routing, auth, limits,
// validation, readiness, lookup, metrics.
#include "insightd/observability/admin.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <memory>
#include <stdexcept>

#include "support/prometheus_text.hpp"
#include "support/run_coroutine.hpp"

namespace insightd::observability {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;

struct FakeQueue {
  std::vector<std::vector<std::string>> batches;
  std::map<std::string, json::object> known;
  bool fail = false;
  std::string throws;  // the store's exception, as SQLite raises it
};

asio::awaitable<result<std::size_t>> fake_enqueue(std::shared_ptr<FakeQueue> q,
                                                  std::vector<std::string> ids) {
  if (q->fail) co_return boost::system::error_code(make_error_code(errc::timeout));
  if (!q->throws.empty()) throw std::runtime_error(q->throws);
  q->batches.push_back(ids);
  co_return ids.size();
}

asio::awaitable<std::optional<json::object>> fake_lookup(std::shared_ptr<FakeQueue> q, std::string id) {
  auto it = q->known.find(id);
  if (it == q->known.end()) co_return std::nullopt;
  co_return it->second;
}

class AdminHandler : public ::testing::Test {
 protected:
  AdminDeps deps() {
    AdminDeps d;
    d.metrics = &metrics;
    d.not_ready_reason = [r = not_ready] { return *r; };
    d.enqueue = [q = fake_queue](std::vector<std::string> ids) { return fake_enqueue(q, std::move(ids)); };
    d.lookup = [q = fake_queue](std::string id) { return fake_lookup(q, std::move(id)); };
    d.token = "s3cret-token";
    d.max_ids = 3;
    d.before_metrics = [m = &metrics] { m->outbox_depth.set(7); };
    return d;
  }

  http::Response call(std::string method, std::string target, std::string body = {},
                      std::string authorization = {}) {
    return call_with(deps(), std::move(method), std::move(target), std::move(body), std::move(authorization));
  }

  static http::Response call_with(AdminDeps d, std::string method, std::string target, std::string body = {},
                                  std::string authorization = {}) {
    const http::Handler handler = make_admin_handler(std::move(d));
    http::ServerRequest req;
    req.method = std::move(method);
    req.target = std::move(target);
    req.body = std::move(body);
    if (!authorization.empty()) req.headers.set("Authorization", std::move(authorization));
    asio::io_context io;
    return test::run_bounded(io, handler(std::move(req)));
  }

  static std::string error_of(const http::Response& r) {
    return std::string(json::parse(r.body).at("error").as_string());
  }

  Metrics metrics{"test"};
  std::shared_ptr<FakeQueue> fake_queue = std::make_shared<FakeQueue>();
  std::shared_ptr<std::optional<std::string>> not_ready =
      std::make_shared<std::optional<std::string>>("queue not open");
};

const std::string good_body = R"({"interactionIds":["a1","b2"]})";

TEST_F(AdminHandler, HealthzAnswersOk) {
  const auto r = call("GET", "/healthz");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "ok\n");
}

TEST_F(AdminHandler, ReadyzIs503WithTheReasonUntilReady) {
  auto r = call("GET", "/readyz");
  EXPECT_EQ(r.status, 503u);
  EXPECT_NE(r.body.find("queue not open"), std::string::npos);
  *not_ready = std::nullopt;
  r = call("GET", "/readyz");
  EXPECT_EQ(r.status, 200u);
}

TEST_F(AdminHandler, MetricsAreValidPrometheusTextAfterRefreshingGauges) {
  metrics.interactions.labels({"done"}).inc();
  const auto r = call("GET", "/metrics");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.headers.get("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const auto e = test::parse_prometheus_text(r.body);
  for (const auto& error : e.errors) ADD_FAILURE() << error;
  EXPECT_EQ(e.value("insightd_interactions_total", {{"outcome", "done"}}), 1.0);
  EXPECT_EQ(e.value("insightd_outbox_depth"), 7.0);  // before_metrics ran
}

TEST_F(AdminHandler, PostWithoutTokenIs401) {
  const auto r = call("POST", "/v1/interactions", good_body);
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(r.headers.get("WWW-Authenticate"), "Bearer");
  EXPECT_TRUE(fake_queue->batches.empty());
}

TEST_F(AdminHandler, PostWithWrongTokenIs401) {
  for (const char* auth : {"Bearer s3cret-tokeN", "Bearer s3cret-token-longer", "Basic s3cret-token",
                           "s3cret-token", "Bearer "}) {
    EXPECT_EQ(call("POST", "/v1/interactions", good_body, auth).status, 401u) << auth;
  }
  EXPECT_TRUE(fake_queue->batches.empty());
}

TEST_F(AdminHandler, PostWithTheTokenEnqueuesAndAnswers202) {
  const auto r =
      call("POST", "/v1/interactions", good_body, "bearer s3cret-token");  // scheme case-insensitive
  EXPECT_EQ(r.status, 202u);
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(json::parse(r.body), json::parse(R"({"added":2})"));
  ASSERT_EQ(fake_queue->batches.size(), 1u);
  EXPECT_EQ(fake_queue->batches[0], (std::vector<std::string>{"a1", "b2"}));
}

TEST_F(AdminHandler, PostIsForbiddenWhenNoTokenIsConfigured) {
  AdminDeps d = deps();
  d.token.clear();
  EXPECT_EQ(call_with(std::move(d), "POST", "/v1/interactions", good_body, "Bearer ").status, 403u);
  EXPECT_TRUE(fake_queue->batches.empty());
}

TEST_F(AdminHandler, TooManyIdsIs413) {
  const auto r =
      call("POST", "/v1/interactions", R"({"interactionIds":["a","b","c","d"]})", "Bearer s3cret-token");
  EXPECT_EQ(r.status, 413u);
  EXPECT_NE(error_of(r).find("limit is 3"), std::string::npos);
  EXPECT_TRUE(fake_queue->batches.empty());
}

TEST_F(AdminHandler, BadBodiesAre400WithAMessage) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"interactionIds":["a",)", "not valid JSON"},
      {"", "not valid JSON"},
      {R"(["a"])", "interactionIds"},
      {R"({"ids":["a"]})", "interactionIds"},
      {R"({"interactionIds":"a"})", "interactionIds"},
      {R"({"interactionIds":["a", 7]})", "interactionIds[1] is not a string"},
      {R"({"interactionIds":["a", ""]})", "interactionIds[1]: empty interaction ID"},
      {R"({"interactionIds":["has space"]})",
       "interactionIds[0]: interaction ID contains whitespace at character 4"},
      {R"({"interactionIds":[")" + std::string(129, 'x') + R"("]})", "at most 128"},
  };
  for (const auto& [body, message] : cases) {
    const auto r = call("POST", "/v1/interactions", body, "Bearer s3cret-token");
    EXPECT_EQ(r.status, 400u) << body;
    EXPECT_NE(error_of(r).find(message), std::string::npos) << body << " -> " << r.body;
  }
  EXPECT_TRUE(fake_queue->batches.empty());
}

// The ID rule and its reasons are the CLI's (`insightd enqueue`): the admin API
// once counted bytes from 0 ("byte 3") where the CLI counts characters from 1.
TEST_F(AdminHandler, RejectsIdsWithTheSameReasonAsTheCli) {
  auto r =
      call("POST", "/v1/interactions", R"({"interactionIds":["ok","has space"]})", "Bearer s3cret-token");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(error_of(r), "interactionIds[1]: interaction ID contains whitespace at character 4");
  r = call("POST", "/v1/interactions", R"({"interactionIds":["\u007fdel"]})", "Bearer s3cret-token");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(error_of(r),
            "interactionIds[0]: interaction ID contains a non-printable or non-ASCII byte at character 1");
  r = call("GET", "/v1/interactions/a%20b", {}, "Bearer s3cret-token");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(error_of(r), "interaction ID contains whitespace at character 2");
  EXPECT_TRUE(fake_queue->batches.empty());
}

TEST_F(AdminHandler, EnqueueFailureIs503) {
  fake_queue->fail = true;
  const auto r = call("POST", "/v1/interactions", good_body, "Bearer s3cret-token");
  EXPECT_EQ(r.status, 503u);
  EXPECT_NE(error_of(r).find("could not enqueue"), std::string::npos);
}

TEST_F(AdminHandler, AStoreFailureIs503WithTheReason) {
  fake_queue->throws = "/var/lib/insightd/queue.db: database or disk is full";
  const auto r = call("POST", "/v1/interactions", good_body, "Bearer s3cret-token");
  EXPECT_EQ(r.status, 503u);
  EXPECT_EQ(error_of(r), "could not enqueue: /var/lib/insightd/queue.db: database or disk is full");
  EXPECT_TRUE(fake_queue->batches.empty());
}

TEST_F(AdminHandler, LookupAnswersTheStateOr404) {
  fake_queue->known["abc-1"] = json::object{{"state", "done"}, {"attempts", 1}};
  auto r = call("GET", "/v1/interactions/abc-1", {}, "Bearer s3cret-token");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(json::parse(r.body).at("state"), "done");

  r = call("GET", "/v1/interactions/unknown", {}, "Bearer s3cret-token");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(call("GET", "/v1/interactions/a%20b", {}, "Bearer s3cret-token").status,
            400u);  // decoded: a space
}

TEST_F(AdminHandler, EveryV1RouteNeedsTheToken) {
  fake_queue->known["abc-1"] = json::object{{"state", "failed"}, {"last_error", "upstream said so"}};
  for (const char* target :
       {"/v1/interactions/abc-1", "/v1/interactions/unknown", "/v1/interactions", "/v1/anything", "/v1"}) {
    for (const char* auth : {"", "Bearer wrong", "s3cret-token"}) {
      const auto r = call("GET", target, {}, auth);
      EXPECT_EQ(r.status, 401u) << target << " with '" << auth << "'";
      EXPECT_EQ(r.headers.get("WWW-Authenticate"), "Bearer") << target;
      EXPECT_EQ(r.body.find("upstream said so"), std::string::npos) << target;
    }
  }
}

TEST_F(AdminHandler, V1IsRefusedWithAReasonWhenNoTokenIsConfiguredButHealthStaysOpen) {
  fake_queue->known["abc-1"] = json::object{{"state", "done"}};
  *not_ready = std::nullopt;
  for (const char* target : {"/v1/interactions/abc-1", "/v1/interactions"}) {
    AdminDeps d = deps();
    d.token.clear();
    const auto r = call_with(std::move(d), "GET", target, {}, "Bearer ");
    EXPECT_EQ(r.status, 403u) << target;
    EXPECT_NE(error_of(r).find("no admin.token_file is configured"), std::string::npos) << r.body;
  }
  for (const char* target : {"/healthz", "/readyz", "/metrics"}) {
    AdminDeps d = deps();
    d.token.clear();
    EXPECT_EQ(call_with(std::move(d), "GET", target).status, 200u) << target;
  }
}

TEST_F(AdminHandler, UnknownPathsAre404AndWrongMethods405) {
  EXPECT_EQ(call("GET", "/").status, 404u);
  EXPECT_EQ(call("GET", "/metricsx").status, 404u);
  EXPECT_EQ(call("GET", "/v1/interactions/a/b", {}, "Bearer s3cret-token").status, 404u);
  const auto r = call("DELETE", "/metrics");
  EXPECT_EQ(r.status, 405u);
  EXPECT_EQ(r.headers.get("Allow"), "GET");
  EXPECT_EQ(call("GET", "/v1/interactions", {}, "Bearer s3cret-token").status, 405u);
  EXPECT_EQ(call("POST", "/healthz").status, 405u);
  EXPECT_EQ(call("GET", "/metrics?debug=1").status, 200u);  // a query does not change the route
}

}  // namespace
}  // namespace insightd::observability
