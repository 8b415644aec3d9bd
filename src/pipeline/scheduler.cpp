// SPDX-License-Identifier: Apache-2.0
#include "insightd/pipeline/scheduler.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <utility>

namespace insightd::pipeline {
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// How long shutdown waits for cancelled cycles to unwind. Cancellation ends
// an awaited socket or timer at once; only a cycle stuck in a blocking call
// (an fsync on a failing disk) takes longer, and is then left behind.
constexpr auto kCancelledTasksWait = std::chrono::seconds(5);

// The cycle's outcome could not be stored: hand its lease back, retrying
// while the backend still fails (a full disk), or the interaction would stay
// in flight, renewed by this process, until a restart.
asio::awaitable<void> give_back_until_released(queue::WorkQueue* queue, queue::Lease lease,
                                               BackoffPolicy backoff) {
  asio::steady_timer pause(co_await asio::this_coro::executor);
  for (int failures = 1;; ++failures) {
    std::optional<std::string> error;
    try {
      co_await queue->release(lease, std::chrono::seconds(5), "the cycle's outcome could not be stored");
    } catch (const std::exception& e) {
      error = e.what();
    }
    if (!error) co_return;
    if (failures == 1)
      spdlog::warn("interaction {}: cannot give its lease back yet, retrying: {}", lease.interaction_id,
                   *error);
    pause.expires_after(backoff.ceiling(failures));
    co_await pause.async_wait(asio::use_awaitable);
  }
}

}  // namespace

Scheduler::Scheduler(asio::any_io_executor executor, queue::WorkQueue& queue, queue::Outbox& outbox,
                     Generation generation, SchedulerOptions options)
    : executor_(std::move(executor)),
      queue_(queue),
      outbox_(outbox),
      generation_(std::move(generation)),
      options_(std::move(options)),
      wake_(executor_),
      renewal_stopped_(executor_),
      tasks_(executor_) {}

void Scheduler::stop() {
  stopping_ = true;
  wake_.notify();
}

void Scheduler::wake() {
  wake_.notify();
}

void Scheduler::hold(bool held) {
  held_ = held;
  if (!held_) start_ready();
}

void Scheduler::use(Generation generation) {
  generation_ = std::move(generation);
}

std::optional<std::string> Scheduler::not_ready_reason() const {
  if (backend_problem_) return backend_problem_;
  return leasing_paused_;
}

asio::awaitable<bool> Scheduler::wait_for_cycles(std::chrono::steady_clock::duration limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  // Every cycle's end notifies wake_: this waits, it does not poll.
  while (active_cycles_ > 0 && std::chrono::steady_clock::now() < deadline) {
    co_await wake_.wait(deadline - std::chrono::steady_clock::now());
  }
  co_return active_cycles_ == 0;
}

// Starts leased-ahead cycles while a fetch slot is free and settling is not backed up.
void Scheduler::start_ready() {
  const int limit = generation_.config->genesys.concurrency;
  while (!stopping_ && !held_ && !ready_.empty() && fetching_ < limit &&
         active_cycles_ - fetching_ < kSettlingBoundPerSlot * limit) {
    auto lease = std::move(ready_.front());
    ready_.pop_front();
    wake_.notify();  // the lease loop tops `ready` up
    if (running_.contains(lease.interaction_id)) {
      spdlog::warn("interaction {}: leased again while its cycle still runs here; it waits for that cycle",
                   lease.interaction_id);
      deferred_.insert_or_assign(lease.interaction_id, std::move(lease));
      continue;
    }
    start_cycle(std::move(lease));
  }
}

void Scheduler::cycle_ended(const std::string& id) {
  running_.erase(id);
  if (auto it = deferred_.find(id); it != deferred_.end()) {
    ready_.push_front(std::move(it->second));
    deferred_.erase(it);
  }
}

