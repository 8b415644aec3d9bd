// SPDX-License-Identifier: Apache-2.0
#pragma once
// The durable work queue and delivery outbox, as interfaces. Two backends
// implement them: SQLite (one daemon, one file) and Redis (several daemons on
// any hosts). open_backend() is the one place that knows which exist; the
// rest of insightd sees only these interfaces. docs/architecture.md has the
// picture, docs/redis.md the Redis key layout.
//
// Interactions move pending -> in_flight (leased) -> delivering (fetched; the
// outbox owns it) -> done, or to failed / dead. Every call is awaited from the
// caller's executor and never blocks it. Infrastructure failures (disk full,
// Redis unreachable) are thrown as std::runtime_error naming what failed; the
// call then had no effect, or had all of it.
//
// A lease belongs to the backend object that took it (its owner token); a
// lease not renewed within QueueConfig::lease_timeout comes back and any
// backend object, in this process or another, may take it.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "insightd/config/config.hpp"
#include "insightd/queue/types.hpp"

namespace insightd::queue {

// The work queue: what the fetch pipeline, the intake and the commands use.
class WorkQueue {
 public:
  virtual ~WorkQueue() = default;

  // Pending, in_flight and delivering IDs are duplicates; done/failed/dead IDs
  // are re-queued (their previous outbox rows are dropped) unless
  // options.requeue_finished is false. All or nothing.
  virtual awaitable<EnqueueResult> enqueue(std::vector<std::string> ids, EnqueueOptions options) = 0;
  awaitable<EnqueueResult> enqueue(std::vector<std::string> ids) { return enqueue(std::move(ids), {}); }
  // Returns expired leases to pending first, then leases up to max pending IDs
  // whose not_before has passed, oldest first, for lease_timeout.
  virtual awaitable<std::vector<Lease>> lease(std::size_t max) = 0;
  // At once: in_flight -> delivering plus the outbox rows (-> done when there
  // are none); audit_context comes back with Finished later. false if the
  // lease token no longer matches (expired and returned/re-leased).
  virtual awaitable<bool> complete(Lease lease, std::vector<OutboxMessage> messages,
                                   std::string audit_context) = 0;
  // complete() for a caller that has already made the first delivery attempt of
  // messages.front() (the daemon tries new messages at once, before they are
  // written): that row is returned leased, as Outbox::lease_deliveries() would,
  // for the attempt to be recorded. nullopt if the lease token no longer
  // matches. messages must not be empty.
  virtual awaitable<std::optional<Delivery>> complete_attempted(Lease lease,
                                                                std::vector<OutboxMessage> messages,
                                                                std::string audit_context) = 0;
  virtual awaitable<bool> fail(Lease lease, std::string reason) = 0;  // -> failed (permanent)
  // -> dead, no outbox (e.g. PII block). reason is shown by `dead-letters list`
  // and kept: name what was found, never the matched text.
  virtual awaitable<bool> dead_letter(Lease lease, std::string kind, std::string reason) = 0;
  // -> pending, due after not_before_delay; starts the cycle's retry clock
  // (Lease::retrying_since_ms) if it was not running.
  virtual awaitable<bool> release(Lease lease, std::chrono::milliseconds not_before_delay,
                                  std::string reason) = 0;
  // Heartbeat: every fetch and delivery lease this object holds gets a full
  // lease_timeout again, so a cycle longer than the lease is never leased a
  // second time while it runs. Returns the fetch leases renewed.
  virtual awaitable<std::size_t> renew_leases() = 0;
  // Shutdown: every fetch lease this object holds -> pending; its delivery
  // leases become due at once. Returns the number of interactions returned.
  virtual awaitable<std::size_t> return_all_leases() = 0;

  virtual awaitable<Counts> counts() = 0;
  // Pending IDs not due within horizon (released with a long not_before, e.g. a
  // long-window 429): what `run --drain` may leave behind.
  virtual awaitable<std::int64_t> count_parked(std::chrono::milliseconds horizon) = 0;
  virtual awaitable<std::vector<DeadLetter>> dead_letters() = 0;  // oldest first
  // The newest `limit` failed or dead interactions, newest first.
  virtual awaitable<std::vector<Failure>> recent_failures(std::size_t limit) = 0;
  // Per clock minute, oldest first, the last being the current (partial) one:
  // interactions last updated in that minute that are now done / failed or dead.
  virtual awaitable<std::vector<MinuteCounts>> settled_per_minute(int minutes) = 0;
  // Dead interactions (the given ones, or all): with dead outbox rows -> rows
  // re-armed (attempts reset, same webhook_id), interaction -> delivering;
  // without -> pending (refetch). Returns how many were re-queued.
  virtual awaitable<std::size_t> replay(std::vector<std::string> ids, bool all) = 0;
  virtual awaitable<std::optional<InteractionInfo>> interaction(std::string id) = 0;
};

// The delivery outbox: what the delivery workers use.
class Outbox {
 public:
  virtual ~Outbox() = default;

