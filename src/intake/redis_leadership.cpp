// SPDX-License-Identifier: Apache-2.0
#include "insightd/intake/redis_leadership.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <array>

#include "insightd/common/async_event.hpp"
#include "insightd/redis/connection.hpp"
#include "insightd/redis/leader_lease.hpp"

namespace insightd::intake {
namespace asio = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct RedisLeadership::State {
  redis::Connection connection;
  redis::LeaderLease lease;
  AsyncEvent wake;
  bool leading = false;
  bool stopped = false;

  State(const asio::any_io_executor& executor, const QueueConfig& queue, std::string owner)
      : connection(executor, redis::connection_options(queue)),
        lease(connection, "{" + queue.redis_key_prefix + "}:intake:leader", std::move(owner),
              queue.lease_timeout),
        wake(executor) {}

  // A third of the lease: three renewals may fail before the key can expire.
  Clock::duration period() const { return std::clamp<Clock::duration>(lease.ttl() / 3, 100ms, 60s); }
};

RedisLeadership::RedisLeadership(asio::any_io_executor executor, const QueueConfig& queue, std::string owner)
    : state_(std::make_shared<State>(executor, queue, std::move(owner))) {}

RedisLeadership::~RedisLeadership() {
  state_->stopped = true;
  state_->connection.close();
}

bool RedisLeadership::leading() const noexcept {
  return state_->leading;
}

asio::awaitable<void> RedisLeadership::acquire() {
  auto state = state_;
  bool told_waiting = false;
  while (!state->stopped) {
    auto taken = co_await state->lease.try_acquire();
    if (taken && *taken) {
      if (!state->leading) spdlog::info("intake: this daemon ({}) now leads", state->lease.owner());
      state->leading = true;
      co_return;
    }
    if (!taken) {
      if (!state->stopped) spdlog::warn("intake: cannot ask Redis who leads: {}", taken.error().message);
    } else if (!told_waiting) {
      auto holder = co_await state->lease.holder();
      spdlog::info("intake: {} leads; this daemon stands by",
                   holder && *holder ? **holder : std::string("another daemon"));
      told_waiting = true;
    }
    co_await state->wake.wait(state->period());  // or until stop(): the loop checks
  }
}

asio::awaitable<void> RedisLeadership::until_lost() {
  auto state = state_;
  auto last_renewed = Clock::now();
  while (!state->stopped && state->leading) {
    const bool woke = co_await state->wake.wait(state->period());
    if (woke || state->stopped) continue;
    auto renewed = co_await state->lease.renew();
    if (renewed && *renewed) {
      last_renewed = Clock::now();
    } else if (renewed) {
      spdlog::warn("intake: the lead passed to another daemon (this one missed its renewals)");
      state->leading = false;
    } else if (state->stopped) {
      break;
    } else if (Clock::now() - last_renewed >= state->lease.ttl() * 2 / 3) {
      spdlog::warn("intake: stepping down, Redis unreachable for most of the lease: {}",
                   renewed.error().message);
      state->leading = false;
    }
  }
}

asio::awaitable<void> RedisLeadership::stop() {
  auto state = state_;
  state->stopped = true;
  state->wake.notify();
  if (state->leading) {
    state->leading = false;
    auto released = co_await state->lease.release();
    if (!released) spdlog::warn("intake: could not release the lead: {}", released.error().message);
  }
  state->connection.close();
}

std::string daemon_identity() {
  std::array<char, 256> host{};
  if (::gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return std::string(host.data()) + ":" + std::to_string(::getpid());
}

}  // namespace insightd::intake
