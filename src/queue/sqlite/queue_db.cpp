// SPDX-License-Identifier: Apache-2.0
#include "queue_db.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "../epoch_ms.hpp"
#include "insightd/common/backoff.hpp"
#include "insightd/common/crypto.hpp"
#include "schema.hpp"

namespace insightd::queue {

namespace {

void create_parent_directory(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec)
    throw std::runtime_error(
        fmt::format("{}: cannot create the queue directory {}: {}", path, parent.string(), ec.message()));
}

std::string random_token_prefix() {
  std::random_device rd;
  std::uint64_t r = (std::uint64_t{rd()} << 32) | rd();
  return fmt::format("{:016x}", r);
}

// The attempts shown for a failed or dead interaction `i`: for one dead by
// delivery, the delivery attempts of its dead part; otherwise the fetch attempts.
constexpr std::string_view kAttemptsShown =
    "CASE WHEN i.dead_kind = 'delivery' THEN IFNULL((SELECT MAX(o.attempts) FROM outbox o "
    "WHERE o.interaction_id = i.id AND o.state = 'dead'), 0) ELSE i.attempts END";

State state_column(const sqlite::Statement& s, int column) {
  auto text = s.text(column);
  if (auto state = parse_state(text)) return *state;
  throw std::runtime_error(fmt::format("queue database holds an unknown state '{}'", text));
}

}  // namespace

QueueDb::QueueDb(const QueueConfig& cfg, Backend::Clock clock)
    : db_((create_parent_directory(cfg.sqlite_path), cfg.sqlite_path)),
      clock_(clock ? std::move(clock) : Backend::Clock([] { return std::chrono::system_clock::now(); })),
      lease_timeout_ms_(cfg.lease_timeout.count()),
      token_prefix_(random_token_prefix()) {
  // WAL: readers (status, the admin API) never block the writer. synchronous:
  // FULL while opening and migrating; then the group commit picks FULL or
  // NORMAL per transaction (group_commit.hpp, and Durability in sqlite_backend.hpp).
  db_.exec("PRAGMA busy_timeout = 5000");  // first: the pragmas below may wait for another process
  {
    auto q = db_.query("PRAGMA journal_mode = WAL");
    if (!q->step() || q->text(0) != "wal")
      throw std::runtime_error(fmt::format("{}: cannot switch the queue database to WAL mode", path()));
  }
  db_.exec("PRAGMA synchronous = FULL");
  // Debian builds SQLite with SECURE_DELETE, which zeroes every freed page: each
  // delivered webhook body was written twice more (WAL, then checkpoint). FAST
  // still zeroes deleted content inside b-tree pages at no extra I/O; a freed
  // body page keeps its bytes until reused, as the WAL keeps them until it wraps.
  db_.exec("PRAGMA secure_delete = FAST");
  // Webhook bodies in the outbox (those the CRM did not take at once) are
  // written, read back by the deliverer and freed within seconds of a retry,
  // reusing the same free pages. An 8 MiB cache keeps them in memory between
  // those steps (the default 2 MB did not: one pread per page), and a 4000-page
  // WAL checkpoints each reused page once instead of once per reuse. A
  // checkpoint also syncs the unsynced commits before it.
  db_.exec("PRAGMA cache_size = -8192");
  db_.exec("PRAGMA wal_autocheckpoint = 4000");
  db_.exec("PRAGMA foreign_keys = ON");
  migrate(db_);
}

std::int64_t QueueDb::now_ms() const {
  return to_ms(clock_());
}

std::string QueueDb::next_lease_token() {
  return fmt::format("{}-{}", token_prefix_, ++token_counter_);
}

