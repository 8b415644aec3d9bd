-- A queue file as insightd with schema version 1 left it (frozen: do not edit).
-- "a" waits on one pending delivery whose body is stored in the outbox row;
-- "b" was delivered (its body already dropped).
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

INSERT INTO interactions (id, state, queued_seq, attempts, audit_context, created_at, updated_at)
VALUES ('a', 'delivering', 1, 1, 'ctx-a', 1700000000000, 1700000000000),
       ('b', 'done', 2, 1, 'ctx-b', 1700000000000, 1700000000000);
INSERT INTO outbox (seq, webhook_id, interaction_id, part, parts, body, state, attempts, next_attempt_at,
                    updated_at)
VALUES (1, 'wh_a_1', 'a', 1, 1, 'body-a', 'pending', 2, 1700000000000, 1700000000000),
       (2, 'wh_b_1', 'b', 1, 1, '', 'done', 1, 1700000000000, 1700000000000);
PRAGMA user_version = 1;
