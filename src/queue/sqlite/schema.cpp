// SPDX-License-Identifier: Apache-2.0
#include "schema.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

namespace insightd::queue {

namespace {

// Index i holds the migration to version i + 1. Append only: never edit a
// released migration, add the next one.
constexpr std::array<const char*, kSchemaVersion> kMigrations{
    // 1: interactions (the work queue), outbox (governed results awaiting the
    // CRM) and settings (small persisted flags such as held deliveries).
    R"sql(
CREATE TABLE interactions (
  id            TEXT PRIMARY KEY,
  state         TEXT NOT NULL CHECK (state IN ('pending','in_flight','delivering','done','failed','dead')),
  queued_seq    INTEGER NOT NULL,            -- FIFO order among pending IDs
  attempts      INTEGER NOT NULL DEFAULT 0,  -- fetch leases taken in this cycle
  not_before    INTEGER NOT NULL DEFAULT 0,  -- ms since epoch; a released ID waits until then
  lease_token   TEXT,
  lease_expires INTEGER,                     -- ms since epoch, while in_flight
  last_error    TEXT NOT NULL DEFAULT '',
  last_status   INTEGER NOT NULL DEFAULT 0,  -- last CRM status when dead by delivery
  dead_kind     TEXT NOT NULL DEFAULT '',
  audit_context TEXT NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX interactions_by_state ON interactions (state, queued_seq);

CREATE TABLE outbox (
  seq             INTEGER PRIMARY KEY,
  webhook_id      TEXT NOT NULL UNIQUE,
  interaction_id  TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  part            INTEGER NOT NULL,
  parts           INTEGER NOT NULL,
  body            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('pending','done','dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,          -- a leased row is pushed to its lease expiry
  lease_token     TEXT,
  last_status     INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT NOT NULL DEFAULT '',
  updated_at      INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_interaction ON outbox (interaction_id, state);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // 2: webhook bodies (tens of KB) move out of the outbox rows. SQLite
    // rewrites a whole record on UPDATE, so every lease, retry and outcome
    // rewrote the body into the WAL; now the body is written once and deleted
    // once (bench/RESULTS.md).
    R"sql(
CREATE TABLE outbox_bodies (
  seq  INTEGER PRIMARY KEY REFERENCES outbox (seq) ON DELETE CASCADE,
  body TEXT NOT NULL
);
INSERT INTO outbox_bodies (seq, body) SELECT seq, body FROM outbox WHERE state <> 'done';
ALTER TABLE outbox DROP COLUMN body;
)sql",
    // 3: per-state counts kept by triggers, so `insightd status`, the gauges and
    // the drain check read a few rows instead of scanning 100k IDs.
    R"sql(
CREATE TABLE state_counts (
  name TEXT PRIMARY KEY,              -- an interaction state, or 'outbox_pending'
  n    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO state_counts (name, n)
  SELECT state, COUNT(*) FROM interactions GROUP BY state
  UNION ALL SELECT 'outbox_pending', COUNT(*) FROM outbox WHERE state = 'pending';

CREATE TRIGGER interactions_count_insert AFTER INSERT ON interactions BEGIN
  INSERT INTO state_counts (name, n) VALUES (NEW.state, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER interactions_count_update AFTER UPDATE OF state ON interactions
WHEN OLD.state <> NEW.state BEGIN
  UPDATE state_counts SET n = n - 1 WHERE name = OLD.state;
  INSERT INTO state_counts (name, n) VALUES (NEW.state, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER interactions_count_delete AFTER DELETE ON interactions BEGIN
  UPDATE state_counts SET n = n - 1 WHERE name = OLD.state;
END;

CREATE TRIGGER outbox_count_insert AFTER INSERT ON outbox WHEN NEW.state = 'pending' BEGIN
  INSERT INTO state_counts (name, n) VALUES ('outbox_pending', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER outbox_count_update AFTER UPDATE OF state ON outbox
WHEN (OLD.state = 'pending') <> (NEW.state = 'pending') BEGIN
  INSERT INTO state_counts (name, n) VALUES ('outbox_pending', CASE WHEN NEW.state = 'pending' THEN 1 ELSE -1 END)
  ON CONFLICT (name) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER outbox_count_delete AFTER DELETE ON outbox WHEN OLD.state = 'pending' BEGIN
  UPDATE state_counts SET n = n - 1 WHERE name = 'outbox_pending';
END;
)sql",
    // 4: a key per cycle, made when the ID is queued. Webhook ids derive from
    // it, so a cycle redone after a crash (its first delivery attempt is made
    // before anything is written to the outbox) sends the same webhook ids.
    R"sql(
ALTER TABLE interactions ADD COLUMN cycle_key TEXT NOT NULL DEFAULT '';
UPDATE interactions SET cycle_key = lower(hex(randomblob(16)));
)sql",
    // 5: when the cycle first went back to the queue for a transient failure,
    // so transient failures are retried until genesys.retry.give_up_after
    // (and unready summaries until retrieval.summary_wait), then given up.
    R"sql(
ALTER TABLE interactions ADD COLUMN retry_since INTEGER NOT NULL DEFAULT 0;
)sql",
};

}  // namespace

int user_version(sqlite::Connection& db) {
  auto q = db.query("PRAGMA user_version");
  return q->step() ? q->int32(0) : 0;
}

void migrate(sqlite::Connection& db) {
  // An up-to-date file (every open but the first) needs no write lock: without this
  // check, `insightd status` queued behind the daemon's write transactions and
  // could fail with "database is locked" (bench/RESULTS.md, scale).
  if (user_version(db) == kSchemaVersion) return;
  sqlite::Transaction tx(db);  // also serialises two processes opening a new file at once
  int version = user_version(db);
  if (version > kSchemaVersion)
    throw std::runtime_error(
        fmt::format("{}: queue schema version {} is newer than this insightd supports ({})", db.path(),
                    version, kSchemaVersion));
  for (int v = version; v < kSchemaVersion; ++v) {
    db.exec(kMigrations[static_cast<std::size_t>(v)]);
    db.exec(fmt::format("PRAGMA user_version = {}", v + 1).c_str());
  }
  tx.commit();
}

}  // namespace insightd::queue
