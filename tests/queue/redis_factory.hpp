// SPDX-License-Identifier: Apache-2.0
#pragma once
// The Redis backend for the contract suite (backend_contract_fixture.hpp):
// one redis-server for the test binary (tests/support/redis_server.hpp),
// emptied (FLUSHDB) before every test and opened through open_backend(); after
// every test the counts the scripts keep are checked against a scan of the
// interactions and outbox rows. Also RedisSession, raw commands for the
// Redis-only tests (redis_backend_test.cpp).
#include <gtest/gtest.h>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "backend_contract_fixture.hpp"
#include "insightd/queue/backend.hpp"
#include "insightd/redis/connection.hpp"
#include "redis/run_until.hpp"
#include "support/redis_server.hpp"

namespace insightd::queue::testing {

// A connection of the test's own, on its own io_context: raw commands to look
// at (or break) what the backend keeps under the hash tag {prefix}.
class RedisSession {
 public:
  RedisSession(const std::string& url, std::string prefix)
      : prefix_(std::move(prefix)), connection_(io_.get_executor(), options(url)) {}

  // Waits for the answer while the connection reconnects (after a restart).
  redis::Reply command(std::vector<std::string> args) {
    auto reply = test::run_until_done(io_, command_until_answered(&connection_, std::move(args)));
    EXPECT_TRUE(reply) << reply.error().message;
    return reply ? *reply : redis::Reply();
  }

  std::string key(const std::string& rest) const { return "{" + prefix_ + "}:" + rest; }

  std::vector<std::string> keys(const std::string& pattern) {
    std::vector<std::string> found;
    std::string cursor = "0";
    do {
      auto reply = command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
      if (reply.elements().size() != 2) break;
      cursor = reply.elements()[0].text();
      for (const auto& k : reply.elements()[1].elements()) found.push_back(k.text());
    } while (cursor != "0");
    return found;
  }

  std::map<std::string, std::int64_t> counted_by_scripts() {
    std::map<std::string, std::int64_t> counts;
    auto fields = command({"HGETALL", key("counts")}).elements();
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
      if (fields[i + 1].text() != "0") counts[fields[i].text()] = std::stoll(fields[i + 1].text());
    }
    return counts;
  }

  std::map<std::string, std::int64_t> counted_by_scan() {
    std::map<std::string, std::int64_t> counts;
    for (const auto& k : keys(key("i:*"))) ++counts[command({"HGET", k, "state"}).text()];
    for (const auto& k : keys(key("o:*"))) {
      if (command({"HGET", k, "state"}).text() == "pending") ++counts["outbox_pending"];
    }
    return counts;
  }

 private:
  static redis::ConnectionOptions options(const std::string& url) {
    redis::ConnectionOptions options;
    options.url = url;
    options.reconnect = {std::chrono::milliseconds(10), std::chrono::milliseconds(100)};
    return options;
  }

  static boost::asio::awaitable<redis::Result<redis::Reply>> command_until_answered(
      redis::Connection* connection, std::vector<std::string> args) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    boost::asio::steady_timer pause(co_await boost::asio::this_coro::executor);
    for (;;) {
      auto reply = co_await connection->command(args);
      if (reply || std::chrono::steady_clock::now() > deadline) co_return reply;
      pause.expires_after(std::chrono::milliseconds(20));
      co_await pause.async_wait(boost::asio::use_awaitable);
    }
  }

  std::string prefix_;
  boost::asio::io_context io_;
  redis::Connection connection_;
};

// Redis keeps everything; a dropped object's leases stay until they expire.
struct RedisFactory : OpenedByOpenBackend {
  static constexpr const char* kName = "redis";

  static test::RedisServer& server() {
    static test::RedisServer shared;  // one per test binary, stopped at exit
    return shared;
  }

  static RedisSession session() { return RedisSession(server().url(), "contract"); }

  static void configure(QueueConfig& cfg, const std::filesystem::path&) {
    cfg.backend = QueueBackend::redis;
    cfg.redis_url = server().url();
    cfg.redis_key_prefix = "contract";
    // The contract is about results, not latency: a 10,000-ID enqueue missed
    // the 5 s default on a host at load 11.
    cfg.redis_timeout = std::chrono::seconds(30);
    session().command({"FLUSHDB"});
  }

  // Whatever a test did, the counts the scripts keep equal a scan.
  static void after_test(const QueueConfig&) {
    auto redis = session();
    EXPECT_EQ(redis.counted_by_scripts(), redis.counted_by_scan());
  }
};

}  // namespace insightd::queue::testing
