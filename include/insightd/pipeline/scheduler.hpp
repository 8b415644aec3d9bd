// SPDX-License-Identifier: Apache-2.0
#pragma once
// The lease loop: takes due interactions from the work queue and runs their
// cycles (InteractionProcessor) within two bounds. A cycle is fetching (at
// most genesys.concurrency at once), then settling (governance, the first CRM
// attempt, the commit) with its fetch slot already handed on, so the upstream
// connections never wait on the CRM or on fsyncs. Leasing stops while the
// outbox is at crm.queue_capacity (back-pressure), while no access token can
// be had, and, with backoff, while the queue backend cannot be reached; cycles
// already running finish meanwhile.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "insightd/common/async_event.hpp"
#include "insightd/common/backoff.hpp"
#include "insightd/common/task_group.hpp"
#include "insightd/config/config.hpp"
#include "insightd/pipeline/interaction_processor.hpp"
#include "insightd/pipeline/stages.hpp"
#include "insightd/queue/backend.hpp"

namespace insightd::pipeline {

// The services one configuration built; a reload replaces them as a whole,
// between cycles (Scheduler::hold, Scheduler::use).
struct Generation {
  std::shared_ptr<const Config> config;
  InteractionProcessor* processor = nullptr;
  AccessTokens* tokens = nullptr;  // null: leasing needs no token
};

struct SchedulerOptions {
  bool drain = false;  // run() returns once everything is settled
  // How often an idle loop looks for work that came due (released with a
  // delay, expired leases, work queued by another process).
  std::chrono::milliseconds poll_interval{500};
  BackoffPolicy backend_backoff{std::chrono::milliseconds(100), std::chrono::seconds(5)};
  // Tries to give back the lease of a cycle whose outcome could not be stored.
  BackoffPolicy give_back_backoff{std::chrono::seconds(1), std::chrono::seconds(30)};
  // --drain leaves pending work not due within this (parked until a long rate window ends).
  std::chrono::milliseconds drain_parked_horizon = std::chrono::minutes(2);
  SteadyClock clock = [] { return std::chrono::steady_clock::now(); };
  // Awaited at the top of every round of the loop (the daemon's reload and
  // gauges); what it throws counts as the backend being unreachable.
  std::function<boost::asio::awaitable<void>()> between_rounds;
};

class Scheduler {
 public:
  enum class Ended {
    stopped,       // stop() was called
    drained,       // --drain: nothing left to do
    drained_held,  // --drain: what is left waits on deliveries held after a 410
  };

  // `queue` and `outbox` (usually one backend) must outlive the Scheduler and
  // every cycle it started.
  Scheduler(boost::asio::any_io_executor executor, queue::WorkQueue& queue, queue::Outbox& outbox,
            Generation generation, SchedulerOptions options);
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Leases and starts cycles until stop() (or, with drain, until settled).
  boost::asio::awaitable<Ended> run();
  // Stops leasing and starting cycles; run() returns. Running cycles go on.
  void stop();
  // Something changed (work queued, a delivery finished, a reload asked for): look again.
  void wake();

  // While held no cycle starts (leases taken ahead wait); for a reload.
  void hold(bool held);
  // The services for the cycles started from now on; call while held and idle.
  void use(Generation generation);
  // Waits until no cycle is running, at most `limit`; true when none is left.
  boost::asio::awaitable<bool> wait_for_cycles(std::chrono::steady_clock::duration limit);
  // After run(): waits up to `grace` for running cycles, cancels those still
  // running after it (and any lease give-back still retrying), ends
  // renew_leases() and gives every lease still held back to pending. Returns
  // the leases given back.
  boost::asio::awaitable<std::size_t> shutdown(std::chrono::steady_clock::duration grace);
  // Renews the leases this process holds every third of queue.lease_timeout,
  // until shutdown(): a cycle longer than the lease keeps it.
  boost::asio::awaitable<void> renew_leases();

  // Why leasing is paused (queue backend unreachable, no access token), for /readyz.
  std::optional<std::string> not_ready_reason() const;
  int active_cycles() const noexcept { return active_cycles_; }
  int fetching() const noexcept { return fetching_; }

  // Settling cycles are bounded by this many per fetch slot, which bounds the
  // results held in memory. Too tight a bound makes fetches wait for settling:
  // 1x made every fetch at concurrency 1 wait for the previous commit (0.65 ->
  // 0.83 of the upstream limit with 2x), and once settling included the CRM
  // attempt, 2x held concurrency 8 back (bench/RESULTS.md).
  static constexpr int kSettlingBoundPerSlot = 4;

 private:
  void start_ready();
  void start_cycle(queue::Lease lease);
  void cycle_ended(const std::string& id);
  void give_back(queue::Lease lease);
  void backend_reachable(int& failures);
  boost::asio::awaitable<bool> drained(Ended& how);
  boost::asio::awaitable<bool> token_available();

  boost::asio::any_io_executor executor_;
  queue::WorkQueue& queue_;
  queue::Outbox& outbox_;
  Generation generation_;
  SchedulerOptions options_;

  AsyncEvent wake_;  // a cycle ended, work arrived, stop()
  AsyncEvent renewal_stopped_;
  bool renewing_ = true;
  int active_cycles_ = 0;  // fetching + settling
  int fetching_ = 0;
  std::deque<queue::Lease> ready_;  // leased ahead, so a freed slot starts its next fetch at once
  // Interactions with a cycle running here, and a newer lease of one of them
  // (its old lease expired while it ran): started when the running one ends,
  // so one process never runs two cycles of one interaction.
  std::unordered_set<std::string> running_;
  std::unordered_map<std::string, queue::Lease> deferred_;
  // Leasing waits for an access token: while the token endpoint fails, work
  // stays queued instead of each interaction spending a cycle on it.
  int token_failures_ = 0;
  std::optional<std::string> leasing_paused_;   // why, for /readyz
  std::optional<std::string> backend_problem_;  // the queue backend cannot be reached
  std::chrono::steady_clock::time_point next_token_try_{};
  std::mt19937_64 rng_{std::random_device{}()};
  bool held_ = false;
  bool stopping_ = false;
  // Owns every cycle and lease give-back this scheduler started: shutdown
  // cancels what outlives the grace, and nothing calls back into a scheduler
  // that is gone. Last, so it is destroyed first.
  TaskGroup tasks_;
};

}  // namespace insightd::pipeline
