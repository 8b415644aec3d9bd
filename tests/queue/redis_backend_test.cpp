// SPDX-License-Identifier: Apache-2.0
// RedisBackend against a real redis-server (tests/support/redis_server.hpp):
// what only the Redis backend has (two backend objects taking over each
// other's leases, the announcements, the counts kept by the scripts, the key
// layout, Redis going away). The behaviour both backends share is the
// contract suite's.
#include "insightd/queue/redis_backend.hpp"

#include <gmock/gmock.h>

#include <boost/asio/ip/host_name.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <limits>
#include <map>
#include <set>

#include "backend_contract_fixture.hpp"
#include "insightd/redis/connection.hpp"
#include "redis/run_until.hpp"
#include "redis_factory.hpp"
#include "support/redis_server.hpp"

using namespace insightd::queue;
using insightd::QueueBackend;
using insightd::QueueConfig;
using namespace std::chrono_literals;
using insightd::queue::testing::ManualClock;
using insightd::queue::testing::message;
using insightd::queue::testing::RedisSession;
using insightd::test::RedisServer;
using insightd::test::RedisServerOptions;
using insightd::test::run_until_done;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace asio = boost::asio;
namespace redis = insightd::redis;

namespace {

std::vector<std::string> leased_ids(const std::vector<Lease>& leases) {
  std::vector<std::string> ids;
  for (const auto& l : leases) ids.push_back(l.interaction_id);
  return ids;
}

asio::awaitable<bool> finished(asio::awaitable<void> op) {
  co_await std::move(op);
  co_return true;
}

// Repeats enqueue until Redis takes it (the connection reconnects with a
// backoff); returns the failures seen on the way.
asio::awaitable<int> enqueue_until_accepted(std::shared_ptr<RedisBackend> backend, std::string id) {
  int failures = 0;
  asio::steady_timer pause(co_await asio::this_coro::executor);
  for (;;) {
    try {
      std::vector<std::string> ids{id};
      co_await backend->enqueue(std::move(ids));
      co_return failures;
    } catch (const std::runtime_error&) {
      ++failures;
    }
    pause.expires_after(20ms);
    co_await pause.async_wait(asio::use_awaitable);
  }
}

// Leases batches until none are left, recording every lease it got.
asio::awaitable<void> lease_until_empty(std::shared_ptr<RedisBackend> backend, std::vector<Lease>* got) {
  for (;;) {
    auto leases = co_await backend->lease(7);
    if (leases.empty()) co_return;
    got->insert(got->end(), leases.begin(), leases.end());
  }
}

class RedisBackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cfg.backend = QueueBackend::redis;
    cfg.redis_url = server->url();
    cfg.redis_key_prefix = "test";
    cfg.lease_timeout = 5min;
    backend = open_backend();
  }

  // Whatever a test did, the counts the scripts keep equal a scan of the interactions.
  void TearDown() override {
    if (server->answers_ping()) {
      EXPECT_EQ(raw.counted_by_scripts(), raw.counted_by_scan());
    }
  }

  std::shared_ptr<RedisBackend> open_backend(bool with_clock = true) {
    return run(RedisBackend::open(io.get_executor(), cfg, with_clock ? clock.function() : Backend::Clock{}));
  }

  template <class T>
  T run(asio::awaitable<T> op) {
    return run_until_done(io, std::move(op));
  }
  void run(asio::awaitable<void> op) { run_until_done(io, finished(std::move(op))); }

  redis::Reply command(std::vector<std::string> args) { return raw.command(std::move(args)); }
  std::vector<std::string> keys(const std::string& pattern) { return raw.keys(pattern); }

  Lease lease_one(RedisBackend& on, const std::string& id) {
    run(on.enqueue({id}));
    auto leases = run(on.lease(1));
    EXPECT_THAT(leased_ids(leases), ElementsAre(id));
    return leases.empty() ? Lease{} : leases[0];
  }

  asio::io_context io;
  ManualClock clock;
  QueueConfig cfg;
  std::unique_ptr<RedisServer> server = std::make_unique<RedisServer>(RedisServerOptions{.appendonly = true});
  RedisSession raw{server->url(), "test"};
  std::shared_ptr<RedisBackend> backend;
};

}  // namespace

