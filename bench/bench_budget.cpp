// SPDX-License-Identifier: Apache-2.0
// The shared request budget (queue.backend: redis) against a real
// redis-server on loopback: admissions per second through the GCRA script,
// with a budget so large that every call admits, so the script and the round
// trip are what is measured, not the budget. Compare with real budgets:
// 300 requests per minute is 5 per second.
#include <benchmark/benchmark.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <climits>
#include <memory>

#include "insightd/redis/budget.hpp"
#include "support/redis_server.hpp"

namespace {
namespace asio = boost::asio;
using insightd::redis::BudgetOptions;
using insightd::redis::Connection;
using insightd::redis::RedisBudget;

// One redis-server for the whole run.
insightd::test::RedisServer& server() {
  static insightd::test::RedisServer instance;
  return instance;
}

BudgetOptions never_dry() {
  BudgetOptions options;
  options.key_prefix = "bench";
  options.requests_per_minute = INT_MAX;  // T = 1 µs
  options.burst = 1'000'000;              // a second of tolerance: every call admits
  return options;
}

std::shared_ptr<Connection> connect(asio::io_context& io) {
  insightd::redis::ConnectionOptions options;
  options.url = server().url();
  return std::make_shared<Connection>(io.get_executor(), options);
}

// Each caller takes until the benchmark has done its iterations; `remaining` is shared.
asio::awaitable<void> take_loop(Connection* connection, BudgetOptions options,
                                benchmark::IterationCount* remaining, std::int64_t* refused, int* active) {
  while (*remaining > 0) {
    --*remaining;
    auto wait = co_await insightd::redis::budget_take(*connection, options);
    if (!wait || wait->count() > 0) ++*refused;
  }
  --*active;
}

// Arg: callers sharing one connection. 1: one script call per round trip, as
// one daemon's pump makes them. 16: pipelined, as many daemons would: the
// server's throughput for the script.
void BM_BudgetScriptTake(benchmark::State& state) {
  asio::io_context io(1);
  auto connection = connect(io);
  insightd::redis::register_budget_script(*connection);
  std::int64_t refused = 0;
  for (auto _ : state) {
    benchmark::IterationCount remaining = 1000;
    int active = static_cast<int>(state.range(0));
    for (int i = 0; i < state.range(0); ++i) {
      asio::co_spawn(io, take_loop(connection.get(), never_dry(), &remaining, &refused, &active),
                     asio::detached);
    }
    io.restart();
    while (active > 0) io.run_one();  // the connection's own loop keeps the io_context busy
  }
  state.SetItemsProcessed(state.iterations() * 1000);
  state.counters["refused"] = static_cast<double>(refused);
  if (refused > 0) state.SkipWithError("the script refused a request: the budget was not large enough");
}
BENCHMARK(BM_BudgetScriptTake)->Arg(1)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

asio::awaitable<void> acquire_loop(RedisBudget* budget, benchmark::IterationCount* remaining, int* active) {
  while (*remaining > 0) {
    --*remaining;
    const auto waited = co_await budget->acquire();
    benchmark::DoNotOptimize(waited);
  }
  --*active;
}

// Through RedisBudget::acquire with 8 callers queued: the FIFO and the pump
// on top of the script (one call in flight at a time per daemon).
void BM_RedisBudgetAcquire(benchmark::State& state) {
  asio::io_context io(1);
  RedisBudget budget(io.get_executor(), connect(io), never_dry());
  for (auto _ : state) {
    benchmark::IterationCount remaining = 1000;
    int active = 8;
    for (int i = 0; i < 8; ++i)
      asio::co_spawn(io, acquire_loop(&budget, &remaining, &active), asio::detached);
    io.restart();
    while (active > 0) io.run_one();
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_RedisBudgetAcquire)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
