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

namespace insightd::queue {

template <class T>
using awaitable = boost::asio::awaitable<T>;

enum class State {
  pending,
  in_flight,
  delivering,
  done,
  failed,
  dead
};                                             // delivering: fetched, outbox owns it
std::string_view to_string(State s) noexcept;  // "pending", "in_flight", ...
std::optional<State> parse_state(std::string_view s) noexcept;

struct EnqueueResult {
  std::size_t added = 0, duplicates = 0;
};
// How enqueue treats its IDs. The defaults are `insightd enqueue`'s.
struct EnqueueOptions {
  std::chrono::milliseconds not_before_delay{0};  // first lease no earlier than now + this
  // false: an ID the queue knows in any state is a duplicate (the intake,
  // which may see a delivered conversation again, must not queue it twice).
  bool requeue_finished = true;
};
struct Lease {
  std::string interaction_id;
  std::string lease_token;
  int attempt = 1;  // fetch attempts including this one
  // Names this cycle of the interaction: made when the ID is queued (durably),
  // kept across re-leases (after a crash, a release, an expired lease), new
  // when the ID is queued again. The webhook ids derive from it
  // (delivery/payload.hpp).
  std::string cycle_key;
  // When this cycle first went back to the queue for a transient failure or a
  // summary not ready yet (ms since epoch); 0 when it never did. The
  // give-up deadlines (genesys.retry.give_up_after, retrieval.summary_wait)
  // count from it.
  std::int64_t retrying_since_ms = 0;
};
struct OutboxMessage {
  std::string webhook_id;  // chosen by the caller; kept across retries and replays
  std::string interaction_id;
  int part = 1, parts = 1;
  std::string body;
};
struct Delivery {
  OutboxMessage message;
  int attempts = 0;  // delivery attempts made so far
  std::string lease_token;
};
struct Finished {  // an interaction reached done or dead
  std::string interaction_id;
  State state = State::done;
  std::string audit_context;  // as given to complete()
};
struct Counts {
  std::int64_t pending = 0, in_flight = 0, delivering = 0, done = 0, failed = 0, dead = 0, outbox = 0;
};
struct InteractionInfo {
  std::string id;
  State state = State::pending;
  int attempts = 0;
  std::string last_error;
  std::int64_t updated_at_ms = 0;
  int outbox_parts = 0;
};
struct DeadLetter {
  std::string interaction_id;
  std::int64_t time_ms = 0;
  int attempts = 0;     // delivery attempts for kind "delivery", fetch attempts otherwise
  int last_status = 0;  // last CRM HTTP status, 0 when none
  std::string last_error;
  std::string kind;  // "delivery" | "pii" | ... (as given to dead_letter)
};

// A failed or dead interaction, as the admin console lists it.
struct Failure {
  std::string interaction_id;
  State state = State::failed;
  std::string kind;  // dead letters: "delivery" | "pii" | ...; empty when failed
  int attempts = 0;  // as DeadLetter::attempts: delivery attempts when dead by delivery, else fetch attempts
  int last_status = 0;
  std::string last_error;      // names what went wrong, never insight text
  std::string correlation_id;  // from the cycle's audit context; empty when it has none
  std::int64_t updated_at_ms = 0;
};
// Interactions that settled in one minute, by the state they are in now.
struct MinuteCounts {
  std::int64_t done = 0, failed = 0;  // failed: failed or dead
};

// {"id","state","attempts","last_error","updated_at" (RFC 3339 UTC),"outbox_parts"}
// for the admin API; the other views are in insightd/queue/report.hpp.
boost::json::object to_json(const InteractionInfo& info);

// Settings key under which hold_deliveries() persists its reason.
inline constexpr std::string_view deliveries_held_key = "deliveries_held";

class Store {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;  // called on the database thread

