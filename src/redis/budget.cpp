// SPDX-License-Identifier: Apache-2.0
// RedisBudget: local callers queue first-in first-out; one pump per process
// asks the shared GCRA script for every caller waiting, wakes those admitted
// in order, and sleeps exactly the wait the script returned (or a jittered backoff while Redis is down).
// With a reserve, the same call also tops up a few admissions taken ahead,
// each dropped once older than the plan's hold; a caller arriving when
// nobody waits takes one of those without a round trip.
#include "insightd/redis/budget.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <deque>
#include <random>
#include <system_error>

#include "insightd/common/log_exceptions.hpp"

namespace insightd::redis {
namespace {
namespace asio = boost::asio;
using steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A queued acquire(): its timer never expires by itself; the pump cancels it
// when the caller's turn comes.
struct Waiter {
  explicit Waiter(const asio::any_io_executor& ex) : event(ex, steady::time_point::max()) {}
  asio::steady_timer event;
  bool granted = false;
};

}  // namespace

struct RedisBudget::State {
  State(asio::any_io_executor ex, std::shared_ptr<Connection> conn, BudgetOptions opts)
      : executor(std::move(ex)),
        connection(std::move(conn)),
        options(std::move(opts)),
        plan(reserve_plan(options)),
        pump_timer(executor) {}

