// SPDX-License-Identifier: Apache-2.0
#include "scripts.hpp"

namespace insightd::queue::redis_scripts {

namespace {

// Shared by every script: the clock, key names, and the bookkeeping that must
// move together (a state change updates the counts and the indexes of
// finished interactions; a fetch lease lives in a hash, the lease index and
// its owner's set).
constexpr const char* kHelpers = R"lua(
local P = KEYS[1]
local NOW
if ARGV[1] ~= '' then
  NOW = tonumber(ARGV[1])
else
  local t = redis.call('TIME')
  NOW = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- Times are ms since the epoch (the client caps delays, so they stay below 2^53).
local function ms(n) return string.format('%d', n) end
local function k(...) return P .. ':' .. table.concat({...}, ':') end
local COUNTS = k('counts')
local DUE = k('outbox', 'due')
local FINISHED = {done = true, failed = true, dead = true}

-- Moves interaction `id` from state `from` (nil: new) to `to`: its hash, the
-- per-state counts, and the indexes of finished interactions by update time.
-- `fields` (optional: field, value, ...) are written to the hash in the same
-- HSET, one command fewer per transition that also changes other fields.
local function set_state(id, from, to, fields)
  if from then redis.call('HINCRBY', COUNTS, from, -1) end
  redis.call('HINCRBY', COUNTS, to, 1)
  if from and FINISHED[from] then
    redis.call('ZREM', k('settled'), id)
    redis.call('ZREM', k('failures'), id)
    redis.call('ZREM', k('dead'), id)
  end
  if FINISHED[to] then
    redis.call('ZADD', k('settled'), ms(NOW), id)
    if to ~= 'done' then redis.call('ZADD', k('failures'), ms(NOW), id) end
    if to == 'dead' then redis.call('ZADD', k('dead'), ms(NOW), id) end
  end
  redis.call('HSET', k('i', id), 'state', to, 'updated_at', ms(NOW), unpack(fields or {}))
end

-- A pending ID waits in `waiting` (by not_before) until due, then in `ready`
-- (by queue sequence, so the oldest is leased first).
local function place_pending(id, seq, not_before)
  if tonumber(not_before) <= NOW then
    redis.call('ZADD', k('ready'), seq, id)
  else
    redis.call('ZADD', k('waiting'), ms(not_before), id)
  end
end

-- The owner of `id`'s fetch lease when `token` is that lease, else nil.
local function leased_by(id, token)
  local r = redis.call('HMGET', k('i', id), 'state', 'token', 'owner')
  if r[1] ~= 'in_flight' or token == '' or r[2] ~= token then return nil end
  return r[3]
end

-- Ends `id`'s fetch lease (held by `owner`) in its indexes, and returns the
-- hash fields that end it, for the caller's set_state.
local function end_lease_fields(id, owner)
  redis.call('ZREM', k('leased'), id)
  if owner and owner ~= '' then redis.call('SREM', k('owner', owner, 'fetch'), id) end
  return {'token', '', 'owner', '', 'lease_expires', '0'}
end

-- Ends `id`'s fetch lease (held by `owner`).
local function end_lease(id, owner)
  redis.call('HSET', k('i', id), unpack(end_lease_fields(id, owner)))
end

-- An outbox row's member in the due index: the sequence first, so rows due at
-- the same ms come out in the order they were written.
local function outbox_member(seq, wh) return string.format('%016d', tonumber(seq)) .. wh end
local function webhook_of(member) return string.sub(member, 17) end

-- Records a delivery attempt on outbox row `wh` (its seq and lease owner)
-- and ends the row's lease: due again at `next_attempt`, or settled in `state`.
local function record_attempt(wh, seq, owner, state, status, err, next_attempt)
  local row = k('o', wh)
  redis.call('HINCRBY', row, 'attempts', 1)
  redis.call('HSET', row, 'state', state, 'last_status', status, 'last_error', err, 'token', '', 'owner', '',
    'updated_at', ms(NOW))
  if owner ~= '' then redis.call('SREM', k('owner', owner, 'deliveries'), wh) end
  if next_attempt then
    redis.call('HSET', row, 'next_attempt', ms(next_attempt))
    redis.call('ZADD', DUE, ms(next_attempt), outbox_member(seq, wh))
  else
    redis.call('ZREM', DUE, outbox_member(seq, wh))
    redis.call('HINCRBY', COUNTS, 'outbox_pending', -1)
  end
end

-- Drops the outbox rows of `id`'s previous cycle.
local function drop_parts(id)
  local parts = k('parts', id)
  for _, wh in ipairs(redis.call('SMEMBERS', parts)) do
    local row = k('o', wh)
    local r = redis.call('HMGET', row, 'state', 'seq', 'owner')
    if r[1] == 'pending' then
      redis.call('HINCRBY', COUNTS, 'outbox_pending', -1)
      redis.call('ZREM', DUE, outbox_member(r[2], wh))
    end
    if r[3] and r[3] ~= '' then redis.call('SREM', k('owner', r[3], 'deliveries'), wh) end
    redis.call('DEL', row)
  end
  redis.call('DEL', parts)
end

-- The attempts shown for a failed or dead interaction: for one dead by
-- delivery, the delivery attempts of its dead part; else the fetch attempts.
local function attempts_shown(id, kind, attempts)
  if kind ~= 'delivery' then return tonumber(attempts) or 0 end
  local most = 0
  for _, wh in ipairs(redis.call('SMEMBERS', k('parts', id))) do
    local r = redis.call('HMGET', k('o', wh), 'state', 'attempts')
    if r[1] == 'dead' then most = math.max(most, tonumber(r[2])) end
  end
  return most
end

-- The announcement of a backend object: ARGV owner, lease timeout, host, pid, version.
local function announce(owner, timeout, host, pid, version)
  local key = k('daemon', owner)
  redis.call('HSET', key, 'host', host, 'pid', pid, 'version', version, 'seen', ms(NOW),
    'expires', ms(NOW + timeout))
  redis.call('HSETNX', key, 'started', ms(NOW))
  redis.call('PEXPIRE', key, ms(timeout))
  redis.call('SADD', k('daemons'), owner)
end
)lua";

}  // namespace

std::vector<Script> all() {
  std::vector<Script> scripts;
  for (const auto& part : {queue_scripts(), outbox_scripts(), view_scripts(), migration_scripts()}) {
    for (auto& script : part) scripts.push_back(Script{script.name, kHelpers + script.source});
  }
  return scripts;
}

}  // namespace insightd::queue::redis_scripts
