// SPDX-License-Identifier: Apache-2.0
// Several real `insightd run` daemons sharing one real redis-server, against
// `insightd-sim` enforcing a rate limit: the work is shared, a daemon killed
// with SIGKILL loses nothing (its leases come back after queue.lease_timeout),
// every (interaction, part) reaches the CRM under exactly one webhook-id, the
// daemons together stay within the one budget, a Redis restart (AOF on) is
// ridden out, and a daemon started before Redis waits for it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "support/audit_lines.hpp"
#include "support/crm_receipts.hpp"
#include "support/redis_server.hpp"
#include "support/running_daemon.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;

std::vector<std::string> numbered_ids(const char* prefix, int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back(fmt::format("{}-{:04}", prefix, i));
  return ids;
}

// The most API requests the simulator saw in any one second.
std::size_t busiest_second(const json::object& stats) {
  std::vector<std::int64_t> times;
  for (const auto& t : stats.at("api_request_ms").as_array()) times.push_back(t.to_number<std::int64_t>());
  std::sort(times.begin(), times.end());
  std::size_t worst = 0;
  for (std::size_t i = 0, j = 0; i < times.size(); ++i) {
    while (times[i] - times[j] >= 1000) ++j;
    worst = std::max(worst, i - j + 1);
  }
  return worst;
}

bool all_done(const TempDir& dir, const std::filesystem::path& config, std::int64_t n) {
  try {
    return count_of(status_json(dir, config), "done") == n;
  } catch (const std::exception&) {
    return false;  // Redis restarting: status fails for a moment
  }
}

}  // namespace

TEST(RedisDeployment, ThreeDaemonsOneKilledAThousandInteractionsEachDeliveredOnceWithinTheBudget) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  RedisServer redis;
  // The platform's limit: 3,000 requests a minute (50/s). The daemons are
  // configured with exactly that rate, shared in Redis, and bursts of 20; the
  // platform allows bursts of 40, because requests admitted 20 ms apart can
  // reach it closer together on a loaded host (a 429 at load 10 otherwise).
  // The busiest-second check below holds the daemons to their own burst.
  SimProcess sim(dir, ca, {"--rate-limit", "3000", "--burst", "40"});
  ConfigOptions options{.ca_file = ca.ca_cert,
                        .requests_per_minute = 3000,
                        .burst = 20,
                        .concurrency = 8,
                        .lease_timeout = "3s",
                        .redis_url = redis.url()};
  auto config = write_config(dir, sim.base_url(), options);
  const auto ids = numbered_ids("rd", 1000);
  auto enq = insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids));
  ASSERT_EQ(enq.exit_code, 0) << enq.err;

  RunningDaemon a(dir, config, "daemon-a");
  RunningDaemon b(dir, config, "daemon-b");
  auto c = std::make_unique<RunningDaemon>(dir, config, "daemon-c");
  // Kill one mid-run, while it holds leases.
  ASSERT_TRUE(
      eventually([&] { return count_of(status_json(dir, config), "done") >= 200; }, std::chrono::minutes(2)));
  c->process().signal(SIGKILL);
  ASSERT_TRUE(c->process().wait_for(std::chrono::seconds(10)).has_value());

  ASSERT_TRUE(eventually([&] { return all_done(dir, config, 1000); }, std::chrono::minutes(3)))
      << json::serialize(status_json(dir, config));
  EXPECT_EQ(a.stop(), 0) << a.process().err();
  EXPECT_EQ(b.stop(), 0) << b.process().err();

  const auto status = status_json(dir, config);
  EXPECT_EQ(count_of(status, "pending"), 0);
  EXPECT_EQ(count_of(status, "failed"), 0);
  EXPECT_EQ(count_of(status, "dead"), 0);
  EXPECT_EQ(count_of(status, "outbox_depth"), 0);

  const auto stats = sim.stats().as_object();
  const auto per_part = webhook_ids_per_part(stats);
  std::set<std::string> delivered;
  for (const auto& [key, webhook_ids] : per_part) {
    EXPECT_EQ(webhook_ids.size(), 1u) << key.first << " part " << key.second;
    delivered.insert(key.first);
  }
  EXPECT_EQ(delivered.size(), 1000u);
  EXPECT_TRUE(stats.at("rate_limited").as_array().empty()) << "429s: " << stats.at("rate_limited");
  EXPECT_LE(busiest_second(stats), 20u + 50u) << "requests in the busiest second (burst + rate)";
  // The survivors both worked (the work was shared, not taken by one).
  EXPECT_NE(a.process().out().find("\"outcome\":\"done\""), std::string::npos);
  EXPECT_NE(b.process().out().find("\"outcome\":\"done\""), std::string::npos);
}

