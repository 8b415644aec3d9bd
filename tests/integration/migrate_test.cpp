// SPDX-License-Identifier: Apache-2.0
// `insightd migrate --from sqlite --to redis`: a real SQLite queue file, filled
// through the backend API in every state, copied by the real command to a
// real redis-server, then read back through the Redis backend: same states,
// due times, attempts, reasons and webhook-ids; a second run copies nothing;
// refused (exit 2, nothing copied) while a daemon holds a lease or runs on
// Redis. End to end: what a SQLite daemon could not deliver is delivered by
// a daemon on Redis under the webhook-ids the CRM already saw.
#include <gmock/gmock.h>

#include <algorithm>
#include <boost/asio/ip/host_name.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "insightd/delivery/payload.hpp"
#include "insightd/queue/backend.hpp"
#include "insightd/queue/report.hpp"
#include "queue/redis_factory.hpp"
#include "support/backend_session.hpp"
#include "support/crm_receipts.hpp"
#include "support/redis_server.hpp"
#include "support/sim_process.hpp"

namespace insightd::test {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;
using queue::OutboxMessage;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kPrefix = "mig";

QueueConfig queue_config(const TempDir& dir, const RedisServer& redis, QueueBackend backend) {
  QueueConfig cfg;
  cfg.backend = backend;
  cfg.sqlite_path = (dir.path() / "insightd.db").string();
  cfg.redis_url = redis.url();
  cfg.redis_key_prefix = kPrefix;
  return cfg;
}

// insightd.yaml with both the SQLite file and the Redis, as migrate wants it.
std::filesystem::path migrate_config(const TempDir& dir, const RedisServer& redis,
                                     const std::filesystem::path& sqlite_path, const std::string& base_url,
                                     const std::string& ca_file = "") {
  ConfigOptions options;
  options.ca_file = ca_file;
  options.redis_url = redis.url();
  options.redis_key_prefix = kPrefix;
  auto yaml = read_file(write_config(dir, base_url, options));
  const std::string backend = "  backend: redis\n";
  const auto at = yaml.find(backend);
  if (at == std::string::npos) throw std::logic_error("write_config wrote no queue.backend");
  yaml.insert(at + backend.size(), "  sqlite: {path: " + sqlite_path.string() + "}\n");
  return dir.write("migrate.yaml", yaml);
}

RunResult migrate(const TempDir& dir, const std::filesystem::path& config, const std::string& name) {
  return insightd(dir, config, {"migrate", "--from", "sqlite", "--to", "redis"}, name);
}

OutboxMessage message(const std::string& id, int part, int parts) {
  return OutboxMessage{"wh_" + id + "_" + std::to_string(part), id, part, parts,
                       R"({"interaction":")" + id + R"(","part":)" + std::to_string(part) + "}"};
}

std::vector<queue::Lease> lease_one(BackendSession& q, const std::string& id) {
  q.run(q.backend->enqueue({id}));
  auto leases = q.run(q.backend->lease(1));
  if (leases.size() != 1 || leases[0].interaction_id != id)
    throw std::logic_error("the test's queue did not lease " + id + " next");
  return leases;
}

const std::vector<std::string> all_ids{"parked", "deliv", "dl-pii", "dl-crm", "done1", "failed1", "p1", "p2"};

// Every state the queue has, each lease ended (as after a daemon's clean stop).
// Returns the lease of "parked" (its cycle key and retry clock).
queue::Lease fill(BackendSession& q) {
  auto& b = *q.backend;
  auto parked = lease_one(q, "parked")[0];
  q.run(b.release(parked, 1h, "429: long-window limit"));

  auto deliv = lease_one(q, "deliv")[0];
  q.run(b.complete(deliv, {message("deliv", 1, 2), message("deliv", 2, 2)}, R"({"correlation_id":"c-1"})"));
  auto rows = q.run(b.lease_deliveries(2));
  if (rows.size() != 2) throw std::logic_error("deliv: 2 rows expected");
  q.run(b.retry_delivery(rows[0], std::chrono::system_clock::now() + 10min, 503, "CRM 503"));
  q.run(b.delivered(rows[1], 200));

  q.run(b.dead_letter(lease_one(q, "dl-pii")[0], "pii", "email found in insight 2"));

  q.run(b.complete(lease_one(q, "dl-crm")[0], {message("dl-crm", 1, 1)}, "{}"));
  rows = q.run(b.lease_deliveries(1));
  q.run(b.dead_letter_delivery(rows.at(0), 422, "CRM 422: rejected"));

  q.run(b.complete(lease_one(q, "done1")[0], {message("done1", 1, 1)}, "{}"));
  rows = q.run(b.lease_deliveries(1));
  q.run(b.delivered(rows.at(0), 200));

  q.run(b.fail(lease_one(q, "failed1")[0], "404: no such interaction"));

  q.run(b.enqueue({"p1", "p2"}));
  q.run(b.set_setting("crm_disabled_url", "https://crm.example/old"));
  q.run(b.hold_deliveries("CRM endpoint answered 410 Gone"));
  q.run(b.set_setting("intake_watermark", "2026-11-30T10:00:00Z"));
  return parked;
}

std::map<std::string, std::string> cycle_keys(BackendSession& q) {
  std::map<std::string, std::string> keys;
  auto page = q.run(q.backend->export_interactions({}, 100));
  for (const auto& i : page.interactions) keys[i.id] = i.cycle_key;
  return keys;
}

void expect_same(const queue::InteractionInfo& a, const queue::InteractionInfo& b) {
  EXPECT_EQ(a.state, b.state) << a.id;
  EXPECT_EQ(a.attempts, b.attempts) << a.id;
  EXPECT_EQ(a.last_error, b.last_error) << a.id;
  EXPECT_EQ(a.updated_at_ms, b.updated_at_ms) << a.id;
  EXPECT_EQ(a.outbox_parts, b.outbox_parts) << a.id;
}

std::map<std::string, std::int64_t> redis_counts(const RedisServer& redis) {
  queue::testing::RedisSession session(redis.url(), kPrefix);
  EXPECT_EQ(session.counted_by_scripts(), session.counted_by_scan());
  return session.counted_by_scripts();
}

}  // namespace

