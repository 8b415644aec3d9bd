// SPDX-License-Identifier: Apache-2.0
// The running daemon's admin endpoint: health, readiness, authenticated
// enqueue, interaction lookup, and /metrics moving with the work done.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json.hpp>

#include "support/prometheus_text.hpp"
#include "support/running_daemon.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

const std::string admin_token = "it-admin-token-8c1d";

class AdminEndpoint : public ::testing::Test {
 protected:
  void SetUp() override {
    auto token_file = dir.write("admin-token", admin_token + "\n");
    config =
        write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert, .admin_token_file = token_file.string()});
    daemon = std::make_unique<RunningDaemon>(dir, config);
    port = daemon->port();
  }
  void TearDown() override {
    if (!daemon) return;
    EXPECT_EQ(daemon->stop(30s), 0) << daemon->process().err();
  }

  TempDir dir;
  const TestCa& ca = TestCa::shared();
  SimProcess sim{dir, ca};
  std::filesystem::path config;
  std::unique_ptr<RunningDaemon> daemon;
  std::uint16_t port = 0;
};

TEST_F(AdminEndpoint, HealthReadinessAuthAndLookup) {
  EXPECT_EQ(admin_call(port, "GET", "/healthz").status, 200u);
  EXPECT_EQ(admin_call(port, "GET", "/readyz").status, 200u);

  const std::string body = R"({"interactionIds":["it-admin-1","it-admin-2","it-admin-3"]})";
  EXPECT_EQ(admin_call(port, "POST", "/v1/interactions", body).status, 401u);
  EXPECT_EQ(admin_call(port, "POST", "/v1/interactions", body, "wrong-token").status, 401u);
  EXPECT_EQ(admin_call(port, "POST", "/v1/interactions", "{not json", admin_token).status, 400u);
  auto accepted = admin_call(port, "POST", "/v1/interactions", body, admin_token);
  ASSERT_EQ(accepted.status, 202u) << accepted.body;
  EXPECT_EQ(json::parse(accepted.body).at("added").to_number<int>(), 3);

  ASSERT_TRUE(eventually([&] {
    auto r = admin_call(port, "GET", "/v1/interactions/it-admin-3", {}, admin_token);
    return r.status == 200 && json::parse(r.body).at("state").as_string() == "done";
  })) << admin_call(port, "GET", "/v1/interactions/it-admin-3", {}, admin_token).body;
  EXPECT_EQ(admin_call(port, "GET", "/v1/interactions/never-queued", {}, admin_token).status, 404u);
  // The lookup carries errors and state: no token, no answer.
  EXPECT_EQ(admin_call(port, "GET", "/v1/interactions/it-admin-3").status, 401u);
}

TEST_F(AdminEndpoint, MetricsParseAsPrometheusTextAndMoveWithTheWork) {
  auto before = parse_prometheus_text(admin_call(port, "GET", "/metrics").body);
  ASSERT_TRUE(before.errors.empty()) << before.errors.front();
  for (const char* family :
       {"insightd_upstream_requests_total", "insightd_upstream_request_duration_seconds",
        "insightd_rate_limit_wait_seconds_total", "insightd_token_refreshes_total",
        "insightd_interactions_total", "insightd_insights_total", "insightd_crm_deliveries_total",
        "insightd_crm_delivery_duration_seconds", "insightd_queue_depth", "insightd_outbox_depth",
        "insightd_governance_findings_total"}) {
    EXPECT_TRUE(before.families.count(family)) << family;
  }
  const double done_before = before.value("insightd_interactions_total", {{"outcome", "done"}}).value_or(0);

  ASSERT_EQ(insightd(dir, config, {"enqueue", "it-metrics-1", "it-metrics-2-pii"}, "enqueue").exit_code, 0);
  ASSERT_TRUE(eventually([&] {
    auto now = parse_prometheus_text(admin_call(port, "GET", "/metrics").body);
    return now.value("insightd_interactions_total", {{"outcome", "done"}}).value_or(0) >= done_before + 2;
  }));
  auto after = parse_prometheus_text(admin_call(port, "GET", "/metrics").body);
  ASSERT_TRUE(after.errors.empty()) << after.errors.front();
  EXPECT_GE(after.value("insightd_crm_deliveries_total", {{"code", "200"}}).value_or(0), 2);
  EXPECT_GE(after.value("insightd_token_refreshes_total", {{"result", "success"}}).value_or(0), 1);
  EXPECT_GE(after.value("insightd_upstream_requests_total", {{"source", "agentassist"}, {"code", "200"}})
                .value_or(0),
            2);
  EXPECT_GT(after.value("insightd_governance_findings_total", {{"kind", "card"}}).value_or(0), 0);
}

TEST_F(AdminEndpoint, HealthAndMetricsStayAnswerableWithEveryConnectionHeldIdle) {
  boost::asio::io_context io;
  std::vector<boost::asio::ip::tcp::socket> idle;
  const boost::asio::ip::tcp::endpoint admin(boost::asio::ip::make_address("127.0.0.1"), port);
  for (int i = 0; i < 64; ++i) {  // the admin endpoint's connection limit, each saying nothing
    idle.emplace_back(io).connect(admin);
  }
  // Given a short timeout: served at once, not after the idle ones time out.
  http::Request health;
  health.url = "http://127.0.0.1:" + std::to_string(port) + "/healthz";
  health.timeout = 1s;
  EXPECT_EQ(http_call(health, "").status, 200u);
  http::Request metrics = health;
  metrics.url = "http://127.0.0.1:" + std::to_string(port) + "/metrics";
  EXPECT_EQ(http_call(metrics, "").status, 200u);
}

}  // namespace
}  // namespace insightd::test