EnqueueResult QueueDb::enqueue(const std::vector<std::string>& ids, EnqueueOptions options) {
  EnqueueResult result;
  auto now = now_ms();
  sqlite::Transaction tx(db_);
  std::int64_t seq = 0;
  {
    auto q = db_.query("SELECT IFNULL(MAX(queued_seq), 0) FROM interactions");
    if (q->step()) seq = q->int64(0);
  }
  for (const auto& id : ids) {
    // New IDs are inserted; finished ones (done/failed/dead) start a new cycle;
    // pending/in_flight/delivering ones are left alone and count as duplicates.
    auto upsert = db_.query(
        "INSERT INTO interactions (id, state, queued_seq, cycle_key, created_at, updated_at, not_before) "
        "VALUES (?1, 'pending', ?2, ?4, ?3, ?3, ?5) "
        "ON CONFLICT (id) DO UPDATE SET state = 'pending', queued_seq = ?2, attempts = 0, not_before = ?5, "
        "lease_token = NULL, lease_expires = NULL, last_error = '', last_status = 0, dead_kind = '', "
        "audit_context = '', cycle_key = ?4, retry_since = 0, updated_at = ?3 "
        "WHERE ?6 AND state IN ('done', 'failed', 'dead')");
    upsert
        ->with(id, seq + 1, now, crypto::random_hex(16),
               saturating_add_ms(now, options.not_before_delay.count()),
               std::int64_t{options.requeue_finished ? 1 : 0})
        .run();
    if (db_.changes() == 0) {
      ++result.duplicates;
      continue;
    }
    ++seq;
    ++result.added;
    // The previous cycle's outbox rows belong to a result that is being refetched.
    db_.query("DELETE FROM outbox WHERE interaction_id = ?1")->with(id).run();
  }
  tx.commit();
  return result;
}

std::vector<Lease> QueueDb::lease(std::size_t max) {
  std::vector<Lease> leases;
  auto now = now_ms();
  sqlite::Transaction tx(db_);
  // A lease whose holder died (or hung) past lease_timeout goes back to pending
  // keeping its queue position, so it is taken first.
  db_.query(
         "UPDATE interactions SET state = 'pending', lease_token = NULL, lease_expires = NULL, "
         "last_error = 'lease expired', updated_at = ?1 WHERE state = 'in_flight' AND lease_expires <= ?1")
      ->with(now)
      .run();
  {
    auto q = db_.query(
        "SELECT id, attempts, cycle_key, retry_since FROM interactions WHERE state = 'pending' "
        "AND not_before <= ?1 ORDER BY queued_seq LIMIT ?2");
    q->with(now, static_cast<std::int64_t>(max));
    while (q->step())
      leases.push_back(Lease{q->text(0), next_lease_token(), q->int32(1) + 1, q->text(2), q->int64(3)});
  }
  for (const auto& l : leases) {
    db_.query(
           "UPDATE interactions SET state = 'in_flight', attempts = ?2, lease_token = ?3, lease_expires = "
           "?4, updated_at = ?5 WHERE id = ?1")
        ->with(l.interaction_id, l.attempt, l.lease_token, now + lease_timeout_ms_, now)
        .run();
  }
  tx.commit();
  return leases;
}

bool QueueDb::complete(const Lease& lease, const std::vector<OutboxMessage>& messages,
                       const std::string& audit_context) {
  auto now = now_ms();
  sqlite::Transaction tx(db_);
  db_.query(
         "UPDATE interactions SET state = ?3, lease_token = NULL, lease_expires = NULL, last_error = '', "
         "audit_context = ?4, updated_at = ?5 WHERE id = ?1 AND state = 'in_flight' AND lease_token = ?2")
      ->with(lease.interaction_id, lease.lease_token, messages.empty() ? "done" : "delivering", audit_context,
             now)
      .run();
  if (db_.changes() == 0) return false;  // rolls back (nothing written)
  for (const auto& m : messages) {
    if (m.interaction_id != lease.interaction_id)
      throw std::invalid_argument(fmt::format("outbox message {} is for interaction {}, not {}", m.webhook_id,
                                              m.interaction_id, lease.interaction_id));
    db_.query(
           "INSERT INTO outbox (webhook_id, interaction_id, part, parts, state, next_attempt_at, updated_at) "
           "VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?5)")
        ->with(m.webhook_id, m.interaction_id, m.part, m.parts, now)
        .run();
    db_.query("INSERT INTO outbox_bodies (seq, body) VALUES (?1, ?2)")
        ->with(db_.last_insert_rowid(), m.body)
        .run();
  }
  tx.commit();
  return true;
}

std::optional<Delivery> QueueDb::complete_attempted(const Lease& lease,
                                                    const std::vector<OutboxMessage>& messages,
                                                    const std::string& audit_context) {
  if (messages.empty()) throw std::invalid_argument("complete_attempted: no message was attempted");
  sqlite::Transaction tx(db_);
  if (!complete(lease, messages, audit_context)) return std::nullopt;
  // Leased as lease_deliveries() would: the attempt already made is recorded on it next.
  Delivery first{messages.front(), 0, next_lease_token()};
  auto now = now_ms();
  db_.query("UPDATE outbox SET lease_token = ?2, next_attempt_at = ?3 WHERE webhook_id = ?1")
      ->with(first.message.webhook_id, first.lease_token, now + lease_timeout_ms_)
      .run();
  tx.commit();
  return first;
}

