// SPDX-License-Identifier: Apache-2.0
#pragma once
// The queue's plain types, shared by every backend (insightd/queue/backend.hpp)
// and by the code that uses one.
#include <boost/asio/awaitable.hpp>
#include <boost/json/fwd.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "insightd/common/enum_names.hpp"

namespace insightd::queue {

template <class T>
using awaitable = boost::asio::awaitable<T>;

// The names are stored in the database and shown by `insightd status`.
enum class State {
  pending,
  in_flight,
  delivering,  // fetched, the outbox owns it
  done,
  failed,
  dead
};
BOOST_DESCRIBE_ENUM(State, pending, in_flight, delivering, done, failed, dead)
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
// Sets the count stored under `name` (a state's name, or "outbox_pending"
// for Counts::outbox); false for a name that is neither.
bool set_count(Counts& counts, std::string_view name, std::int64_t n) noexcept;
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

// One live daemon (backend object) of a deployment and what it holds.
struct DaemonInfo {
  std::string owner;  // host:pid:random, the lease owner
  std::string host;
  std::int64_t pid = 0;
  std::string version;
  std::int64_t started_ms = 0;       // when it first announced itself
  std::int64_t last_seen_ms = 0;     // its last announcement (open or lease renewal)
  std::int64_t expires_ms = 0;       // gone unless renewed by then
  std::int64_t fetch_leases = 0;     // interactions in flight under its leases
  std::int64_t delivery_leases = 0;  // outbox rows it is delivering
};

// Leases not expired yet, whoever holds them.
struct LeasesHeld {
  std::int64_t fetch = 0, deliveries = 0;
};

// Everything a backend keeps about one interaction, as `insightd migrate`
// copies it to another backend: the webhook ids (and the cycle key they
// derive from), attempts, due times and reasons are kept.
struct ExportedPart {     // one outbox row
  OutboxMessage message;  // body "" once delivered
  std::string state;      // "pending" | "done" | "dead"
  int attempts = 0;
  std::int64_t next_attempt_ms = 0;
  int last_status = 0;
  std::string last_error;
  std::int64_t updated_at_ms = 0;
};
struct ExportedInteraction {
  std::string id;
  State state = State::pending;  // never in_flight: a lease is not exported, its interaction is pending
  int attempts = 0;
  std::int64_t not_before_ms = 0;  // when pending: due then (parked or delayed when in the future)
  std::string last_error;
  int last_status = 0;
  std::string dead_kind;
  std::string audit_context;
  std::string cycle_key;
  std::int64_t retrying_since_ms = 0;
  std::int64_t created_at_ms = 0, updated_at_ms = 0;
  std::vector<ExportedPart> parts;  // its outbox rows, in written order
};
// Where an export continues: after this position in queue order (opaque to callers).
struct ExportCursor {
  std::int64_t position = 0;
  std::string id;
};
struct ExportPage {
  std::vector<ExportedInteraction> interactions;  // empty: nothing after the cursor
  ExportCursor next;
};

// {"id","state","attempts","last_error","updated_at" (RFC 3339 UTC),"outbox_parts"}
// for the admin API; the other views are in insightd/queue/report.hpp.
boost::json::object to_json(const InteractionInfo& info);

// Settings key under which hold_deliveries() persists its reason.
inline constexpr std::string_view kDeliveriesHeldKey = "deliveries_held";

}  // namespace insightd::queue