TEST(Migrate, CopiesEveryStateWithItsDueTimesAttemptsReasonsAndWebhookIdsOnceOnly) {
  RedisServer redis;
  TempDir dir;
  const auto sqlite_cfg = queue_config(dir, redis, QueueBackend::sqlite);
  std::map<std::string, queue::InteractionInfo> before;
  queue::Counts counts_before;
  std::vector<queue::DeadLetter> dead_before;
  std::map<std::string, std::string> keys;
  queue::Lease parked;
  {
    BackendSession sqlite(sqlite_cfg);
    parked = fill(sqlite);
    for (const auto& id : all_ids) before[id] = sqlite.run(sqlite.backend->interaction(id)).value();
    counts_before = sqlite.run(sqlite.backend->counts());
    dead_before = sqlite.run(sqlite.backend->dead_letters());
    keys = cycle_keys(sqlite);
  }
  ASSERT_EQ(counts_before.pending, 3);  // p1, p2, parked
  ASSERT_EQ(dead_before.size(), 2u);

  const auto config = migrate_config(dir, redis, sqlite_cfg.sqlite_path, "https://127.0.0.1:9");
  auto first = migrate(dir, config, "migrate-1");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out,
              HasSubstr("copied 8 interactions (pending 3, delivering 1, done 1, failed 1, dead 2) "
                        "and 3 outbox rows (1 undelivered)"));
  EXPECT_THAT(first.out, HasSubstr("skipped 0 already in the target"));
  EXPECT_THAT(first.out, HasSubstr("settings copied: crm_disabled_url deliveries_held intake_watermark"));
  const auto counted = redis_counts(redis);

  auto second = migrate(dir, config, "migrate-2");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("copied 0 interactions and 0 outbox rows (0 undelivered)"));
  EXPECT_THAT(second.out, HasSubstr("skipped 8 already in the target"));
  EXPECT_THAT(second.out, ::testing::Not(HasSubstr("settings copied")));
  EXPECT_EQ(redis_counts(redis), counted);

  // Read back through the Redis backend, 11 minutes on: deliv's retry is due, parked is not.
  const auto later = [] { return std::chrono::system_clock::now() + 11min; };
  BackendSession target(queue_config(dir, redis, QueueBackend::redis), later);
  auto& r = *target.backend;
  EXPECT_EQ(queue::to_json(target.run(r.counts())), queue::to_json(counts_before));
  for (const auto& id : all_ids) {
    auto info = target.run(r.interaction(id));
    ASSERT_TRUE(info) << id;
    expect_same(*info, before[id]);
  }
  auto dead_after = target.run(r.dead_letters());
  ASSERT_EQ(dead_after.size(), dead_before.size());
  for (std::size_t i = 0; i < dead_after.size(); ++i) {
    EXPECT_EQ(dead_after[i].interaction_id, dead_before[i].interaction_id);
    EXPECT_EQ(dead_after[i].time_ms, dead_before[i].time_ms);
    EXPECT_EQ(dead_after[i].attempts, dead_before[i].attempts);
    EXPECT_EQ(dead_after[i].last_status, dead_before[i].last_status);
    EXPECT_EQ(dead_after[i].last_error, dead_before[i].last_error);
    EXPECT_EQ(dead_after[i].kind, dead_before[i].kind);
  }
  EXPECT_EQ(target.run(r.held_reason()), std::optional<std::string>("CRM endpoint answered 410 Gone"));
  EXPECT_EQ(target.run(r.setting("intake_watermark")), std::optional<std::string>("2026-11-30T10:00:00Z"));
  EXPECT_EQ(target.run(r.count_parked(30min)), 1);

  // The intake's duplicate check (requeue_finished false) still knows the finished ones.
  auto known = target.run(r.enqueue({"done1", "failed1", "dl-pii"}, queue::EnqueueOptions{0ms, false}));
  EXPECT_EQ(known.added, 0u);

  // The undelivered row: same webhook-id, attempts and body; due after its retry time.
  EXPECT_TRUE(target.run(r.lease_deliveries(10)).empty());  // still held
  target.run(r.release_held());
  auto rows = target.run(r.lease_deliveries(10));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].message.webhook_id, "wh_deliv_1");
  EXPECT_EQ(rows[0].message.interaction_id, "deliv");
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_EQ(rows[0].message.body, message("deliv", 1, 2).body);
  auto finished = target.run(r.delivered(rows[0], 200));
  ASSERT_TRUE(finished);  // part 2 was delivered before the migration
  EXPECT_EQ(finished->state, queue::State::done);
  EXPECT_EQ(finished->audit_context, R"({"correlation_id":"c-1"})");

  // Pending: in queue order with their cycle keys (the webhook-ids derive from them).
  auto leases = target.run(r.lease(10));
  ASSERT_EQ(leases.size(), 2u);
  EXPECT_EQ(leases[0].interaction_id, "p1");
  EXPECT_EQ(leases[1].interaction_id, "p2");
  EXPECT_EQ(leases[0].cycle_key, keys.at("p1"));
  EXPECT_EQ(leases[0].attempt, 1);

  // The dead letter by delivery replays its row under the same webhook-id.
  EXPECT_EQ(target.run(r.replay({"dl-crm"}, false)), 1u);
  rows = target.run(r.lease_deliveries(10));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].message.webhook_id, "wh_dl-crm_1");

  // Parked: due after its hour, attempt 2 of the same cycle, its retry clock kept.
  BackendSession hour_later(queue_config(dir, redis, QueueBackend::redis),
                            [] { return std::chrono::system_clock::now() + 61min; });
  auto resumed = hour_later.run(hour_later.backend->lease(10));  // p1 and p2 again too: their leases expired
  auto it = std::find_if(resumed.begin(), resumed.end(),
                         [](const queue::Lease& l) { return l.interaction_id == "parked"; });
  ASSERT_NE(it, resumed.end());
  EXPECT_EQ(it->attempt, 2);
  EXPECT_EQ(it->cycle_key, parked.cycle_key);
  EXPECT_NE(it->retrying_since_ms, 0);
  EXPECT_EQ(it->retrying_since_ms, before["parked"].updated_at_ms);
}