  asio::any_io_executor executor;
  std::shared_ptr<Connection> connection;
  BudgetOptions options;
  ReservePlan plan;
  std::deque<std::shared_ptr<Waiter>> waiters;
  // When each reserved admission expires, oldest first (one hold after the
  // call that took it was sent: never later than one hold after its admission).
  std::deque<steady::time_point> reserve;
  asio::steady_timer pump_timer;  // the pump's sleep; cancelled to re-check a new 429 hold
  bool pumping = false;
  bool closed = false;
  steady::time_point held_until{};  // this process's copy of the latest 429 hold
  std::uint64_t script_calls = 0;
  std::uint64_t failures = 0;
  int failures_in_a_row = 0;
  std::mt19937_64 rng{std::random_device{}()};
};

namespace {

using BudgetState = RedisBudget::State;

asio::awaitable<void> sleep_until(std::shared_ptr<BudgetState> state, steady::time_point until) {
  state->pump_timer.expires_at(until);
  co_await state->pump_timer.async_wait(asio::as_tuple(asio::use_awaitable));
}

// Redis did not answer, or the script failed: the first is a warning, repeats
// are debug lines, and the recovery is logged once.
void note_failure(BudgetState& state, const Error& error) {
  ++state.failures;
  if (++state.failures_in_a_row == 1) {
    spdlog::warn("request budget: {}; upstream requests wait until it answers (retrying with backoff)",
                 error.message);
  } else {
    spdlog::debug("request budget: {}", error.message);
  }
}

void note_success(BudgetState& state) {
  if (state.failures_in_a_row > 0) spdlog::info("request budget: Redis answers again; requests resume");
  state.failures_in_a_row = 0;
}

void drop_expired(BudgetState& state) {
  const auto now = steady::now();
  while (!state.reserve.empty() && state.reserve.front() <= now) state.reserve.pop_front();
}

// What tops the reserve up.
std::size_t reserve_wanted(BudgetState& state) {
  drop_expired(state);
  return state.plan.size - std::min(state.plan.size, state.reserve.size());
}

// One admission per local waiter, and what tops the reserve up.
std::size_t wanted(BudgetState& state) {
  return state.waiters.size() + reserve_wanted(state);
}

// Asks while callers wait; the reserve alone is topped up only while the
// bucket grants (never a sleep or a retry for it), so an idle daemon neither
// polls Redis nor keeps taking from the budget.
asio::awaitable<void> pump(std::shared_ptr<BudgetState> state) {
  while (!state->closed && wanted(*state) > 0) {
    const bool held = steady::now() < state->held_until;
    if (held && state->waiters.empty()) break;
    if (held) {
      co_await sleep_until(state, state->held_until);
      continue;
    }
    // Every local waiter asks in one round trip: one call per admission
    // served a daemon's fetches one Redis round trip at a time.
    const auto sent = steady::now();
    ++state->script_calls;
    const auto for_waiters = state->waiters.size();
    const auto for_reserve = reserve_wanted(*state);
    auto taken = co_await budget_take_many(*state->connection, state->options, for_waiters, for_reserve);
    if (state->closed) break;
    if (!taken) {
      note_failure(*state, taken.error());
      if (state->waiters.empty()) break;
      const auto delay = state->options.retry.delay(state->failures_in_a_row, state->rng);
      co_await sleep_until(state, steady::now() + delay);
      continue;
    }
    note_success(*state);
    std::size_t granted = taken->granted;
    for (; granted > 0 && !state->waiters.empty(); --granted) {
      auto waiter = std::move(state->waiters.front());
      state->waiters.pop_front();
      waiter->granted = true;
      waiter->event.cancel();
    }
    // A 429 that came during the call leaves the reserve empty.
    if (steady::now() >= state->held_until) {
      for (; granted > 0; --granted) state->reserve.push_back(sent + state->plan.hold);
    }
    if (state->waiters.empty()) {
      if (taken->granted == 0) break;
      continue;
    }
    if (taken->next_in.count() > 0) co_await sleep_until(state, steady::now() + taken->next_in);
  }
  state->pumping = false;
}

void start_pump(const std::shared_ptr<BudgetState>& state) {
  if (state->pumping) return;
  state->pumping = true;
  asio::co_spawn(state->executor, pump(state), LogExceptions{"request budget: pump"});
}

// Pushes a hold to Redis, retried with backoff until it lands or is over. The
// hold is recomputed from `until` at each attempt, so it ends when it should.
asio::awaitable<bool> push_hold(std::shared_ptr<BudgetState> state, steady::time_point until) {
  asio::steady_timer pause(state->executor);
  for (int attempt = 1; !state->closed; ++attempt) {
    const auto left = std::chrono::ceil<milliseconds>(until - steady::now());
    if (left.count() <= 0) co_return false;
    auto held = co_await budget_hold(*state->connection, state->options, left);
    if (held) co_return true;
    if (state->closed) break;
    note_failure(*state, held.error());
    pause.expires_after(state->options.retry.delay(attempt, state->rng));
    co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
  }
  co_return false;
}

// Holds this process at once (even while Redis is down); returns until when.
steady::time_point hold_here(BudgetState& state, milliseconds retry_after) {
  const auto until = saturating_add(steady::now(), retry_after);
  state.held_until = std::max(state.held_until, until);
  state.reserve.clear();      // taken before the 429: every daemon pauses, this one too
  state.pump_timer.cancel();  // the pump re-checks the hold
  return until;
}

}  // namespace

RedisBudget::RedisBudget(asio::any_io_executor executor, std::shared_ptr<Connection> connection,
                         BudgetOptions options)
    : state_(std::make_shared<BudgetState>(std::move(executor), std::move(connection), std::move(options))) {
  register_budget_script(*state_->connection);
}

RedisBudget::~RedisBudget() {
  cancel();
}

void RedisBudget::cancel() {
  state_->closed = true;
  state_->pump_timer.cancel();
  for (auto& waiter : state_->waiters) waiter->event.cancel();
}

asio::awaitable<milliseconds> RedisBudget::acquire() {
  auto state = state_;
  const auto start = steady::now();
  if (state->closed) {
    throw std::system_error(std::make_error_code(std::errc::operation_canceled), "request budget cancelled");
  }
  drop_expired(*state);
  if (state->waiters.empty() && !state->reserve.empty() && start >= state->held_until) {
    state->reserve.pop_front();
    start_pump(state);  // tops the reserve up in the background
    co_return milliseconds(0);
  }
  auto waiter = std::make_shared<Waiter>(state->executor);
  state->waiters.push_back(waiter);
  start_pump(state);
  while (!waiter->granted) {
    co_await waiter->event.async_wait(asio::as_tuple(asio::use_awaitable));
    if (state->closed)
      throw std::system_error(std::make_error_code(std::errc::operation_canceled),
                              "request budget cancelled");
  }
  co_return std::chrono::duration_cast<milliseconds>(steady::now() - start);
}

void RedisBudget::on_rate_limited(std::chrono::seconds retry_after) {
  const auto until = hold_here(*state_, retry_after);
  asio::co_spawn(state_->executor, push_hold(state_, until),
                 [](std::exception_ptr e, bool) { LogExceptions{"request budget: 429 hold"}(e); });
}

asio::awaitable<bool> RedisBudget::hold_shared(milliseconds retry_after) {
  auto state = state_;
  const auto until = hold_here(*state, retry_after);
  const bool pushed = co_await push_hold(state, until);
  co_return pushed;
}

std::size_t RedisBudget::waiting() const noexcept {
  return state_->waiters.size();
}

std::size_t RedisBudget::reserved() const noexcept {
  drop_expired(*state_);
  return state_->reserve.size();
}

std::uint64_t RedisBudget::script_calls() const noexcept {
  return state_->script_calls;
}

std::uint64_t RedisBudget::failures() const noexcept {
  return state_->failures;
}

}  // namespace insightd::redis