bool QueueDb::fail(const Lease& lease, const std::string& reason) {
  db_.query(
         "UPDATE interactions SET state = 'failed', lease_token = NULL, lease_expires = NULL, last_error = "
         "?3, "
         "updated_at = ?4 WHERE id = ?1 AND state = 'in_flight' AND lease_token = ?2")
      ->with(lease.interaction_id, lease.lease_token, reason, now_ms())
      .run();
  return db_.changes() == 1;
}

bool QueueDb::dead_letter(const Lease& lease, const std::string& kind, const std::string& reason) {
  db_.query(
         "UPDATE interactions SET state = 'dead', lease_token = NULL, lease_expires = NULL, dead_kind = ?3, "
         "last_error = ?4, last_status = 0, updated_at = ?5 "
         "WHERE id = ?1 AND state = 'in_flight' AND lease_token = ?2")
      ->with(lease.interaction_id, lease.lease_token, kind, reason, now_ms())
      .run();
  return db_.changes() == 1;
}

bool QueueDb::release(const Lease& lease, std::chrono::milliseconds not_before_delay,
                      const std::string& reason) {
  auto now = now_ms();
  db_.query(
         "UPDATE interactions SET state = 'pending', lease_token = NULL, lease_expires = NULL, not_before = "
         "?3, last_error = ?4, retry_since = CASE WHEN retry_since = 0 THEN ?5 ELSE retry_since END, "
         "updated_at = ?5 WHERE id = ?1 AND state = 'in_flight' AND lease_token = ?2")
      ->with(lease.interaction_id, lease.lease_token, saturating_add_ms(now, not_before_delay.count()),
             reason, now)
      .run();
  return db_.changes() == 1;
}

std::size_t QueueDb::renew_leases() {
  const auto now = now_ms();
  const auto mine = token_prefix_ + "-%";
  sqlite::Transaction tx(db_);
  db_.query(
         "UPDATE interactions SET lease_expires = ?2 WHERE state = 'in_flight' AND lease_token LIKE ?1 "
         "AND lease_expires < ?2")
      ->with(mine, now + lease_timeout_ms_)
      .run();
  const auto renewed = static_cast<std::size_t>(db_.changes());
  // A leased outbox row has next_attempt_at pushed to its lease expiry.
  db_.query(
         "UPDATE outbox SET next_attempt_at = ?2 WHERE state = 'pending' AND lease_token LIKE ?1 "
         "AND next_attempt_at < ?2")
      ->with(mine, now + lease_timeout_ms_)
      .run();
  tx.commit();
  return renewed;
}

std::vector<Delivery> QueueDb::lease_deliveries(std::size_t max) {
  std::vector<Delivery> deliveries;
  auto now = now_ms();
  sqlite::Transaction tx(db_);
  if (setting(std::string(kDeliveriesHeldKey))) return deliveries;
  {
    // A leased row has next_attempt_at pushed to its lease expiry, so a lease
    // whose holder died simply becomes due again.
    auto q = db_.query(
        "SELECT o.webhook_id, o.interaction_id, o.part, o.parts, b.body, o.attempts "
        "FROM outbox o JOIN outbox_bodies b ON b.seq = o.seq "
        "WHERE o.state = 'pending' AND o.next_attempt_at <= ?1 ORDER BY o.next_attempt_at, o.seq LIMIT ?2");
    q->with(now, static_cast<std::int64_t>(max));
    while (q->step()) {
      deliveries.push_back(
          Delivery{OutboxMessage{q->text(0), q->text(1), q->int32(2), q->int32(3), q->text(4)}, q->int32(5),
                   next_lease_token()});
    }
  }
  for (const auto& d : deliveries) {
    db_.query(
           "UPDATE outbox SET lease_token = ?2, next_attempt_at = ?3, updated_at = ?4 WHERE webhook_id = ?1")
        ->with(d.message.webhook_id, d.lease_token, now + lease_timeout_ms_, now)
        .run();
  }
  tx.commit();
  return deliveries;
}

std::optional<Finished> QueueDb::finished(const std::string& id) {
  auto q = db_.query("SELECT state, audit_context FROM interactions WHERE id = ?1");
  q->with(id);
  if (!q->step()) return std::nullopt;
  return Finished{id, state_column(*q, 0), q->text(1)};
}

