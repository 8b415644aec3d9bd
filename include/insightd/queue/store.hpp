#pragma once
// The durable work queue and delivery outbox (SQLite, one file).
//
// Interactions move pending -> in_flight (leased) -> delivering (fetched; the
// outbox owns it) -> done, or to failed / dead. Every call runs on the store's
// own single database thread and is awaited from the caller's executor, so
// the I/O thread never blocks on disk. Database errors (disk full, corrupt
// file) are infrastructure failures and are thrown as std::runtime_error.
//
// Durability: every call's effect survives kill -9 once it returns. enqueue,
// replay, settings (held deliveries) and return_all_leases are also on disk
// when they return, across a power cut. The cycle's own steps (lease, complete,
// delivery outcomes) reach the disk with the next of those or the next
// checkpoint: a power cut can undo the last of them, and the interaction is
// then done again, sending the same webhook ids (they derive from the cycle
// key, which is written with the enqueue).
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/json/fwd.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/config/config.hpp"
#include "insightd/queue/backend.hpp"

namespace insightd::queue {

class Store final : public Backend {
 public:
  // Clock: called on the database thread.
  using WorkQueue::enqueue;

  // Opens/creates and migrates the database (creating its parent directory);
  // throws std::runtime_error naming the path on failure. Blocks: call at start-up.
  static std::shared_ptr<Store> open(boost::asio::any_io_executor io, const QueueConfig& cfg,
                                     Clock clock = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const noexcept;

  // Calls that arrive while the database thread is busy share one transaction
  // (and at most one fsync).
  CommitStats commit_stats() const override;
  std::string describe() const override;

  // Pending, in_flight and delivering IDs are duplicates; done/failed/dead IDs
  // are re-queued (their previous outbox rows are dropped) unless
  // options.requeue_finished is false. One transaction.
  awaitable<EnqueueResult> enqueue(std::vector<std::string> ids, EnqueueOptions options) override;
  // Returns expired leases to pending first, then leases up to max pending IDs
  // whose not_before has passed, oldest first, for lease_timeout.
  awaitable<std::vector<Lease>> lease(std::size_t max) override;
  // One transaction: in_flight -> delivering plus the outbox rows (-> done at
  // once when there are none); audit_context is returned with Finished later.
  // false if the lease token no longer matches (expired and returned/re-leased).
  awaitable<bool> complete(Lease lease, std::vector<OutboxMessage> messages, std::string audit_context) override;
  // complete() for a caller that has already made the first delivery attempt of
  // messages.front() (the daemon tries new messages at once, before they are
  // written): that row is returned leased, as lease_deliveries() would, for the
  // attempt to be recorded (delivered / retry_delivery / dead_letter_delivery).
  // nullopt if the lease token no longer matches. messages must not be empty.
  awaitable<std::optional<Delivery>> complete_attempted(Lease lease, std::vector<OutboxMessage> messages,
                                                        std::string audit_context) override;
  awaitable<bool> fail(Lease lease, std::string reason) override;  // -> failed (permanent)
  // -> dead, no outbox (e.g. PII block). reason is shown by `dead-letters list`
  // and kept on disk: name what was found, never the matched text.
  awaitable<bool> dead_letter(Lease lease, std::string kind, std::string reason) override;
  // -> pending, due after not_before_delay; starts the cycle's retry clock
  // (Lease::retrying_since_ms) if it was not running.
  awaitable<bool> release(Lease lease, std::chrono::milliseconds not_before_delay, std::string reason) override;
  // Heartbeat: every fetch and delivery lease this Store holds gets a full
  // lease_timeout again, so a cycle longer than the lease is never leased a
  // second time while it runs; a daemon that dies stops renewing and its
  // leases come back after lease_timeout. Returns the fetch leases renewed.
  awaitable<std::size_t> renew_leases() override;

  // Due outbox rows (next_attempt_at <= now) unless deliveries are held, leased
  // for lease_timeout; a delivery lease that expires makes its row due again.
  awaitable<std::vector<Delivery>> lease_deliveries(std::size_t max) override;
  // Row done (accepted even if the lease expired: the CRM has it). Returns
  // Finished when this was the interaction's last undelivered part.
  awaitable<std::optional<Finished>> delivered(Delivery delivery, int http_status) override;
  // attempts+1, due again at next_attempt. Ignored if the lease token is stale.
  awaitable<void> retry_delivery(Delivery delivery, std::chrono::system_clock::time_point next_attempt,
                                 int http_status, std::string error) override;
  // Row dead, interaction dead (kind "delivery"); Finished when the
  // interaction changed state by this call. Ignored if the lease token is stale.
  awaitable<std::optional<Finished>> dead_letter_delivery(Delivery delivery, int http_status,
                                                          std::string error) override;
  // Endpoint disabled (410): nothing is leased until release_held(); persisted.
  awaitable<void> hold_deliveries(std::string reason) override;
  awaitable<void> release_held() override;
  awaitable<std::optional<std::string>> held_reason() override;

  awaitable<std::optional<std::string>> setting(std::string key) override;
  awaitable<void> set_setting(std::string key, std::string value) override;

  awaitable<Counts> counts() override;
  awaitable<std::int64_t> outbox_depth() override;
  // Pending IDs not due within horizon (released with a long not_before, e.g. a
  // long-window 429): what `run --drain` may leave behind.
  awaitable<std::int64_t> count_parked(
      std::chrono::milliseconds horizon) override;             // undelivered outbox rows (due + leased + held)
  awaitable<std::vector<DeadLetter>> dead_letters() override;  // oldest first
  // The console's views. The newest `limit` failed or dead interactions, newest first.
  awaitable<std::vector<Failure>> recent_failures(std::size_t limit) override;
  // Per clock minute, oldest first, the last being the current (partial) one:
  // interactions last updated in that minute that are now done / failed or dead.
  awaitable<std::vector<MinuteCounts>> settled_per_minute(int minutes) override;
  // Dead interactions (the given ones, or all): with dead outbox rows -> rows
  // re-armed (attempts reset, same webhook_id), interaction -> delivering;
  // without -> pending (refetch). Returns how many were re-queued.
  awaitable<std::size_t> replay(std::vector<std::string> ids, bool all) override;
  awaitable<std::optional<InteractionInfo>> interaction(std::string id) override;
  // Shutdown: every fetch lease taken by this Store -> pending; its delivery
  // leases become due at once. Returns the number of interactions returned.
  awaitable<std::size_t> return_all_leases() override;

  struct Impl;

 private:
  explicit Store(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace insightd::queue
