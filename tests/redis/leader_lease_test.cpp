// SPDX-License-Identifier: Apache-2.0
// redis::LeaderLease against a real redis-server: one owner at a time, expiry
// hands the key over, a stale owner can neither renew nor release the new
// owner's hold, and a Redis that is gone is an error value, not a throw.
#include "insightd/redis/leader_lease.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "redis/run_until.hpp"
#include "support/redis_server.hpp"

namespace asio = boost::asio;
using namespace std::chrono_literals;
using insightd::redis::Connection;
using insightd::redis::ConnectionOptions;
using insightd::redis::LeaderLease;
using insightd::redis::Reply;
using insightd::test::RedisServer;
using insightd::test::run_until_done;

namespace {

constexpr const char* kKey = "{test}:intake:leader";

ConnectionOptions options_for(const RedisServer& server) {
  ConnectionOptions options;
  options.url = server.url();
  options.timeout = 2s;
  options.reconnect = {10ms, 100ms};
  return options;
}

struct Fixture {
  RedisServer server;
  asio::io_context io{1};
  Connection connection{io.get_executor(), options_for(server)};
  LeaderLease a{connection, kKey, "host-a:101", 60s};
  LeaderLease b{connection, kKey, "host-b:202", 60s};

  bool ok(asio::awaitable<insightd::redis::Result<bool>> step) {
    auto result = run_until_done(io, std::move(step));
    if (!result) throw std::runtime_error(result.error().message);
    return *result;
  }
  std::optional<std::string> holder() {
    auto result = run_until_done(io, a.holder());
    if (!result) throw std::runtime_error(result.error().message);
    return *result;
  }
  Reply command(std::vector<std::string> args) {
    auto result = run_until_done(io, connection.command(std::move(args)));
    if (!result) throw std::runtime_error(result.error().message);
    return *result;
  }
};

}  // namespace

TEST(LeaderLease, OneOwnerAtATime) {
  Fixture f;
  EXPECT_EQ(f.holder(), std::nullopt);
  EXPECT_TRUE(f.ok(f.a.try_acquire()));
  EXPECT_FALSE(f.ok(f.b.try_acquire()));
  EXPECT_EQ(f.holder(), "host-a:101");
  EXPECT_TRUE(f.ok(f.a.try_acquire())) << "acquiring what we hold renews it";
  EXPECT_FALSE(f.ok(f.b.renew()));
  EXPECT_FALSE(f.ok(f.b.release()));
  EXPECT_EQ(f.holder(), "host-a:101");
  const auto ttl = f.command({"PTTL", kKey}).as_integer();
  EXPECT_GT(ttl, 50'000);
  EXPECT_LE(ttl, 60'000);
}

TEST(LeaderLease, RenewGivesAFullTtlAgain) {
  Fixture f;
  ASSERT_TRUE(f.ok(f.a.try_acquire()));
  f.command({"PEXPIRE", kKey, "5000"});  // as if most of the ttl had passed
  EXPECT_TRUE(f.ok(f.a.renew()));
  EXPECT_GT(f.command({"PTTL", kKey}).as_integer(), 50'000);
}

TEST(LeaderLease, AnExpiredHoldPassesToTheNextOwnerAndTheOldOneCannotTouchIt) {
  Fixture f;
  ASSERT_TRUE(f.ok(f.a.try_acquire()));
  f.command({"DEL", kKey});  // a's daemon died, nobody renewed, the ttl ran out
  EXPECT_TRUE(f.ok(f.b.try_acquire()));
  EXPECT_EQ(f.holder(), "host-b:202");
  EXPECT_FALSE(f.ok(f.a.renew())) << "a stale owner learns it lost";
  EXPECT_FALSE(f.ok(f.a.release())) << "and cannot free the new owner's key";
  EXPECT_EQ(f.holder(), "host-b:202");
}

TEST(LeaderLease, ReleaseHandsOverAtOnce) {
  Fixture f;
  ASSERT_TRUE(f.ok(f.a.try_acquire()));
  EXPECT_TRUE(f.ok(f.a.release()));
  EXPECT_EQ(f.holder(), std::nullopt);
  EXPECT_TRUE(f.ok(f.b.try_acquire()));
}

TEST(LeaderLease, RedisGoneIsAnErrorValueThatNamesRedis) {
  Fixture f;
  ASSERT_TRUE(f.ok(f.a.try_acquire()));
  f.server.stop();
  auto result = run_until_done(f.io, f.a.renew());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("Redis"), std::string::npos) << result.error().message;
}

TEST(LeaderLease, AKeyOfAnotherTypeIsNamed) {
  Fixture f;
  f.command({"LPUSH", kKey, "x"});
  try {
    f.ok(f.a.try_acquire());
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(kKey), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("WRONGTYPE"), std::string::npos) << e.what();
  }
}
