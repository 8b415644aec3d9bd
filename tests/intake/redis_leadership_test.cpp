// SPDX-License-Identifier: Apache-2.0
// intake::RedisLeadership with two "daemons" (two objects, two connections)
// on one real redis-server: one leads at a time, a clean stop hands over at
// once, a dead leader is replaced after its lease, and a leader whose key was
// taken learns it lost.
#include "insightd/intake/redis_leadership.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <memory>

#include "insightd/redis/connection.hpp"
#include "redis/run_until.hpp"
#include "support/redis_server.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;
using insightd::QueueConfig;
using insightd::intake::RedisLeadership;
using insightd::test::RedisServer;
using insightd::test::run_until_done;

namespace {

QueueConfig queue_for(const RedisServer& server, std::chrono::milliseconds lease) {
  QueueConfig queue;
  queue.redis_url = server.url();
  queue.redis_key_prefix = "lead";
  queue.lease_timeout = lease;
  return queue;
}

// Spawns `op` on io; the flag turns true when it has completed.
std::shared_ptr<bool> spawn_flag(asio::io_context& io, asio::awaitable<void> op) {
  auto done = std::make_shared<bool>(false);
  asio::co_spawn(io, std::move(op), [done](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
    *done = true;
  });
  return done;
}

// Runs io until *flag or `limit`; returns *flag.
bool run_until(asio::io_context& io, const std::shared_ptr<bool>& flag, std::chrono::milliseconds limit) {
  io.restart();
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!*flag && std::chrono::steady_clock::now() < deadline) io.run_one_for(20ms);
  return *flag;
}

}  // namespace

TEST(RedisLeadership, OneLeadsTheOtherStandsByUntilACleanStopHandsOver) {
  RedisServer server;
  asio::io_context io(1);
  const auto queue = queue_for(server, 1200ms);
  RedisLeadership a(io.get_executor(), queue, "host-a:1");
  RedisLeadership b(io.get_executor(), queue, "host-b:2");
  insightd::redis::Connection admin(io.get_executor(), insightd::redis::connection_options(queue));

  ASSERT_TRUE(run_until(io, spawn_flag(io, a.acquire()), 5s));
  EXPECT_TRUE(a.leading());
  auto a_lost = spawn_flag(io, a.until_lost());  // renews every 400 ms
  auto b_leads = spawn_flag(io, b.acquire());
  // Two leases long, b keeps asking and a keeps renewing: b never leads.
  EXPECT_FALSE(run_until(io, b_leads, 2400ms));
  EXPECT_FALSE(*a_lost);
  EXPECT_FALSE(b.leading());

  auto a_stopped = spawn_flag(io, a.stop());
  ASSERT_TRUE(run_until(io, a_stopped, 5s));
  EXPECT_TRUE(run_until(io, a_lost, 5s)) << "stop() ends until_lost()";
  EXPECT_FALSE(a.leading());
  // Released, not left to expire: b need not wait out a's lease.
  auto key = run_until_done(io, admin.command({"GET", "{lead}:intake:leader"}));
  ASSERT_TRUE(key);
  EXPECT_TRUE(key->is_nil() || key->text() == "host-b:2") << key->describe();
  EXPECT_TRUE(run_until(io, b_leads, 5s));
  EXPECT_TRUE(b.leading());
  admin.close();
  ASSERT_TRUE(run_until(io, spawn_flag(io, b.stop()), 5s));
}

TEST(RedisLeadership, ADeadLeaderIsReplacedAfterItsLease) {
  RedisServer server;
  asio::io_context io(1);
  const auto queue = queue_for(server, 600ms);
  auto a = std::make_unique<RedisLeadership>(io.get_executor(), queue, "host-a:1");
  RedisLeadership b(io.get_executor(), queue, "host-b:2");
  ASSERT_TRUE(run_until(io, spawn_flag(io, a->acquire()), 5s));

  a.reset();  // kill -9: no release, no more renewals
  const auto died = std::chrono::steady_clock::now();
  auto b_leads = spawn_flag(io, b.acquire());
  ASSERT_TRUE(run_until(io, b_leads, 5s));
  // Not before the dead leader's key expired (less a try period of slack).
  EXPECT_GE(std::chrono::steady_clock::now() - died, 400ms);
  ASSERT_TRUE(run_until(io, spawn_flag(io, b.stop()), 5s));
}

TEST(RedisLeadership, ALeaderWhoseKeyWasTakenLearnsItLost) {
  RedisServer server;
  asio::io_context io(1);
  const auto queue = queue_for(server, 600ms);
  RedisLeadership a(io.get_executor(), queue, "host-a:1");
  ASSERT_TRUE(run_until(io, spawn_flag(io, a.acquire()), 5s));
  auto a_lost = spawn_flag(io, a.until_lost());

  // As if a had been paused longer than its lease and another daemon took over.
  insightd::redis::Connection admin(io.get_executor(), insightd::redis::connection_options(queue));
  auto taken = run_until_done(io, admin.command({"SET", "{lead}:intake:leader", "host-c:3", "PX", "60000"}));
  ASSERT_TRUE(taken && taken->is_ok());
  EXPECT_TRUE(run_until(io, a_lost, 2s));
  EXPECT_FALSE(a.leading());
  admin.close();
  ASSERT_TRUE(run_until(io, spawn_flag(io, a.stop()), 5s));
}