TEST(Migrate, RefusedWhileADaemonHoldsALeaseOnTheSQLiteFile) {
  RedisServer redis;
  TempDir dir;
  const auto sqlite_cfg = queue_config(dir, redis, QueueBackend::sqlite);
  BackendSession daemon(sqlite_cfg);
  daemon.run(daemon.backend->enqueue({"a", "b"}));
  ASSERT_EQ(daemon.run(daemon.backend->lease(1)).size(), 1u);  // held, not expired

  const auto config = migrate_config(dir, redis, sqlite_cfg.sqlite_path, "https://127.0.0.1:9");
  auto refused = migrate(dir, config, "migrate");
  EXPECT_EQ(refused.exit_code, 2) << refused.out;
  EXPECT_THAT(refused.err, HasSubstr("refused, nothing copied"));
  EXPECT_THAT(refused.err, HasSubstr("holds 1 fetch and 0 delivery leases that have not expired"));
  EXPECT_THAT(refused.err, HasSubstr(sqlite_cfg.sqlite_path));
  EXPECT_TRUE(redis_counts(redis).empty());

  daemon.run(daemon.backend->return_all_leases());  // the daemon stopped
  auto copied = migrate(dir, config, "migrate-after-stop");
  EXPECT_EQ(copied.exit_code, 0) << copied.err;
  EXPECT_THAT(copied.out, HasSubstr("copied 2 interactions (pending 2)"));
}

