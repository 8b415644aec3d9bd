// SPDX-License-Identifier: Apache-2.0
// The intake end to end with the real binaries: insightd-sim plays the
// platform (conversations on three queues, the notifications WebSocket over
// TLS, the analytics query) and drops a fifth of the events and has its
// socket cut twice; insightd finds every finished conversation and delivers
// each exactly once.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <csignal>
#include <fstream>
#include <set>

#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;

void post(const SimProcess& sim, const TestCa& ca, const std::string& path) {
  http::Request req;
  req.method = "POST";
  req.url = sim.base_url() + path;
  auto resp = http_call(req, ca.ca_cert);
  if (resp.status != 200) throw std::runtime_error(path + ": HTTP " + std::to_string(resp.status));
}

TEST(Intake, FindsAndDeliversEveryFinishedConversationDespiteDroppedEventsAndCutSockets) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  SimProcess sim(dir, ca,
                 {"--queues", "q-sales,q-support,q-billing", "--conversations-per-minute", "300",
                  "--conversations-total", "300", "--drop-events", "0.2", "--heartbeat-interval-ms", "1000"});
  auto config = write_config(dir, sim.base_url(), {.ca_file = ca.ca_cert, .requests_per_minute = 6000});
  {
    std::ofstream out(config, std::ios::app);
    out << "intake:\n"
           "  queues: [q-sales, q-support, q-billing]\n"
           "  enqueue_delay: 0s\n"
           "  notifications: {enabled: true, heartbeat_timeout: 10s}\n"
           "  reconcile: {interval: 10s, overlap: 5m, lookback: 1h}\n";
  }
  Process daemon({INSIGHTD_BIN, "run", "-c", config.string()}, dir.path() / "daemon");

  // Cut the socket twice while conversations are ending, each time once the
  // intake is connected again.
  for (int cut = 1; cut <= 2; ++cut) {
    ASSERT_TRUE(
        eventually([&] { return platform_count(sim, "sockets_accepted") >= cut; }, std::chrono::seconds(60)))
        << daemon.err();
    ASSERT_TRUE(eventually([&] { return platform_count(sim, "conversations_started") >= 60 * cut; },
                           std::chrono::seconds(60)));
    post(sim, ca, "/sim/notifications/cut");
    ASSERT_TRUE(eventually([&] { return platform_count(sim, "sockets_cut") >= cut; }));
  }

  ASSERT_TRUE(eventually(
      [&] { return sim.stats().at("platform").at("conversations_finished").as_array().size() == 300; },
      std::chrono::seconds(120)));
  const auto finished_json = sim.stats().at("platform").at("conversations_finished").as_array();
  std::set<std::string> finished;
  for (const auto& id : finished_json) finished.insert(std::string(id.as_string()));
  ASSERT_EQ(finished.size(), 300u);

  const bool all_delivered =
      eventually([&] { return sim.stats().at("crm").at("interactions_delivered").as_array().size() >= 300; },
                 std::chrono::seconds(120));
  auto stats = sim.stats();
  EXPECT_TRUE(all_delivered) << stats.at("crm").at("interactions_delivered").as_array().size()
                             << " delivered\n"
                             << daemon.err();
  std::set<std::string> delivered;
  for (const auto& id : stats.at("crm").at("interactions_delivered").as_array())
    delivered.insert(std::string(id.as_string()));
  EXPECT_EQ(delivered, finished);
  for (const auto& [webhook_id, receipts] : stats.at("crm").at("receipts_per_webhook_id").as_object())
    EXPECT_EQ(receipts.to_number<std::int64_t>(), 1) << webhook_id;
  EXPECT_GT(stats.at("platform").at("events_dropped").to_number<std::int64_t>(), 0);

  // What the operator sees: both paths found conversations, and together all of them.
  ASSERT_TRUE(eventually([&] {
    auto r = insightd(dir, config, {"intake", "status", "--json"}, "intake-status");
    if (r.exit_code != 0) return false;
    auto s = json::parse(r.out).as_object();
    return s.at("found_notifications").to_number<std::int64_t>() +
               s.at("found_reconcile").to_number<std::int64_t>() ==
           300;
  }));
  auto r = insightd(dir, config, {"intake", "status", "--json"}, "intake-status");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto status = json::parse(r.out).as_object();
  EXPECT_TRUE(status.at("leader").as_bool());
  EXPECT_EQ(status.at("socket").as_string(), "connected");
  EXPECT_GT(status.at("found_reconcile").to_number<std::int64_t>(), 0) << r.out;
  EXPECT_GT(status.at("found_notifications").to_number<std::int64_t>(), 0) << r.out;
  EXPECT_GE(status.at("reconnects").to_number<std::int64_t>(), 2) << r.out;
  EXPECT_GT(status.at("watermark_ms").to_number<std::int64_t>(), 0) << r.out;
  auto text = insightd(dir, config, {"intake", "status"}, "intake-status-text");
  EXPECT_NE(text.out.find("by reconciliation"), std::string::npos) << text.out;

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_for(std::chrono::seconds(30)), 0) << daemon.err();
}

}  // namespace
}  // namespace insightd::test
