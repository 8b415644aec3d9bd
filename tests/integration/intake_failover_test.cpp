// SPDX-License-Identifier: Apache-2.0
// Two real `insightd run` daemons with the intake on one real redis-server,
// against `insightd-sim` ending conversations on two queues: the daemon that
// leads the intake is killed with SIGKILL while conversations keep ending; the
// other takes the lead once the key expires, reconciles from the watermark
// the first one stored, and every conversation, those that ended while nobody
// listened included, reaches the CRM once.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "insightd/intake/analytics.hpp"
#include "support/crm_receipts.hpp"
#include "support/redis_server.hpp"
#include "support/running_daemon.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr int kConversations = 100;
constexpr auto kOverlap = 5min;

std::set<std::string> strings_of(const json::value& array) {
  std::set<std::string> out;
  for (const auto& v : array.as_array()) out.insert(std::string(v.as_string()));
  return out;
}

std::optional<json::object> intake_status(const TempDir& dir, const std::filesystem::path& config) {
  auto r = insightd(dir, config, {"intake", "status", "--json"}, "intake-status");
  if (r.exit_code != 0) return std::nullopt;
  return json::parse(r.out).as_object();
}

// Whether the recorded intake status was written by the daemon with this pid, leading, socket up.
bool leads_with_socket(const TempDir& dir, const std::filesystem::path& config, pid_t pid) {
  auto s = intake_status(dir, config);
  return s && s->at("leader").as_bool() && s->at("socket").as_string() == "connected" &&
         std::string(s->at("daemon").as_string()).ends_with(fmt::format("(pid {})", pid));
}

std::string redis_cli(const TempDir& dir, const RedisServer& redis, std::vector<std::string> args) {
  std::vector<std::string> argv{"/usr/bin/redis-cli", "-p", std::to_string(redis.port())};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_command(argv, dir.path() / "redis-cli");
  if (r.exit_code != 0) throw std::runtime_error("redis-cli: " + r.err);
  while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r')) r.out.pop_back();
  return r.out;
}

// The daemon's {"event":"intake_reconcile",...} log lines, oldest first.
std::vector<json::object> reconcile_records(const std::string& log) {
  std::vector<json::object> records;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    const auto brace = line.find("{\"event\":\"intake_reconcile\"");
    if (brace != std::string::npos) records.push_back(json::parse(line.substr(brace)).as_object());
  }
  return records;
}

