// SPDX-License-Identifier: Apache-2.0
// Token-bucket acquire (issue 7): the pure TokenBucket arithmetic, and the
// async RateLimiter::acquire on a local io_context with a rate high enough
// that the limiter, not the budget, is what is measured.
#include <benchmark/benchmark.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <climits>

#include "insightd/genesys/rate_limiter.hpp"

namespace {
namespace asio = boost::asio;
using insightd::genesys::RateLimiter;
using insightd::genesys::TokenBucket;

// Time advances 1 µs per take against a 2M tokens/s refill: every take succeeds
// and every call does the refill arithmetic.
void BM_TokenBucketTryTake(benchmark::State& state) {
  auto now = TokenBucket::clock::now();
  auto bucket = TokenBucket::per_minute(120'000'000, 100, now);
  std::size_t taken = 0;
  for (auto _ : state) {
    now += std::chrono::microseconds(1);
    taken += bucket.try_take(now) ? 1 : 0;
  }
  benchmark::DoNotOptimize(taken);
  if (taken != static_cast<std::size_t>(state.iterations())) state.SkipWithError("a take failed");
}
BENCHMARK(BM_TokenBucketTryTake);

// The refused path a waiting limiter computes: available() + next_available().
void BM_TokenBucketNextAvailable(benchmark::State& state) {
  const auto start = TokenBucket::clock::now();
  auto bucket = TokenBucket::per_minute(300, 1, start);
  bucket.try_take(start);
  for (auto _ : state) {
    auto next = bucket.next_available(start);
    benchmark::DoNotOptimize(next);
  }
}
BENCHMARK(BM_TokenBucketNextAvailable);

// Each worker acquires until the benchmark has done its iterations; `remaining` is shared.
asio::awaitable<void> acquire_loop(RateLimiter* limiter, benchmark::IterationCount* remaining) {
  while (*remaining > 0) {
    --*remaining;
    const auto waited = co_await limiter->acquire();
    benchmark::DoNotOptimize(waited);
  }
}

// Args: workers, burst, requests per minute. {1, 1M, INT_MAX}: a bucket that never
// runs dry, the fast path. {8, 1, 60M}: 1M tokens/s, slower than the callers, so
// acquires queue behind the pump (the waiter path); the CPU time per acquire is
// the limiter's overhead, the wall time the budget.
void BM_RateLimiterAcquire(benchmark::State& state) {
  const auto workers = static_cast<int>(state.range(0));
  const auto burst = static_cast<int>(state.range(1));
  const auto rpm = static_cast<int>(state.range(2));
  for (auto _ : state) {
    state.PauseTiming();
    asio::io_context io(1);
    RateLimiter limiter(io.get_executor(), rpm, burst);
    benchmark::IterationCount remaining = 10'000;
    for (int w = 0; w < workers; ++w) asio::co_spawn(io, acquire_loop(&limiter, &remaining), asio::detached);
    state.ResumeTiming();
    io.run();
  }
  state.SetItemsProcessed(state.iterations() * 10'000);
}
BENCHMARK(BM_RateLimiterAcquire)
    ->Args({1, 1'000'000, INT_MAX})
    ->Args({8, 1, 60'000'000})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
