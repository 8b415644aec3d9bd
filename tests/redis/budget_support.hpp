// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the shared budget's tests share: a connection to the test's
// redis-server, budget options, the server's clock, running the io_context
// until a condition holds, and three daemons sharing one budget.
#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "insightd/redis/budget.hpp"
#include "insightd/redis/connection.hpp"
#include "redis/run_until.hpp"
#include "support/redis_server.hpp"

namespace insightd::test::budget {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using insightd::redis::BudgetOptions;
using insightd::redis::Connection;
using insightd::redis::ConnectionOptions;
using insightd::redis::RedisBudget;
using insightd::test::RedisServer;
using insightd::test::run_until_done;

inline std::shared_ptr<Connection> connect(asio::io_context& io, const RedisServer& server) {
  ConnectionOptions options;
  options.url = server.url();
  options.timeout = 5s;
  options.reconnect = {10ms, 200ms};
  return std::make_shared<Connection>(io.get_executor(), options);
}

inline BudgetOptions budget_options(int requests_per_minute, int burst) {
  BudgetOptions options;
  options.key_prefix = "budget-test";
  options.requests_per_minute = requests_per_minute;
  options.burst = burst;
  options.retry = {10ms, 100ms};
  return options;
}

// The server's clock, in microseconds.
inline asio::awaitable<std::int64_t> server_time_us(Connection* connection) {
  std::vector<std::string> time{"TIME"};
  auto reply = co_await connection->command(std::move(time));
  if (!reply || reply->elements().size() != 2) throw std::runtime_error("TIME failed");
  co_return std::stoll(reply->elements()[0].text()) * 1000000 + std::stoll(reply->elements()[1].text());
}

inline std::int64_t now_us(asio::io_context& io, Connection& connection) {
  return run_until_done(io, server_time_us(&connection));
}

// Runs the io_context until `done()` holds (the state changes it waits for
// are made by the coroutines it runs), at most `limit`.
inline bool run_until(asio::io_context& io, const std::function<bool()>& done,
                      std::chrono::seconds limit = 30s) {
  io.restart();
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done() && std::chrono::steady_clock::now() < deadline) io.run_one_for(100ms);
  return done();
}

inline asio::awaitable<void> acquire_into(RedisBudget* budget, int* admitted) {
  co_await budget->acquire();
  ++*admitted;
}

// Three daemons, each a RedisBudget on its own connection, with `per_daemon`
// callers each asking at once; each daemon ends with nobody waiting and no
// failure. How long they took to admit all, on the server's clock.
struct SharedBudgetRun {
  bool all_admitted = false;
  std::int64_t elapsed_us = 0;
  std::uint64_t script_calls = 0;  // of the three together
};

inline SharedBudgetRun three_daemons_admit(asio::io_context& io, const RedisServer& server,
                                           const BudgetOptions& options, int per_daemon) {
  std::vector<std::shared_ptr<Connection>> connections;
  std::vector<std::unique_ptr<RedisBudget>> budgets;
  for (int i = 0; i < 3; ++i) {
    connections.push_back(connect(io, server));
    budgets.push_back(std::make_unique<RedisBudget>(io.get_executor(), connections.back(), options));
  }
  int admitted = 0;
  const auto before = now_us(io, *connections[0]);
  for (auto& budget : budgets) {
    for (int i = 0; i < per_daemon; ++i)
      asio::co_spawn(io, acquire_into(budget.get(), &admitted), asio::detached);
  }
  SharedBudgetRun run;
  run.all_admitted = run_until(io, [&] { return admitted == 3 * per_daemon; });
  if (!run.all_admitted) return run;
  run.elapsed_us = now_us(io, *connections[0]) - before;
  for (auto& budget : budgets) {
    EXPECT_EQ(budget->waiting(), 0u);
    EXPECT_EQ(budget->failures(), 0u);
    run.script_calls += budget->script_calls();
  }
  return run;
}

}  // namespace insightd::test::budget