TEST(RedisDeployment, ARedisRestartMidRunLosesNothing) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  RedisServer redis(RedisServerOptions{.appendonly = true});
  SimProcess sim(dir, ca, {"--latency", "20"});
  ConfigOptions options{
      .ca_file = ca.ca_cert, .concurrency = 4, .lease_timeout = "3s", .redis_url = redis.url()};
  auto config = write_config(dir, sim.base_url(), options);
  const auto ids = numbered_ids("rr", 300);
  ASSERT_EQ(insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids)).exit_code, 0);

  RunningDaemon a(dir, config, "daemon-a");
  RunningDaemon b(dir, config, "daemon-b");
  ASSERT_TRUE(
      eventually([&] { return count_of(status_json(dir, config), "done") >= 50; }, std::chrono::minutes(2)));
  redis.stop();
  redis.start();
  ASSERT_TRUE(eventually([&] { return all_done(dir, config, 300); }, std::chrono::minutes(3)))
      << a.process().err();
  EXPECT_FALSE(a.process().wait_for(std::chrono::milliseconds(0)))
      << "a Redis restart is not a crash: " << a.process().err();
  EXPECT_FALSE(b.process().wait_for(std::chrono::milliseconds(0))) << b.process().err();
  EXPECT_EQ(a.stop(), 0);
  EXPECT_EQ(b.stop(), 0);

  const auto per_part = webhook_ids_per_part(sim.stats().as_object());
  std::set<std::string> delivered;
  for (const auto& [key, webhook_ids] : per_part) {
    EXPECT_EQ(webhook_ids.size(), 1u) << key.first << " part " << key.second;
    delivered.insert(key.first);
  }
  EXPECT_EQ(delivered.size(), 300u);
}

TEST(RedisDeployment, ADaemonStartedBeforeRedisIsNotReadyUntilRedisAnswersThenWorks) {
  TempDir dir;
  const auto& ca = TestCa::shared();
  RedisServer redis(RedisServerOptions{.start_now = false});
  SimProcess sim(dir, ca);
  ConfigOptions options{.ca_file = ca.ca_cert, .concurrency = 4, .redis_url = redis.url()};
  auto config = write_config(dir, sim.base_url(), options);

  RunningDaemon daemon(dir, config);
  const auto unreachable = "Redis unreachable at 127.0.0.1:" + std::to_string(redis.port());
  http::Response ready;
  ASSERT_TRUE(eventually([&] {
    ready = daemon.get("/readyz");
    return ready.status == 503 && ready.body.find(unreachable) != std::string::npos;
  })) << ready.status
      << " " << ready.body;
  EXPECT_EQ(daemon.get("/healthz").status, 200u);
  EXPECT_FALSE(daemon.process().wait_for(std::chrono::milliseconds(0))) << daemon.process().err();
  // A one-shot command does not wait: it fails at once, naming Redis.
  auto early = insightd(dir, config, {"enqueue", "too-early"}, "enqueue-early");
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(early.err.find(unreachable), std::string::npos) << early.err;

  redis.start();
  ASSERT_TRUE(eventually([&] { return daemon.get("/readyz").status == 200; }, std::chrono::minutes(1)))
      << daemon.get("/readyz").body << daemon.process().err();
  const auto ids = numbered_ids("late", 40);
  ASSERT_EQ(insightd(dir, config, {"enqueue", "-"}, "enqueue", write_ids(dir, ids)).exit_code, 0);
  ASSERT_TRUE(eventually([&] { return all_done(dir, config, 40); }, std::chrono::minutes(2)))
      << json::serialize(status_json(dir, config)) << daemon.process().err();
  EXPECT_EQ(daemon.stop(), 0) << daemon.process().err();

  const auto per_part = webhook_ids_per_part(sim.stats().as_object());
  std::set<std::string> delivered;
  for (const auto& [key, webhook_ids] : per_part) delivered.insert(key.first);
  EXPECT_EQ(delivered, std::set<std::string>(ids.begin(), ids.end()));
}

}  // namespace insightd::test