TEST_F(RedisBackendTest, EnqueueDedupesQueuedIdsAndRequeuesFinishedOnes) {
  auto first = run(backend->enqueue({"a", "b", "a"}));
  EXPECT_EQ(first.added, 2u);
  EXPECT_EQ(first.duplicates, 1u);
  auto a = run(backend->lease(1));
  ASSERT_THAT(leased_ids(a), ElementsAre("a"));
  EXPECT_EQ(run(backend->enqueue({"a", "b"})).duplicates, 2u);  // in flight, pending

  ASSERT_TRUE(run(backend->fail(a[0], "404")));
  const EnqueueOptions intake{.not_before_delay = 0ms, .requeue_finished = false};
  EXPECT_EQ(run(backend->enqueue({"a"}, intake)).duplicates, 1u);
  EXPECT_EQ(run(backend->enqueue({"a"})).added, 1u);  // a new cycle
  auto again = run(backend->lease(2));
  ASSERT_THAT(leased_ids(again), ElementsAre("b", "a"));  // b was queued first
  EXPECT_EQ(again[1].attempt, 1);
  EXPECT_NE(again[1].cycle_key, a[0].cycle_key);
}

// Two backend objects on one Redis, as two daemons: one stops renewing (it
// died), the other takes over its fetch and delivery leases.
TEST_F(RedisBackendTest, ExpiredLeasesOfADeadBackendAreTakenOverByAnother) {
  auto survivor = open_backend();
  EXPECT_NE(survivor->owner(), backend->owner());
  run(backend->enqueue({"x", "y", "z"}));
  auto dying = run(backend->lease(2));
  ASSERT_THAT(leased_ids(dying), ElementsAre("x", "y"));
  ASSERT_TRUE(run(backend->complete(dying[0], {message("x", 1, 1)}, "ctx-x")));
  auto delivery = run(backend->lease_deliveries(10));
  ASSERT_EQ(delivery.size(), 1u);
  EXPECT_THAT(leased_ids(run(survivor->lease(10))), ElementsAre("z"));

  for (int beat = 0; beat < 3; ++beat) {  // only the survivor renews
    clock.advance(cfg.lease_timeout / 2);
    run(survivor->renew_leases());
  }
  auto taken = run(survivor->lease(10));
  ASSERT_THAT(leased_ids(taken), ElementsAre("y"));
  EXPECT_EQ(taken[0].attempt, 2);
  EXPECT_EQ(taken[0].cycle_key, dying[1].cycle_key);
  auto redelivery = run(survivor->lease_deliveries(10));
  ASSERT_EQ(redelivery.size(), 1u);
  EXPECT_EQ(redelivery[0].message.webhook_id, "wh_x_1");
  EXPECT_NE(redelivery[0].lease_token, delivery[0].lease_token);

  // The dead one's late reports change nothing; the survivor's count.
  EXPECT_FALSE(run(backend->complete(dying[1], {}, "")));
  run(backend->retry_delivery(delivery[0], clock.now() + 1h, 503, "late"));
  EXPECT_EQ(run(backend->return_all_leases()), 0u);
  EXPECT_TRUE(run(survivor->complete(taken[0], {}, "")));
  auto finished = run(survivor->delivered(redelivery[0], 200));
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->audit_context, "ctx-x");
  EXPECT_EQ(run(survivor->counts()).in_flight, 1);  // z, still renewed
}

TEST_F(RedisBackendTest, LiveDaemonsListsEachBackendWithWhatItHoldsUntilItStopsRenewing) {
  auto other = open_backend();
  run(backend->enqueue({"a", "b", "c"}));
  auto mine = run(backend->lease(2));
  ASSERT_EQ(mine.size(), 2u);
  ASSERT_TRUE(run(backend->complete(mine[0], {message("a", 1, 2), message("a", 2, 2)}, "")));
  ASSERT_EQ(run(backend->lease_deliveries(1)).size(), 1u);
  ASSERT_EQ(run(other->lease(1)).size(), 1u);

  auto daemons = run(backend->live_daemons());
  ASSERT_EQ(daemons.size(), 2u);
  std::map<std::string, DaemonInfo> by_owner;
  for (const auto& d : daemons) by_owner[d.owner] = d;
  const auto& me = by_owner.at(backend->owner());
  EXPECT_EQ(me.pid, ::getpid());
  EXPECT_EQ(me.host, asio::ip::host_name());
  EXPECT_EQ(me.version, INSIGHTD_VERSION);
  EXPECT_EQ(me.fetch_leases, 1);  // b (a went to the outbox)
  EXPECT_EQ(me.delivery_leases, 1);
  EXPECT_EQ(by_owner.at(other->owner()).fetch_leases, 1);
  EXPECT_EQ(by_owner.at(other->owner()).delivery_leases, 0);

  clock.advance(cfg.lease_timeout / 2);
  run(backend->renew_leases());
  clock.advance(cfg.lease_timeout / 2);  // `other` did not renew: it is gone
  daemons = run(other->live_daemons());
  ASSERT_EQ(daemons.size(), 1u);
  EXPECT_EQ(daemons[0].owner, backend->owner());
  const auto renewed_at = clock.now() - cfg.lease_timeout / 2;
  EXPECT_EQ(daemons[0].expires_ms, std::chrono::duration_cast<std::chrono::milliseconds>(
                                       (renewed_at + cfg.lease_timeout).time_since_epoch())
                                       .count());
}