std::optional<Finished> QueueDb::delivered(const Delivery& delivery, int http_status) {
  const auto& id = delivery.message.interaction_id;
  auto now = now_ms();
  sqlite::Transaction tx(db_);
  // The CRM has it whatever happened to our lease, so the token is not checked.
  // The body is dropped: a delivered result is not kept on disk.
  std::int64_t seq = 0;
  {
    auto q = db_.query(
        "UPDATE outbox SET state = 'done', attempts = attempts + 1, last_status = ?2, last_error = '', "
        "lease_token = NULL, updated_at = ?3 WHERE webhook_id = ?1 AND state = 'pending' RETURNING seq");
    q->with(delivery.message.webhook_id, http_status, now);
    if (!q->step()) return std::nullopt;
    seq = q->int64(0);
  }
  db_.query("DELETE FROM outbox_bodies WHERE seq = ?1")->with(seq).run();
  std::optional<Finished> result;
  db_.query(
         "UPDATE interactions SET state = 'done', updated_at = ?2 WHERE id = ?1 AND state = 'delivering' "
         "AND NOT EXISTS (SELECT 1 FROM outbox WHERE interaction_id = ?1 AND state <> 'done')")
      ->with(id, now)
      .run();
  if (db_.changes() == 1) result = finished(id);
  tx.commit();
  return result;
}

void QueueDb::retry_delivery(const Delivery& delivery, std::chrono::system_clock::time_point next_attempt,
                             int http_status, const std::string& error) {
  db_.query(
         "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?3, last_status = ?4, last_error = "
         "?5, "
         "lease_token = NULL, updated_at = ?6 WHERE webhook_id = ?1 AND state = 'pending' AND lease_token = "
         "?2")
      ->with(delivery.message.webhook_id, delivery.lease_token, to_ms(next_attempt), http_status, error,
             now_ms())
      .run();
}

std::optional<Finished> QueueDb::dead_letter_delivery(const Delivery& delivery, int http_status,
                                                      const std::string& error) {
  const auto& id = delivery.message.interaction_id;
  auto now = now_ms();
  sqlite::Transaction tx(db_);
  db_.query(
         "UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_status = ?3, last_error = ?4, "
         "lease_token = NULL, updated_at = ?5 WHERE webhook_id = ?1 AND state = 'pending' AND lease_token = "
         "?2")
      ->with(delivery.message.webhook_id, delivery.lease_token, http_status, error, now)
      .run();
  if (db_.changes() == 0) return std::nullopt;
  std::optional<Finished> result;
  db_.query(
         "UPDATE interactions SET state = 'dead', dead_kind = 'delivery', last_status = ?2, last_error = ?3, "
         "updated_at = ?4 WHERE id = ?1 AND state = 'delivering'")
      ->with(id, http_status, error, now)
      .run();
  if (db_.changes() == 1) result = finished(id);
  tx.commit();
  return result;
}

std::optional<std::string> QueueDb::setting(const std::string& key) {
  auto q = db_.query("SELECT value FROM settings WHERE key = ?1");
  q->with(key);
  if (!q->step()) return std::nullopt;
  return q->text(0);
}

void QueueDb::set_setting(const std::string& key, const std::string& value) {
  db_.query("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2")
      ->with(key, value)
      .run();
}

void QueueDb::erase_setting(const std::string& key) {
  db_.query("DELETE FROM settings WHERE key = ?1")->with(key).run();
}

Counts QueueDb::counts() {
  Counts c;
  auto q = db_.query("SELECT name, n FROM state_counts");  // kept by triggers (schema.cpp)
  while (q->step()) {
    if (!set_count(c, q->text(0), q->int64(1)))
      throw std::runtime_error(fmt::format("queue database holds an unknown state '{}'", q->text(0)));
  }
  return c;
}

std::int64_t QueueDb::outbox_depth() {
  auto q = db_.query("SELECT n FROM state_counts WHERE name = 'outbox_pending'");
  return q->step() ? q->int64(0) : 0;
}

std::int64_t QueueDb::count_parked(std::chrono::milliseconds horizon) {
  auto q = db_.query("SELECT COUNT(*) FROM interactions WHERE state = 'pending' AND not_before > ?1");
  q->with(now_ms() + horizon.count());
  return q->step() ? q->int64(0) : 0;
}