  // Due rows (next attempt <= now) unless deliveries are held, leased for
  // lease_timeout; a delivery lease that expires makes its row due again.
  virtual awaitable<std::vector<Delivery>> lease_deliveries(std::size_t max) = 0;
  // Row done (accepted even if the lease expired: the CRM has it). Returns
  // Finished when this was the interaction's last undelivered part.
  virtual awaitable<std::optional<Finished>> delivered(Delivery delivery, int http_status) = 0;
  // attempts+1, due again at next_attempt. Ignored if the lease token is stale.
  virtual awaitable<void> retry_delivery(Delivery delivery,
                                         std::chrono::system_clock::time_point next_attempt, int http_status,
                                         std::string error) = 0;
  // Row dead, interaction dead (kind "delivery"); Finished when the
  // interaction changed state by this call. Ignored if the lease token is stale.
  virtual awaitable<std::optional<Finished>> dead_letter_delivery(Delivery delivery, int http_status,
                                                                  std::string error) = 0;
  // Endpoint disabled (410): nothing is leased until release_held(); kept
  // across restarts and seen by every daemon of the deployment.
  virtual awaitable<void> hold_deliveries(std::string reason) = 0;
  virtual awaitable<void> release_held() = 0;
  virtual awaitable<std::optional<std::string>> held_reason() = 0;
  virtual awaitable<std::int64_t> outbox_depth() = 0;  // undelivered rows (due + leased + held)

  // Small durable values shared by the deployment (the disabled endpoint, the
  // intake's watermark and status).
  virtual awaitable<std::optional<std::string>> setting(std::string key) = 0;
  virtual awaitable<void> set_setting(std::string key, std::string value) = 0;
};

// Transactions and operations committed; their ratio is the batching
// (SQLite's group commit; a backend without batching reports them equal).
struct CommitStats {
  std::uint64_t transactions = 0, operations = 0;
  std::uint64_t synced = 0;  // transactions committed with an fsync (holding a durable call)
};

class Backend : public WorkQueue, public Outbox {
 public:
  // Reads the wall clock; tests pass a manual one. A backend that keeps time
  // on a server (Redis) uses the server's clock unless one is given.
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // "sqlite /var/lib/insightd/insightd.db", "redis redis://host:6379/0 {insightd}":
  // for logs and `insightd status`; never a secret.
  virtual std::string describe() const = 0;
  virtual CommitStats commit_stats() const = 0;

  // The daemons using this backend now, oldest first, and what each holds
  // (Redis: their announcements; SQLite does not know its daemon: none).
  virtual awaitable<std::vector<DaemonInfo>> live_daemons() = 0;
  // Fetch and delivery leases that have not expired, whoever holds them.
  virtual awaitable<LeasesHeld> leases_held() = 0;

  // `insightd migrate` (docs/redis.md). Every interaction after `after` in
  // queue order, up to max, with its outbox rows; an in-flight one (its lease
  // expired) as pending. Throws std::runtime_error for a backend that cannot
  // be migrated from.
  virtual awaitable<ExportPage> export_interactions(ExportCursor after, std::size_t max);
  // Adds one exported interaction as it was, at the back of the queue when
  // pending; false (nothing written) when this backend already knows its ID.
  // Throws std::runtime_error for a backend that cannot be migrated to, or
  // when one of its webhook ids is already in the outbox.
  virtual awaitable<bool> import_interaction(ExportedInteraction interaction);
};

// Who opens a backend: a daemon announces itself to the deployment (Redis:
// live_daemons()); a command (status, enqueue, migrate...) only looks.
enum class OpenedBy { daemon, command };

// When open_backend() reaches a backend that lives on a server (Redis).
// before_returning: it throws when the server does not answer (one-shot
// commands: a clear error at once). in_background: it returns at once and
// each call throws, naming the server, until the connection (retried with
// backoff) is up (the daemon: it stays up and says why on /readyz).
// An embedded backend (SQLite) is opened before returning either way.
enum class Connect { before_returning, in_background };

// Opens (creating and migrating where needed) the backend QueueConfig names;
// throws std::runtime_error naming the backend and what failed.
awaitable<std::shared_ptr<Backend>> open_backend(boost::asio::any_io_executor io, const QueueConfig& cfg,
                                                 Backend::Clock clock = {},
                                                 OpenedBy opened_by = OpenedBy::daemon,
                                                 Connect connect = Connect::before_returning);

}  // namespace insightd::queue