TEST_F(RedisBackendTest, EveryKeyIsUnderTheDeploymentsHashTag) {
  auto a = lease_one(*backend, "a");
  ASSERT_TRUE(run(backend->complete(a, {message("a", 1, 1)}, "")));
  auto d = run(backend->lease_deliveries(1));
  ASSERT_EQ(d.size(), 1u);
  run(backend->dead_letter_delivery(d[0], 400, "bad"));
  ASSERT_TRUE(run(backend->dead_letter(lease_one(*backend, "b"), "pii", "blocked")));
  run(backend->hold_deliveries("410"));
  run(backend->enqueue({"later"}, {.not_before_delay = 1h}));

  auto all = keys("*");
  EXPECT_GE(all.size(), 10u);
  for (const auto& key : all) EXPECT_EQ(key.rfind("{test}:", 0), 0u) << key;
}

TEST_F(RedisBackendTest, ADuplicateWebhookIdFailsTheCompleteWithoutWritingAnything) {
  auto a = lease_one(*backend, "a");
  auto clash = message("a", 2, 2);
  clash.webhook_id = "wh_a_1";
  try {
    run(backend->complete(a, {message("a", 1, 2), clash}, ""));
    ADD_FAILURE() << "complete accepted a duplicate webhook_id";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("complete"));
    EXPECT_THAT(e.what(), HasSubstr("wh_a_1"));
  }
  EXPECT_EQ(run(backend->interaction("a"))->state, State::in_flight);
  EXPECT_EQ(run(backend->outbox_depth()), 0);
  EXPECT_TRUE(keys("{test}:o:*").empty());
}

TEST_F(RedisBackendTest, AScriptErrorNamesTheScript) {
  command({"SET", "{test}:counts", "not a hash"});
  try {
    run(backend->enqueue({"a"}));
    ADD_FAILURE() << "enqueue succeeded on a broken counts key";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Redis script 'enqueue' failed"));
    EXPECT_THAT(e.what(), HasSubstr("WRONGTYPE"));
  }
  command({"DEL", "{test}:counts", "{test}:i:a", "{test}:ready", "{test}:seq"});
}

TEST_F(RedisBackendTest, RedisRestartedMidUseGivesAClearErrorThenWorksWithNothingLost) {
  auto a = lease_one(*backend, "a");
  run(backend->enqueue({"b"}));
  server->stop();
  try {
    run(backend->lease(1));
    ADD_FAILURE() << "lease succeeded with Redis stopped";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("'lease' failed"));
    EXPECT_THAT(e.what(), HasSubstr("Redis"));
    EXPECT_THAT(e.what(), HasSubstr("127.0.0.1:" + std::to_string(server->port())));
  }
  server->start();
  EXPECT_GE(run(enqueue_until_accepted(backend, "c")), 0);
  // What Redis acknowledged before the restart is there (appendonly).
  EXPECT_TRUE(run(backend->complete(a, {}, "")));
  EXPECT_THAT(leased_ids(run(backend->lease(5))), ElementsAre("b", "c"));
}

TEST_F(RedisBackendTest, OpeningWithoutRedisNamesItAndTheAddress) {
  auto port = server->port();
  server->stop();
  try {
    open_backend();
    ADD_FAILURE() << "opened a backend with Redis down";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Redis unreachable at 127.0.0.1:" + std::to_string(port)));
  }
  server->start();
}

// The daemon opens without waiting for Redis: calls fail naming it until it
// answers, then work, and the object announces itself with its first lease.
TEST_F(RedisBackendTest, OpenedInTheBackgroundWhileRedisIsDownItWorksOnceRedisAnswers) {
  server->stop();
  auto early = run(
      RedisBackend::open(io.get_executor(), cfg, clock.function(), OpenedBy::daemon, Connect::in_background));
  try {
    run(early->counts());
    ADD_FAILURE() << "counts succeeded with Redis down";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("Redis unreachable at 127.0.0.1:" + std::to_string(server->port())));
  }
  server->start();
  EXPECT_GE(run(enqueue_until_accepted(early, "a")), 0);
  const auto listed = [&] {
    std::map<std::string, DaemonInfo> by_owner;
    for (auto& d : run(backend->live_daemons())) by_owner[d.owner] = d;
    return by_owner;
  };
  EXPECT_FALSE(listed().contains(early->owner())) << "announced before it leased anything";
  ASSERT_THAT(leased_ids(run(early->lease(1))), ElementsAre("a"));
  const auto daemons = listed();
  ASSERT_TRUE(daemons.contains(early->owner()));
  EXPECT_EQ(daemons.at(early->owner()).fetch_leases, 1);
}