std::vector<DeadLetter> QueueDb::dead_letters() {
  std::vector<DeadLetter> list;
  static const std::string sql = fmt::format(
      "SELECT i.id, i.updated_at, {}, i.last_status, i.last_error, i.dead_kind "
      "FROM interactions i WHERE i.state = 'dead' ORDER BY i.updated_at, i.id",
      kAttemptsShown);
  auto q = db_.query(sql);
  while (q->step())
    list.push_back(DeadLetter{q->text(0), q->int64(1), q->int32(2), q->int32(3), q->text(4), q->text(5)});
  return list;
}

std::vector<Failure> QueueDb::recent_failures(std::size_t limit) {
  std::vector<Failure> list;
  // Only a cycle that reached the outbox has an audit context (dead by delivery).
  static const std::string sql = fmt::format(
      "SELECT i.id, i.state, i.dead_kind, {}, i.last_status, i.last_error, i.updated_at, "
      "CASE WHEN json_valid(i.audit_context) THEN IFNULL(json_extract(i.audit_context, '$.correlation_id'), "
      "'') "
      "ELSE '' END "
      "FROM interactions i WHERE i.state IN ('failed', 'dead') ORDER BY i.updated_at DESC, i.id LIMIT ?1",
      kAttemptsShown);
  auto q = db_.query(sql);
  q->with(static_cast<std::int64_t>(limit));
  while (q->step())
    list.push_back(Failure{q->text(0), state_column(*q, 1), q->text(2), q->int32(3), q->int32(4), q->text(5),
                           q->text(7), q->int64(6)});
  return list;
}

std::vector<MinuteCounts> QueueDb::settled_per_minute(int minutes) {
  constexpr std::int64_t kMinuteMs = 60000;
  std::vector<MinuteCounts> per_minute(static_cast<std::size_t>(std::max(minutes, 0)));
  if (per_minute.empty()) return per_minute;
  const std::int64_t start = now_ms() / kMinuteMs * kMinuteMs - (minutes - 1) * kMinuteMs;
  auto q = db_.query(
      "SELECT (updated_at - ?1) / 60000, SUM(state = 'done'), SUM(state <> 'done') FROM interactions "
      "WHERE state IN ('done', 'failed', 'dead') AND updated_at >= ?1 GROUP BY 1");
  q->with(start);
  while (q->step()) {
    const auto index = q->int64(0);
    if (index >= minutes) continue;  // updated "in the future": the clock stepped back
    per_minute[static_cast<std::size_t>(index)] = MinuteCounts{q->int64(1), q->int64(2)};
  }
  return per_minute;
}

bool QueueDb::replay_one(const std::string& id, std::int64_t now) {
  db_.query(
         "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?2, lease_token = NULL, "
         "last_status = 0, last_error = '', updated_at = ?2 WHERE interaction_id = ?1 AND state = 'dead' "
         "AND EXISTS (SELECT 1 FROM interactions WHERE id = ?1 AND state = 'dead')")
      ->with(id, now)
      .run();
  if (db_.changes() > 0) {
    // The governed result is still in the outbox: deliver it again, same webhook-ids.
    db_.query(
           "UPDATE interactions SET state = 'delivering', last_error = '', last_status = 0, dead_kind = '', "
           "updated_at = ?2 WHERE id = ?1")
        ->with(id, now)
        .run();
    return true;
  }
  // Nothing to redeliver (e.g. PII-blocked: no outbox): fetch it again.
  std::int64_t seq = 0;
  {
    auto q = db_.query("SELECT IFNULL(MAX(queued_seq), 0) FROM interactions");
    if (q->step()) seq = q->int64(0);
  }
  db_.query(
         "UPDATE interactions SET state = 'pending', queued_seq = ?2, attempts = 0, not_before = 0, "
         "last_error = '', last_status = 0, dead_kind = '', audit_context = '', retry_since = 0, "
         "updated_at = ?3 "
         "WHERE id = ?1 AND state = 'dead'")
      ->with(id, seq + 1, now)
      .run();
  if (db_.changes() == 0) return false;
  db_.query("DELETE FROM outbox WHERE interaction_id = ?1")->with(id).run();
  return true;
}