TEST(Migrate, RefusedWhileADaemonRunsOnTheRedis) {
  RedisServer redis;
  TempDir dir;
  const auto sqlite_cfg = queue_config(dir, redis, QueueBackend::sqlite);
  {
    BackendSession sqlite(sqlite_cfg);
    sqlite.run(sqlite.backend->enqueue({"a"}));
  }
  BackendSession running(queue_config(dir, redis, QueueBackend::redis), {}, queue::OpenedBy::daemon);

  const auto config = migrate_config(dir, redis, sqlite_cfg.sqlite_path, "https://127.0.0.1:9");
  auto refused = migrate(dir, config, "migrate");
  EXPECT_EQ(refused.exit_code, 2) << refused.out;
  EXPECT_THAT(refused.err, HasSubstr("has 1 daemon(s) running: " + boost::asio::ip::host_name() + " (pid " +
                                     std::to_string(::getpid()) + ")"));
  EXPECT_EQ(redis_counts(redis).count("pending"), 0u);
}

TEST(Migrate, RefusesAnotherDirectionAndAMissingSQLiteFile) {
  RedisServer redis;
  TempDir dir;
  const auto config = migrate_config(dir, redis, dir.path() / "absent.db", "https://127.0.0.1:9");
  auto backwards = insightd(dir, config, {"migrate", "--from", "redis", "--to", "sqlite"}, "backwards");
  EXPECT_EQ(backwards.exit_code, 2);
  EXPECT_THAT(backwards.err, HasSubstr("--from"));
  auto missing = migrate(dir, config, "missing");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err,
              HasSubstr("queue.sqlite.path " + (dir.path() / "absent.db").string() + " is not a file"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "absent.db"));
}

TEST(Migrate, ADaemonOnRedisDeliversWhatTheSQLiteDaemonCouldNotUnderTheSameWebhookIds) {
  const auto& ca = TestCa::shared();
  RedisServer redis;
  TempDir before_dir, after_dir;
  // Before: one daemon on SQLite; its CRM answers 410 Gone, so the deliveries are held.
  SimProcess gone(before_dir, ca, {"--crm-gone"});
  ConfigOptions options;
  options.ca_file = ca.ca_cert;
  const auto sqlite_config = write_config(before_dir, gone.base_url(), options);
  ASSERT_EQ(
      insightd(before_dir, sqlite_config, {"enqueue", "mig-1", "mig-2", "mig-3", "mig-4", "mig-5"}).exit_code,
      0);
  auto held = insightd(before_dir, sqlite_config, {"run", "--drain"}, "daemon-sqlite");
  ASSERT_EQ(held.exit_code, 1) << held.err;  // --drain: deliveries held
  ASSERT_THAT(held.err, HasSubstr("held deliveries"));
  const auto seen_before = webhook_ids_per_part(gone.stats().as_object());
  ASSERT_FALSE(seen_before.empty());
  ASSERT_EQ(insightd(before_dir, sqlite_config, {"enqueue", "late-1"}, "enqueue-late").exit_code, 0);

  // After: the CRM moved (a new URL releases held deliveries); the daemon runs on Redis.
  SimProcess crm(after_dir, ca);
  const auto sqlite_path = before_dir.path() / "insightd.db";
  const auto config = migrate_config(after_dir, redis, sqlite_path, crm.base_url(), ca.ca_cert);
  std::string late_cycle_key;
  {
    QueueConfig cfg;
    cfg.sqlite_path = sqlite_path.string();
    BackendSession sqlite(cfg);
    late_cycle_key = cycle_keys(sqlite).at("late-1");
  }
  auto copied = migrate(after_dir, config, "migrate");
  ASSERT_EQ(copied.exit_code, 0) << copied.err;
  auto run = insightd(after_dir, config, {"run", "--drain"}, "daemon-redis");
  ASSERT_EQ(run.exit_code, 0) << run.err;

  const auto status = status_json(after_dir, config);
  EXPECT_EQ(status.at("done").to_number<std::int64_t>(), 6) << json::serialize(status);
  EXPECT_EQ(status.at("outbox_depth").to_number<std::int64_t>(), 0);
  const auto seen_after = webhook_ids_per_part(crm.stats().as_object());
  for (const auto& [part, webhook_ids] : seen_after) {
    EXPECT_EQ(webhook_ids.size(), 1u) << part.first << " part " << part.second;
  }
  // Every part the first CRM saw arrived at the second under the same webhook-id.
  for (const auto& [part, webhook_ids] : seen_before) {
    ASSERT_TRUE(seen_after.count(part)) << part.first << " part " << part.second;
    EXPECT_EQ(seen_after.at(part), webhook_ids) << part.first << " part " << part.second;
  }
  // Queued but not fetched before the move: fetched on Redis in the cycle SQLite gave it.
  ASSERT_TRUE(seen_after.count({"late-1", 1}));
  EXPECT_EQ(*seen_after.at({"late-1", 1}).begin(), delivery::webhook_id_for("late-1", late_cycle_key, 1));
}

}  // namespace insightd::test