// Without an injected clock the scripts read the server's TIME (one clock for
// every host): leases expire lease_timeout after the server's now.
TEST_F(RedisBackendTest, WithoutAClockTheServersTimeIsUsed) {
  auto on_server_time = open_backend(false);
  run(on_server_time->enqueue({"now"}));
  run(on_server_time->enqueue({"later"}, {.not_before_delay = 1h}));
  EXPECT_EQ(run(on_server_time->count_parked(30min)), 1);
  auto leases = run(on_server_time->lease(10));
  ASSERT_THAT(leased_ids(leases), ElementsAre("now"));

  auto time = command({"TIME"});
  ASSERT_EQ(time.elements().size(), 2u);
  const auto server_ms = std::stoll(time.elements()[0].text()) * 1000;
  const auto expires = std::stoll(command({"HGET", "{test}:i:now", "lease_expires"}).text());
  const auto timeout_ms = std::chrono::duration_cast<std::chrono::milliseconds>(cfg.lease_timeout).count();
  EXPECT_NEAR(static_cast<double>(expires - server_ms), static_cast<double>(timeout_ms), 60'000.0);

  // A retry's next attempt is taken relative to the caller's now.
  ASSERT_TRUE(run(on_server_time->complete(leases[0], {message("now", 1, 1)}, "")));
  auto d = run(on_server_time->lease_deliveries(1));
  ASSERT_EQ(d.size(), 1u);
  run(on_server_time->retry_delivery(d[0], std::chrono::system_clock::now(), 503, "x"));
  EXPECT_EQ(run(on_server_time->lease_deliveries(1)).size(), 1u);
  EXPECT_EQ(run(on_server_time->return_all_leases()), 0u);
}

// Several lease calls in flight at once from two backend objects (pipelined
// on two connections): each script runs alone, so no ID is leased twice.
TEST_F(RedisBackendTest, ConcurrentLeasesFromTwoBackendsNeverShareAnId) {
  auto other = open_backend();
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) ids.push_back("id-" + std::to_string(i));
  ASSERT_EQ(run(backend->enqueue(ids)).added, 300u);

  std::vector<std::vector<Lease>> got(6);
  std::size_t running = got.size();
  std::exception_ptr error;
  for (std::size_t i = 0; i < got.size(); ++i) {
    asio::co_spawn(io, lease_until_empty(i % 2 ? other : backend, &got[i]), [&](std::exception_ptr e) {
      if (e) error = e;
      --running;
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (running > 0 && std::chrono::steady_clock::now() < deadline) io.run_one_for(100ms);
  ASSERT_EQ(running, 0u);
  if (error) std::rethrow_exception(error);
  std::set<std::string> leased;
  std::size_t total = 0;
  for (const auto& leases : got) {
    total += leases.size();
    for (const auto& l : leases) leased.insert(l.interaction_id);
  }
  EXPECT_EQ(total, 300u);
  EXPECT_EQ(leased.size(), 300u);
  auto counts = run(backend->counts());
  EXPECT_EQ(counts.in_flight, 300);
  EXPECT_EQ(counts.pending, 0);
  EXPECT_EQ(run(backend->return_all_leases()) + run(other->return_all_leases()), 300u);
  EXPECT_EQ(run(backend->lease(std::numeric_limits<std::size_t>::max())).size(), 300u);  // "all of them"
}

// Memory, not disk: a done interaction keeps the number of its parts, not its
// delivered rows.
TEST_F(RedisBackendTest, ADoneInteractionKeepsItsPartCountNotItsRows) {
  ASSERT_TRUE(run(backend->complete(lease_one(*backend, "a"), {message("a", 1, 2), message("a", 2, 2)}, "")));
  auto d = run(backend->lease_deliveries(10));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_FALSE(run(backend->delivered(d[0], 200)));
  EXPECT_EQ(keys("{test}:o:*").size(), 2u);  // kept while a part is undelivered
  ASSERT_TRUE(run(backend->delivered(d[1], 200)));
  EXPECT_TRUE(keys("{test}:o:*").empty());
  EXPECT_TRUE(keys("{test}:parts:*").empty());
  EXPECT_EQ(run(backend->interaction("a"))->outbox_parts, 2);
  EXPECT_FALSE(run(backend->delivered(d[1], 200)));  // a repeat changes nothing

  EXPECT_EQ(run(backend->enqueue({"a"})).added, 1u);  // a new cycle starts without parts
  EXPECT_EQ(run(backend->interaction("a"))->outbox_parts, 0);
}