std::size_t QueueDb::replay(const std::vector<std::string>& ids, bool all) {
  auto now = now_ms();
  sqlite::Transaction tx(db_);
  std::vector<std::string> targets = ids;
  if (all) {
    targets.clear();
    auto q = db_.query("SELECT id FROM interactions WHERE state = 'dead' ORDER BY updated_at, id");
    while (q->step()) targets.push_back(q->text(0));
  }
  std::size_t replayed = 0;
  for (const auto& id : targets)
    if (replay_one(id, now)) ++replayed;
  tx.commit();
  return replayed;
}

std::optional<InteractionInfo> QueueDb::interaction(const std::string& id) {
  auto q = db_.query(
      "SELECT state, attempts, last_error, updated_at, "
      "(SELECT COUNT(*) FROM outbox WHERE interaction_id = ?1) FROM interactions WHERE id = ?1");
  q->with(id);
  if (!q->step()) return std::nullopt;
  return InteractionInfo{id, state_column(*q, 0), q->int32(1), q->text(2), q->int64(3), q->int32(4)};
}

std::size_t QueueDb::return_all_leases() {
  auto now = now_ms();
  auto mine = token_prefix_ + "-%";
  sqlite::Transaction tx(db_);
  db_.query(
         "UPDATE interactions SET state = 'pending', lease_token = NULL, lease_expires = NULL, "
         "last_error = 'returned at shutdown', updated_at = ?2 WHERE state = 'in_flight' AND lease_token "
         "LIKE ?1")
      ->with(mine, now)
      .run();
  auto returned = static_cast<std::size_t>(db_.changes());
  // Deliveries in progress are due again at once after a restart (same webhook-id).
  db_.query(
         "UPDATE outbox SET lease_token = NULL, next_attempt_at = ?2, updated_at = ?2 "
         "WHERE state = 'pending' AND lease_token LIKE ?1")
      ->with(mine, now)
      .run();
  tx.commit();
  return returned;
}

LeasesHeld QueueDb::leases_held() {
  const auto now = now_ms();
  LeasesHeld held;
  {
    auto q = db_.query("SELECT COUNT(*) FROM interactions WHERE state = 'in_flight' AND lease_expires > ?1");
    q->with(now);
    if (q->step()) held.fetch = q->int64(0);
  }
  // A leased row has next_attempt_at pushed to its lease expiry.
  auto q = db_.query(
      "SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND lease_token IS NOT NULL AND next_attempt_at > "
      "?1");
  q->with(now);
  if (q->step()) held.deliveries = q->int64(0);
  return held;
}

ExportPage QueueDb::export_interactions(const ExportCursor& after, std::size_t max) {
  ExportPage page;
  page.next = after;
  // Queue order, so pending IDs keep their order in the backend they move to.
  auto q = db_.query(
      "SELECT id, state, attempts, not_before, last_error, last_status, dead_kind, audit_context, cycle_key, "
      "retry_since, created_at, updated_at, queued_seq FROM interactions "
      "WHERE (queued_seq, id) > (?1, ?2) ORDER BY queued_seq, id LIMIT ?3");
  q->with(after.position, after.id, static_cast<std::int64_t>(max));
  while (q->step()) {
    ExportedInteraction i{q->text(0),   state_column(*q, 1), q->int32(2), q->int64(3), q->text(4),
                          q->int32(5),  q->text(6),          q->text(7),  q->text(8),  q->int64(9),
                          q->int64(10), q->int64(11),        {}};
    if (i.state == State::in_flight) {  // the caller checked that no lease is live: it has expired
      i.state = State::pending;
      i.last_error = "lease expired";
    }
    page.next = ExportCursor{q->int64(12), i.id};
    page.interactions.push_back(std::move(i));
  }
  for (auto& i : page.interactions) i.parts = exported_parts(i.id);
  return page;
}

std::vector<ExportedPart> QueueDb::exported_parts(const std::string& id) {
  std::vector<ExportedPart> parts;
  auto q = db_.query(
      "SELECT o.webhook_id, o.part, o.parts, IFNULL(b.body, ''), o.state, o.attempts, o.next_attempt_at, "
      "o.last_status, o.last_error, o.updated_at FROM outbox o LEFT JOIN outbox_bodies b ON b.seq = o.seq "
      "WHERE o.interaction_id = ?1 ORDER BY o.seq");
  q->with(id);
  while (q->step()) {
    parts.push_back(ExportedPart{OutboxMessage{q->text(0), id, q->int32(1), q->int32(2), q->text(3)},
                                 q->text(4), q->int32(5), q->int64(6), q->int32(7), q->text(8), q->int64(9)});
  }
  return parts;
}

}  // namespace insightd::queue
