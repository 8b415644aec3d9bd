// SPDX-License-Identifier: Apache-2.0
// The intake's notifications socket against `insightd-sim`'s faults, with the
// real binaries: heartbeats that stop (the socket is dead: reconnect), the
// platform's v2.system.socket_closing (a new channel at once, then a
// reconciliation run), and a subscription answer that leaves out a topic the
// client may not read (logged with the fix, shown by `intake status`).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <csignal>
#include <fstream>

#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

void post(const SimProcess& sim, const std::string& path) {
  http::Request req;
  req.method = "POST";
  req.url = sim.base_url() + path;
  auto resp = http_call(req, TestCa::shared().ca_cert);
  if (resp.status != 200) throw std::runtime_error(path + ": HTTP " + std::to_string(resp.status));
}

std::int64_t requests_to(const SimProcess& sim, const char* endpoint) {
  const auto stats = sim.stats();
  const auto* by_status = stats.at("requests").as_object().if_contains(endpoint);
  if (!by_status) return 0;
  std::int64_t n = 0;
  for (const auto& [status, count] : by_status->as_object()) n += count.to_number<std::int64_t>();
  return n;
}

std::int64_t unix_ms_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A simulator with queues but no conversations (the socket carries only
// heartbeats, every 200 ms), and a daemon with the intake on `queues`.
struct IntakeRig {
  TempDir dir;
  SimProcess sim;
  std::filesystem::path config;
  std::unique_ptr<Process> daemon;

  IntakeRig(const std::string& sim_queues, const std::string& intake_queues,
            const std::string& heartbeat_timeout)
      : sim(dir, TestCa::shared(), {"--queues", sim_queues, "--heartbeat-interval-ms", "200"}) {
    config = write_config(dir, sim.base_url(), {.ca_file = TestCa::shared().ca_cert});
    std::ofstream out(config, std::ios::app);
    // Reconciliation every hour: a run the test sees is one a (re)connect asked for.
    out << fmt::format(
        "intake:\n"
        "  queues: [{}]\n"
        "  enqueue_delay: 0s\n"
        "  notifications: {{enabled: true, heartbeat_timeout: {}}}\n"
        "  reconcile: {{interval: 1h, overlap: 5m, lookback: 1h}}\n",
        intake_queues, heartbeat_timeout);
    out.close();
    daemon = std::make_unique<Process>(std::vector<std::string>{INSIGHTD_BIN, "run", "-c", config.string()},
                                       dir.path() / "daemon");
  }
  ~IntakeRig() {
    daemon->signal(SIGTERM);
    daemon->wait_for(30s);
  }

  std::optional<json::object> status() const {
    auto r = insightd(dir, config, {"intake", "status", "--json"}, "intake-status");
    if (r.exit_code != 0) return std::nullopt;
    return json::parse(r.out).as_object();
  }
  std::int64_t status_number(const char* key) const {
    auto s = status();
    return s ? s->at(key).to_number<std::int64_t>() : -1;
  }
  bool connected() const {
    auto s = status();
    return s && s->at("socket").as_string() == "connected";
  }
  bool logged(std::string_view text) const { return daemon->err().find(text) != std::string::npos; }
};

TEST(IntakeFaults, HeartbeatsThatStopMakeTheSocketDeadAndItReconnects) {
  IntakeRig rig("q-one", "q-one", "1s");
  // Heartbeats every 200 ms keep a 1 s watchdog quiet: the first socket has
  // carried messages for well over the timeout and was never replaced.
  ASSERT_TRUE(eventually(
      [&] {
        auto s = rig.status();
        return s && s->at("socket").as_string() == "connected" &&
               s->at("last_event_ms").to_number<std::int64_t>() -
                       s->at("socket_since_ms").to_number<std::int64_t>() >=
                   2500;
      },
      60s))
      << rig.daemon->err();
  EXPECT_EQ(platform_count(rig.sim, "sockets_accepted"), 1);
  EXPECT_FALSE(rig.logged("the socket is dead")) << rig.daemon->err();

  const auto stalled_at = unix_ms_now();
  post(rig.sim, "/sim/notifications/stall");
  ASSERT_TRUE(eventually([&] { return platform_count(rig.sim, "sockets_accepted") >= 2; }, 30s))
      << rig.daemon->err();
  EXPECT_TRUE(rig.logged("no message (not even a heartbeat) for 1s: the socket is dead; reconnecting"))
      << rig.daemon->err();
  post(rig.sim, "/sim/notifications/resume");

  // Connected again, counted as a reconnect, reconciled afterwards, the cause among the problems.
  ASSERT_TRUE(eventually(
      [&] {
        auto s = rig.status();
        return s && s->at("socket").as_string() == "connected" &&
               s->at("reconnects").to_number<std::int64_t>() >= 1 &&
               s->at("last_reconcile_ms").to_number<std::int64_t>() >= stalled_at;
      },
      30s))
      << json::serialize(rig.status().value_or(json::object{}));
  const auto status = *rig.status();
  bool reported = false;
  for (const auto& p : status.at("problems").as_array())
    reported =
        reported || std::string(p.at("message").as_string()).find("the socket is dead") != std::string::npos;
  EXPECT_TRUE(reported) << json::serialize(status);
}

TEST(IntakeFaults, SocketClosingOpensANewChannelAtOnceAndReconciles) {
  IntakeRig rig("q-one", "q-one", "10s");
  ASSERT_TRUE(eventually([&] { return rig.connected() && rig.status_number("last_reconcile_ms") > 0; }, 60s))
      << rig.daemon->err();
  const auto channels_before = requests_to(rig.sim, "notifications_channels");
  const auto queries_before = requests_to(rig.sim, "analytics_conversations_query");
  ASSERT_EQ(platform_count(rig.sim, "sockets_accepted"), 1);

  const auto closing_at = unix_ms_now();
  post(rig.sim, "/sim/notifications/closing");
  ASSERT_TRUE(eventually([&] { return platform_count(rig.sim, "sockets_accepted") >= 2; }, 30s))
      << rig.daemon->err();
  EXPECT_EQ(platform_count(rig.sim, "socket_closing_sent"), 1);
  EXPECT_EQ(requests_to(rig.sim, "notifications_channels"), channels_before + 1);
  EXPECT_TRUE(rig.logged("the platform is closing the socket; reconnecting now")) << rig.daemon->err();
  // At once: not through the backoff that follows a failure.
  EXPECT_FALSE(rig.logged("intake: reconnecting in")) << rig.daemon->err();

  ASSERT_TRUE(eventually(
      [&] {
        return rig.status_number("reconnects") >= 1 && rig.status_number("last_reconcile_ms") >= closing_at &&
               rig.connected();
      },
      30s))
      << json::serialize(rig.status().value_or(json::object{}));
  EXPECT_GT(requests_to(rig.sim, "analytics_conversations_query"), queries_before);
}

TEST(IntakeFaults, ARejectedTopicIsLoggedWithTheFixAndShownInTheStatus) {
  // The simulated platform grants only its own queues' topics: q-secret is refused.
  IntakeRig rig("q-open", "q-open, q-secret", "10s");
  const std::string rejected = "v2.routing.queues.q-secret.conversations";
  ASSERT_TRUE(eventually([&] { return rig.logged("the platform rejected 1 of 2 topic(s)"); }, 60s))
      << rig.daemon->err();
  const auto log = rig.daemon->err();
  const auto line_start = log.rfind('\n', log.find("the platform rejected")) + 1;
  const auto line = log.substr(line_start, log.find('\n', line_start) - line_start);
  EXPECT_NE(line.find(rejected), std::string::npos) << line;
  EXPECT_EQ(line.find("v2.routing.queues.q-open.conversations"), std::string::npos) << line;
  EXPECT_NE(line.find("analytics:queueObservation:view"), std::string::npos) << line;
  EXPECT_NE(line.find("Fix:"), std::string::npos) << line;

  // The granted topic keeps its socket; the operator sees the rejection.
  ASSERT_TRUE(eventually(
      [&] {
        auto s = rig.status();
        if (!s || s->at("socket").as_string() != "connected") return false;
        for (const auto& p : s->at("problems").as_array())
          if (std::string(p.at("message").as_string()).find(rejected) != std::string::npos) return true;
        return false;
      },
      30s))
      << json::serialize(rig.status().value_or(json::object{}));
  auto text = insightd(rig.dir, rig.config, {"intake", "status"}, "intake-status-text");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(rejected), std::string::npos) << text.out;
}

}  // namespace
}  // namespace insightd::test