void Scheduler::start_cycle(queue::Lease lease) {
  ++active_cycles_;
  ++fetching_;
  running_.insert(lease.interaction_id);
  auto slot_held = std::make_shared<bool>(true);
  auto free_slot = [this, slot_held] {
    if (std::exchange(*slot_held, false)) --fetching_;
  };
  auto fetched = [this, free_slot] {
    free_slot();
    start_ready();
  };
  // The cycle keeps this generation's processor: a reload waits for active_cycles == 0.
  auto name = "interaction " + lease.interaction_id + " cycle";
  auto cycle = generation_.processor->process(lease, std::move(fetched));
  tasks_.spawn(std::move(name), std::move(cycle),
               [this, free_slot, lease = std::move(lease)](std::exception_ptr e) {
                 // The outcome was not stored (the queue backend failed): hand the lease
                 // back, so the interaction is done again instead of renewed forever.
                 // (A cycle cancelled at shutdown ends without an error: its lease is
                 // returned with all the others.)
                 if (e) give_back(lease);
                 free_slot();
                 --active_cycles_;
                 cycle_ended(lease.interaction_id);
                 start_ready();
                 wake_.notify();
               });
}

void Scheduler::give_back(queue::Lease lease) {
  auto name = "giving the lease of interaction " + lease.interaction_id + " back";
  tasks_.spawn(std::move(name),
               give_back_until_released(&queue_, std::move(lease), options_.give_back_backoff));
}

// True when --drain may end: nothing pending that is due, leased, or awaiting delivery.
asio::awaitable<bool> Scheduler::drained(Ended& how) {
  if (active_cycles_ > 0) co_return false;
  auto counts = co_await queue_.counts();
  if (counts.in_flight == 0 && counts.delivering > 0) {
    // Held after a 410: nothing will move until an operator acts, so --drain ends (exit 1).
    auto held = co_await outbox_.held_reason();
    if (held) {
      spdlog::error(
          "--drain: {} interaction(s) wait on held deliveries ({}); fix the CRM endpoint, then run "
          "`insightd resume-deliveries`",
          counts.delivering, *held);
      how = Ended::drained_held;
      co_return true;
    }
  }
  if (counts.in_flight != 0 || counts.delivering != 0 || counts.outbox != 0) co_return false;
  how = Ended::drained;
  if (counts.pending == 0) co_return true;
  // Pending rows not due within the horizon are parked (a long-window 429): settled for now.
  const auto parked = co_await queue_.count_parked(options_.drain_parked_horizon);
  if (parked == counts.pending)
    spdlog::info("drained; {} interaction(s) parked until their rate window", parked);
  co_return parked == counts.pending;
}

// True when a token is at hand (usually cached). Otherwise leasing pauses
// and the token is asked for again with backoff; /readyz says why meanwhile.
asio::awaitable<bool> Scheduler::token_available() {
  if (generation_.tokens == nullptr) co_return true;
  if (options_.clock() < next_token_try_) co_return false;
  auto token = co_await generation_.tokens->token();
  if (token) {
    if (token_failures_ > 0) spdlog::info("access token obtained again; leasing resumes");
    token_failures_ = 0;
    leasing_paused_.reset();
    co_return true;
  }
  ++token_failures_;
  const auto& retry = generation_.config->genesys.retry;
  const auto delay =
      std::max(BackoffPolicy{retry.initial, retry.max}.delay(token_failures_, rng_), retry.initial);
  next_token_try_ = options_.clock() + delay;
  const auto& detail = token.error().message;
  spdlog::warn("no access token: {}; leasing paused, next try in {} ms", detail, delay.count());
  leasing_paused_ = "no access token, leasing paused: " + detail;
  co_return false;
}

asio::awaitable<void> Scheduler::renew_leases() {
  const auto period = std::max<std::chrono::milliseconds>(generation_.config->queue.lease_timeout / 3, 10ms);
  while (renewing_) {
    co_await renewal_stopped_.wait(period);
    if (!renewing_) break;
    try {
      co_await queue_.renew_leases();
    } catch (const std::exception& e) {
      spdlog::error("renewing leases failed (retried in {} ms): {}", period.count(), e.what());
    }
  }
}