TEST(IntakeFailover, TheLeaderKilledTheOtherTakesOverAndReconcilesWhatEndedInTheGap) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  RedisServer redis;
  // A conversation ends every 250 ms, so several end while nobody leads.
  SimProcess sim(dir, ca,
                 {"--queues", "q-east,q-west", "--conversations-per-minute", "240", "--conversations-total",
                  std::to_string(kConversations), "--heartbeat-interval-ms", "500"});
  auto config = write_config(dir, sim.base_url(),
                             {.ca_file = ca.ca_cert, .lease_timeout = "3s", .redis_url = redis.url()});
  {
    // Reconciliation only at a start, a takeover and a (re)connect: an hour is
    // longer than the test, so what the new leader's runs find, they found
    // from the stored watermark.
    std::ofstream out(config, std::ios::app);
    out << "intake:\n"
           "  queues: [q-east, q-west]\n"
           "  enqueue_delay: 0s\n"
           "  notifications: {enabled: true, heartbeat_timeout: 10s}\n"
           "  reconcile: {interval: 1h, overlap: 5m, lookback: 1h}\n";
  }

  auto a = std::make_unique<RunningDaemon>(dir, config, "daemon-a");
  const pid_t a_pid = a->process().pid();
  ASSERT_TRUE(eventually([&] { return leads_with_socket(dir, config, a_pid); }, 60s)) << a->process().err();
  RunningDaemon b(dir, config, "daemon-b");
  ASSERT_TRUE(eventually([&] { return b.process().err().find("stands by") != std::string::npos; }))
      << b.process().err();

  // A leads and hears conversations end; then it dies mid-run.
  const auto finished_count = [&] {
    return sim.stats().at("platform").at("conversations_finished").as_array().size();
  };
  const auto when_a_led = finished_count();
  ASSERT_TRUE(eventually([&] { return finished_count() >= when_a_led + 8; }, 60s));
  const auto before_kill = strings_of(sim.stats().at("platform").at("conversations_finished"));
  ASSERT_LT(before_kill.size(), static_cast<std::size_t>(kConversations - 40))
      << "too few conversations left to end while nobody leads (a slow start?)";
  a->process().signal(SIGKILL);
  ASSERT_TRUE(a->process().wait_for(10s).has_value());
  const auto watermark =
      intake::parse_watermark(redis_cli(dir, redis, {"HGET", "{it}:settings", "intake_watermark"}));
  ASSERT_TRUE(watermark) << "no watermark stored by the first leader";

  // B takes the lead once the key expires, and listens.
  ASSERT_TRUE(eventually([&] { return leads_with_socket(dir, config, b.process().pid()); }, 30s))
      << b.process().err();
  EXPECT_TRUE(
      redis_cli(dir, redis, {"GET", "{it}:intake:leader"}).ends_with(fmt::format(":{}", b.process().pid())));

  ASSERT_TRUE(eventually(
      [&] {
        return sim.stats().at("platform").at("conversations_finished").as_array().size() ==
               static_cast<std::size_t>(kConversations);
      },
      60s));
  const bool all_delivered = eventually(
      [&] {
        return sim.stats().at("crm").at("interactions_delivered").as_array().size() >=
               static_cast<std::size_t>(kConversations);
      },
      120s);
  const auto stats = sim.stats().as_object();
  ASSERT_TRUE(all_delivered) << stats.at("crm").at("interactions_delivered").as_array().size()
                             << " delivered\n"
                             << b.process().err();

  // Nothing missed: every conversation delivered, each part under one webhook-id.
  const auto finished = strings_of(stats.at("platform").at("conversations_finished"));
  EXPECT_EQ(strings_of(stats.at("crm").at("interactions_delivered")), finished);
  for (const auto& [part, webhook_ids] : webhook_ids_per_part(stats))
    EXPECT_EQ(webhook_ids.size(), 1u) << part.first << " part " << part.second;

  // The gap: conversations that ended after the kill while no socket listened.
  std::set<std::string> gap;
  for (const auto& id : strings_of(stats.at("platform").at("conversations_finished_unheard")))
    if (!before_kill.contains(id)) gap.insert(id);
  ASSERT_FALSE(gap.empty()) << "no conversation ended while nobody led";

  // Only B's reconciliation could find them, starting from A's watermark.
  const auto records = reconcile_records(b.process().err());
  ASSERT_FALSE(records.empty()) << b.process().err();
  const auto from = intake::to_iso8601(intake::Interval{*watermark - kOverlap, *watermark - kOverlap});
  EXPECT_EQ(json::value_to<std::string>(records.front().at("window")).substr(0, from.find('/')),
            from.substr(0, from.find('/')));
  std::int64_t enqueued_by_b = 0;
  for (const auto& r : records) {
    EXPECT_TRUE(r.at("complete").as_bool()) << json::serialize(r);
    enqueued_by_b += r.at("enqueued").to_number<std::int64_t>();
  }
  EXPECT_GE(enqueued_by_b, static_cast<std::int64_t>(gap.size()));
  std::printf(
      "%zu conversations ended while nobody led; the new leader's %zu reconciliation run(s) queued %lld\n",
      gap.size(), records.size(), static_cast<long long>(enqueued_by_b));
  auto status = intake_status(dir, config);
  ASSERT_TRUE(status);
  EXPECT_GE(status->at("found_reconcile").to_number<std::int64_t>(), static_cast<std::int64_t>(gap.size()))
      << json::serialize(*status);
  EXPECT_GT(status->at("found_notifications").to_number<std::int64_t>(), 0) << json::serialize(*status);

  EXPECT_EQ(b.stop(), 0) << b.process().err();
}

}  // namespace
}  // namespace insightd::test