  // Opens/creates and migrates the database (creating its parent directory);
  // throws std::runtime_error naming the path on failure. Blocks: call at start-up.
  static std::shared_ptr<Store> open(boost::asio::any_io_executor io, const QueueConfig& cfg,
                                     Clock clock = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const noexcept;

  // Calls that arrive while the database thread is busy share one transaction
  // (and at most one fsync). transactions <= operations; their ratio is the batching.
  struct CommitStats {
    std::uint64_t transactions = 0, operations = 0;
    std::uint64_t synced = 0;  // transactions committed with an fsync (holding a durable call)
  };
  CommitStats commit_stats() const;

  // Pending, in_flight and delivering IDs are duplicates; done/failed/dead IDs
  // are re-queued (their previous outbox rows are dropped) unless
  // options.requeue_finished is false. One transaction.
  awaitable<EnqueueResult> enqueue(std::vector<std::string> ids, EnqueueOptions options = {});
  // Returns expired leases to pending first, then leases up to max pending IDs
  // whose not_before has passed, oldest first, for lease_timeout.
  awaitable<std::vector<Lease>> lease(std::size_t max);
  // One transaction: in_flight -> delivering plus the outbox rows (-> done at
  // once when there are none); audit_context is returned with Finished later.
  // false if the lease token no longer matches (expired and returned/re-leased).
  awaitable<bool> complete(Lease lease, std::vector<OutboxMessage> messages, std::string audit_context);
  // complete() for a caller that has already made the first delivery attempt of
  // messages.front() (the daemon tries new messages at once, before they are
  // written): that row is returned leased, as lease_deliveries() would, for the
  // attempt to be recorded (delivered / retry_delivery / dead_letter_delivery).
  // nullopt if the lease token no longer matches. messages must not be empty.
  awaitable<std::optional<Delivery>> complete_attempted(Lease lease, std::vector<OutboxMessage> messages,
                                                        std::string audit_context);
  awaitable<bool> fail(Lease lease, std::string reason);  // -> failed (permanent)
  // -> dead, no outbox (e.g. PII block). reason is shown by `dead-letters list`
  // and kept on disk: name what was found, never the matched text.
  awaitable<bool> dead_letter(Lease lease, std::string kind, std::string reason);
  // -> pending, due after not_before_delay; starts the cycle's retry clock
  // (Lease::retrying_since_ms) if it was not running.
  awaitable<bool> release(Lease lease, std::chrono::milliseconds not_before_delay, std::string reason);
  // Heartbeat: every fetch and delivery lease this Store holds gets a full
  // lease_timeout again, so a cycle longer than the lease is never leased a
  // second time while it runs; a daemon that dies stops renewing and its
  // leases come back after lease_timeout. Returns the fetch leases renewed.
  awaitable<std::size_t> renew_leases();

  // Due outbox rows (next_attempt_at <= now) unless deliveries are held, leased
  // for lease_timeout; a delivery lease that expires makes its row due again.
  awaitable<std::vector<Delivery>> lease_deliveries(std::size_t max);
  // Row done (accepted even if the lease expired: the CRM has it). Returns
  // Finished when this was the interaction's last undelivered part.
  awaitable<std::optional<Finished>> delivered(Delivery delivery, int http_status);
  // attempts+1, due again at next_attempt. Ignored if the lease token is stale.
  awaitable<void> retry_delivery(Delivery delivery, std::chrono::system_clock::time_point next_attempt,
                                 int http_status, std::string error);
  // Row dead, interaction dead (kind "delivery"); Finished when the
  // interaction changed state by this call. Ignored if the lease token is stale.
  awaitable<std::optional<Finished>> dead_letter_delivery(Delivery delivery, int http_status,
                                                          std::string error);
  // Endpoint disabled (410): nothing is leased until release_held(); persisted.
  awaitable<void> hold_deliveries(std::string reason);
  awaitable<void> release_held();
  awaitable<std::optional<std::string>> held_reason();

  awaitable<std::optional<std::string>> setting(std::string key);
  awaitable<void> set_setting(std::string key, std::string value);

  awaitable<Counts> counts();
  awaitable<std::int64_t> outbox_depth();
  // Pending IDs not due within horizon (released with a long not_before, e.g. a
  // long-window 429): what `run --drain` may leave behind.
  awaitable<std::int64_t> count_parked(
      std::chrono::milliseconds horizon);             // undelivered outbox rows (due + leased + held)
  awaitable<std::vector<DeadLetter>> dead_letters();  // oldest first
  // The console's views. The newest `limit` failed or dead interactions, newest first.
  awaitable<std::vector<Failure>> recent_failures(std::size_t limit);
  // Per clock minute, oldest first, the last being the current (partial) one:
  // interactions last updated in that minute that are now done / failed or dead.
  awaitable<std::vector<MinuteCounts>> settled_per_minute(int minutes);
  // Dead interactions (the given ones, or all): with dead outbox rows -> rows
  // re-armed (attempts reset, same webhook_id), interaction -> delivering;
  // without -> pending (refetch). Returns how many were re-queued.
  awaitable<std::size_t> replay(std::vector<std::string> ids, bool all);
  awaitable<std::optional<InteractionInfo>> interaction(std::string id);
  // Shutdown: every fetch lease taken by this Store -> pending; its delivery
  // leases become due at once. Returns the number of interactions returned.
  awaitable<std::size_t> return_all_leases();

  struct Impl;

 private:
  explicit Store(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace insightd::queue
