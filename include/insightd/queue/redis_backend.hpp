// SPDX-License-Identifier: Apache-2.0
#pragma once
// The queue and outbox in Redis, shared by every daemon of a deployment
// (queue.backend: redis). Each state transition is one Lua script run on the
// server (EVALSHA), so two daemons never interleave a read and a write; the
// key layout and the scripts are described in docs/redis.md.
//
// Time: with an injected Clock (tests) every script gets its `now`; without
// one the scripts read the Redis server's TIME, so daemons on hosts with
// skewed clocks agree on due times and lease expiry.
//
// Each RedisBackend object is one lease owner ("host:pid:random"): renew and
// return_all_leases touch only its own leases, and it announces itself with
// an expiring key that renew_leases() refreshes (live_daemons()).
#include <boost/asio/any_io_executor.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "insightd/queue/backend.hpp"

namespace insightd::queue {

class RedisBackend final : public Backend {
 public:
  using WorkQueue::enqueue;

  // Connects (redis::connection_options(cfg)), loads the scripts and, opened
  // by a daemon, announces this object; throws std::runtime_error naming Redis
  // and what failed. Connect::in_background returns at once: the connection
  // (and the scripts' loading) is retried with backoff, calls throw until it
  // is up, and a daemon's object announces itself before its first lease.
  static awaitable<std::shared_ptr<RedisBackend>> open(boost::asio::any_io_executor io,
                                                       const QueueConfig& cfg, Clock clock = {},
                                                       OpenedBy opened_by = OpenedBy::daemon,
                                                       Connect connect = Connect::before_returning);
  ~RedisBackend() override;
  RedisBackend(const RedisBackend&) = delete;
  RedisBackend& operator=(const RedisBackend&) = delete;

  const std::string& owner() const noexcept;
  // The daemons whose announcement has not expired, oldest first.
  awaitable<std::vector<DaemonInfo>> live_daemons() override;
  awaitable<LeasesHeld> leases_held() override;
  awaitable<bool> import_interaction(ExportedInteraction interaction) override;

  std::string describe() const override;
  CommitStats commit_stats() const override;

  awaitable<EnqueueResult> enqueue(std::vector<std::string> ids, EnqueueOptions options) override;
  awaitable<std::vector<Lease>> lease(std::size_t max) override;
  awaitable<bool> complete(Lease lease, std::vector<OutboxMessage> messages,
                           std::string audit_context) override;
  awaitable<std::optional<Delivery>> complete_attempted(Lease lease, std::vector<OutboxMessage> messages,
                                                        std::string audit_context) override;
  awaitable<bool> fail(Lease lease, std::string reason) override;
  awaitable<bool> dead_letter(Lease lease, std::string kind, std::string reason) override;
  awaitable<bool> release(Lease lease, std::chrono::milliseconds not_before_delay,
                          std::string reason) override;
  awaitable<std::size_t> renew_leases() override;
  awaitable<std::size_t> return_all_leases() override;
  awaitable<Counts> counts() override;
  awaitable<std::int64_t> count_parked(std::chrono::milliseconds horizon) override;
  awaitable<std::vector<DeadLetter>> dead_letters() override;
  awaitable<std::vector<Failure>> recent_failures(std::size_t limit) override;
  awaitable<std::vector<MinuteCounts>> settled_per_minute(int minutes) override;
  awaitable<std::size_t> replay(std::vector<std::string> ids, bool all) override;
  awaitable<std::optional<InteractionInfo>> interaction(std::string id) override;

  awaitable<std::vector<Delivery>> lease_deliveries(std::size_t max) override;
  awaitable<std::optional<Finished>> delivered(Delivery delivery, int http_status) override;
  awaitable<void> retry_delivery(Delivery delivery, std::chrono::system_clock::time_point next_attempt,
                                 int http_status, std::string error) override;
  awaitable<std::optional<Finished>> dead_letter_delivery(Delivery delivery, int http_status,
                                                          std::string error) override;
  awaitable<void> hold_deliveries(std::string reason) override;
  awaitable<void> release_held() override;
  awaitable<std::optional<std::string>> held_reason() override;
  awaitable<std::int64_t> outbox_depth() override;
  awaitable<std::optional<std::string>> setting(std::string key) override;
  awaitable<void> set_setting(std::string key, std::string value) override;

  struct Impl;

 private:
  explicit RedisBackend(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace insightd::queue