asio::awaitable<Scheduler::Ended> Scheduler::run() {
  auto ended = Ended::stopped;
  int backend_failures = 0;
  while (!stopping_) {
    std::optional<std::string> backend_error;
    try {
      if (options_.between_rounds) co_await options_.between_rounds();
      start_ready();
      // Refilled in batches, from half empty: one lease (and one outbox check)
      // per several cycles instead of one per cycle.
      const auto& config = *generation_.config;
      const int wanted = config.genesys.concurrency - static_cast<int>(ready_.size());
      if (wanted > 0 && static_cast<int>(ready_.size()) <= config.genesys.concurrency / 2 && !stopping_) {
        const auto depth = co_await outbox_.outbox_depth();
        bool may_lease = depth < config.crm.queue_capacity;
        if (may_lease) {
          const bool have_token = co_await token_available();
          may_lease = have_token;
        }
        if (may_lease) {
          auto leases = co_await queue_.lease(static_cast<std::size_t>(wanted));
          backend_reachable(backend_failures);
          for (auto& lease : leases) ready_.push_back(std::move(lease));
          start_ready();
          if (!leases.empty()) continue;
        }
      }
      if (options_.drain) {
        const bool done = co_await drained(ended);
        if (done) break;
      }
      backend_reachable(backend_failures);
    } catch (const std::exception& e) {
      backend_error = e.what();
    }
    if (backend_error) {
      // The queue backend cannot be reached (Redis down or failing over):
      // leasing pauses, cycles already running finish, /readyz says why.
      const auto delay = options_.backend_backoff.delay(++backend_failures, rng_);
      backend_problem_ = "queue backend unavailable, leasing paused: " + *backend_error;
      if (backend_failures == 1)
        spdlog::warn("{}; trying again with backoff", *backend_problem_);
      else
        spdlog::debug("{}; next try in {} ms", *backend_problem_, delay.count());
      co_await wake_.wait(delay);
      continue;
    }
    // Work comes due with time (released with a delay, expired leases) and
    // from other processes: nothing here would notify, so look again.
    co_await wake_.wait(options_.poll_interval);
  }
  stopping_ = true;  // no cycle starts after run() (drained)
  wake_.notify();
  co_return ended;
}

asio::awaitable<std::size_t> Scheduler::shutdown(std::chrono::steady_clock::duration grace) {
  const bool idle = co_await wait_for_cycles(grace);
  if (!idle)
    spdlog::warn("{} interaction(s) still in flight after the grace period; cancelling them", active_cycles_);
  // What is left (cycles past the grace, give-backs still retrying) is
  // superseded by returning every lease below: it must not write after that.
  tasks_.cancel();
  const bool ended = co_await tasks_.wait_for(kCancelledTasksWait);
  if (!ended)
    spdlog::warn("shutdown: {} ignored cancellation; leaving it behind", fmt::join(tasks_.running(), ", "));
  renewing_ = false;  // what is given back now must not be renewed
  renewal_stopped_.notify();
  std::size_t returned = 0;
  try {
    returned = co_await queue_.return_all_leases();
  } catch (const std::exception& e) {
    // Redis down at shutdown: a SIGTERM still ends the daemon cleanly.
    spdlog::warn("leases not returned (they come back after queue.lease_timeout): {}", e.what());
  }
  if (returned > 0) spdlog::info("returned {} lease(s) to pending", returned);
  co_return returned;
}

void Scheduler::backend_reachable(int& failures) {
  if (failures == 0) return;
  spdlog::info("queue backend reachable again after {} failed tries; leasing resumes", failures);
  failures = 0;
  backend_problem_.reset();
}

}  // namespace insightd::pipeline
