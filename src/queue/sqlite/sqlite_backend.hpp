// SPDX-License-Identifier: Apache-2.0
#pragma once
// The queue on SQLite: one file, one daemon (WAL lets the commands read and
// write next to it). The semantics are those of insightd/queue/backend.hpp;
// open_backend() creates it for `queue.backend: sqlite`.
//
// Every call runs on the backend's own single database thread and is awaited
// from the caller's executor, so the I/O thread never blocks on disk. Calls
// that arrive while the database thread is busy share one transaction (group
// commit) and at most one fsync.
//
// Durability: every call's effect survives kill -9 once it returns. enqueue,
// replay, settings (held deliveries) and return_all_leases are also on disk
// when they return, across a power cut. The cycle's own steps (lease, complete,
// delivery outcomes) reach the disk with the next of those or the next
// checkpoint: a power cut can undo the last of them, and the interaction is
// then done again, sending the same webhook ids (they derive from the cycle
// key, which is written with the enqueue).
#include <boost/asio/any_io_executor.hpp>
#include <memory>
#include <string>

#include "insightd/queue/backend.hpp"

namespace insightd::queue {

class SqliteBackend final : public Backend {
 public:
  using WorkQueue::enqueue;

  // Opens/creates and migrates the database (creating its parent directory);
  // throws std::runtime_error naming the path on failure. Blocks: call at
  // start-up. The clock is called on the database thread.
  static std::shared_ptr<SqliteBackend> open(boost::asio::any_io_executor io, const QueueConfig& cfg,
                                             Clock clock = {});
  ~SqliteBackend() override;
  SqliteBackend(const SqliteBackend&) = delete;
  SqliteBackend& operator=(const SqliteBackend&) = delete;

  const std::string& path() const noexcept;

  // Transactions include the read-only ones; synced counts the fsyncs.
  CommitStats commit_stats() const override;
  std::string describe() const override;                       // "sqlite <path>"
  awaitable<std::vector<DaemonInfo>> live_daemons() override;  // none: SQLite does not know its daemon
  awaitable<LeasesHeld> leases_held() override;
  awaitable<ExportPage> export_interactions(ExportCursor after, std::size_t max) override;

  // WorkQueue
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

  // Outbox
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
  explicit SqliteBackend(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace insightd::queue
