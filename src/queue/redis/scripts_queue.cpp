// SPDX-License-Identifier: Apache-2.0
// The work queue's transitions. ARGV[1] is always now (see scripts.hpp).
#include "scripts.hpp"

namespace insightd::queue::redis_scripts {

std::vector<Script> queue_scripts() {
  return {
      // ARGV: delay ms, requeue finished ('1'/'0'), then (id, new cycle key) pairs.
      // Returns {added, duplicates}.
      {"enqueue", R"lua(
local delay, requeue = tonumber(ARGV[2]), ARGV[3] == '1'
local added, duplicates = 0, 0
for i = 4, #ARGV, 2 do
  local id, cycle = ARGV[i], ARGV[i + 1]
  local key = k('i', id)
  local state = redis.call('HGET', key, 'state')
  if state and (not FINISHED[state] or not requeue) then
    duplicates = duplicates + 1
  else
    -- A finished ID starts a new cycle; its previous result is refetched.
    if state then drop_parts(id) else redis.call('HSET', key, 'created_at', ms(NOW)) end
    local seq = redis.call('INCR', k('seq'))
    local not_before = NOW + delay
    redis.call('HSET', key, 'seq', seq, 'attempts', 0, 'not_before', ms(not_before), 'token', '', 'owner', '',
      'lease_expires', 0, 'last_error', '', 'last_status', 0, 'dead_kind', '', 'audit', '',
      'cycle_key', cycle, 'retry_since', 0, 'delivered_parts', 0)
    set_state(id, state or nil, 'pending')
    place_pending(id, seq, not_before)
    added = added + 1
  end
end
return {added, duplicates}
)lua"},

      // ARGV: owner, token base, max, lease timeout ms.
      // Returns {id, token, attempt, cycle key, retrying since} per lease.
      {"lease", R"lua(
local owner, base, max, timeout = ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
-- A lease whose holder died (or hung) past the timeout comes back keeping its
-- queue position, so it is taken first.
for _, id in ipairs(redis.call('ZRANGEBYSCORE', k('leased'), '-inf', ms(NOW))) do
  local r = redis.call('HMGET', k('i', id), 'owner', 'seq', 'not_before')
  end_lease(id, r[1])
  redis.call('HSET', k('i', id), 'last_error', 'lease expired')
  set_state(id, 'in_flight', 'pending')
  place_pending(id, r[2], r[3])
end
-- IDs whose not_before has passed join the ready ones (bounded: a script
-- blocks the server while it runs; the rest follow on the next call).
for _, id in ipairs(redis.call('ZRANGEBYSCORE', k('waiting'), '-inf', ms(NOW), 'LIMIT', 0, 10000)) do
  redis.call('ZADD', k('ready'), redis.call('HGET', k('i', id), 'seq'), id)
  redis.call('ZREM', k('waiting'), id)
end
local out = {}
if max <= 0 then return out end
local expires = NOW + timeout
for n, id in ipairs(redis.call('ZRANGE', k('ready'), 0, max - 1)) do
  local key = k('i', id)
  local token = base .. '.' .. n
  local attempt = redis.call('HINCRBY', key, 'attempts', 1)
  set_state(id, 'pending', 'in_flight', {'token', token, 'owner', owner, 'lease_expires', ms(expires)})
  redis.call('ZREM', k('ready'), id)
  redis.call('ZADD', k('leased'), ms(expires), id)
  redis.call('SADD', k('owner', owner, 'fetch'), id)
  local r = redis.call('HMGET', key, 'cycle_key', 'retry_since')
  out[#out + 1] = {id, token, attempt, r[1], tonumber(r[2])}
end
return out
)lua"},

      // ARGV: id, token, audit context, owner, token of the attempted first row
      // ('' for plain complete), lease timeout ms, then (webhook id, part,
      // parts, body) per message. Returns 1, or 0 when the lease is not current.
      {"complete", R"lua(
local id, token, audit, owner, attempted, timeout =
  ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], tonumber(ARGV[7])
local first = 8
local holder = leased_by(id, token)
if not holder then return 0 end
-- Checked before anything is written: a script's writes are not rolled back.
local seen = {}
for i = first, #ARGV, 4 do
  local wh = ARGV[i]
  if seen[wh] or redis.call('EXISTS', k('o', wh)) == 1 then
    return redis.error_reply('the outbox already holds webhook_id ' .. wh)
  end
  seen[wh] = true
end
local fields = end_lease_fields(id, holder)
for _, v in ipairs({'last_error', '', 'audit', audit}) do fields[#fields + 1] = v end
set_state(id, 'in_flight', #ARGV >= first and 'delivering' or 'done', fields)
for i = first, #ARGV, 4 do
  local wh = ARGV[i]
  local seq = redis.call('INCR', k('seq'))
  local due, row_token, row_owner = NOW, '', ''
  if i == first and attempted ~= '' then
    -- Leased to the caller, as lease_deliveries would: it records the attempt it made.
    due, row_token, row_owner = NOW + timeout, attempted, owner
    redis.call('SADD', k('owner', owner, 'deliveries'), wh)
  end
  redis.call('HSET', k('o', wh), 'interaction', id, 'part', ARGV[i + 1], 'parts', ARGV[i + 2],
    'body', ARGV[i + 3], 'state', 'pending', 'attempts', 0, 'seq', seq, 'next_attempt', ms(due),
    'token', row_token, 'owner', row_owner, 'last_status', 0, 'last_error', '', 'updated_at', ms(NOW))
  redis.call('ZADD', DUE, ms(due), outbox_member(seq, wh))
  redis.call('SADD', k('parts', id), wh)
  redis.call('HINCRBY', COUNTS, 'outbox_pending', 1)
end
return 1
)lua"},

      // ARGV: id, token, reason. -> failed (permanent). Returns 1, or 0 for a stale token.
      {"fail", R"lua(
local id, token, reason = ARGV[2], ARGV[3], ARGV[4]
local holder = leased_by(id, token)
if not holder then return 0 end
end_lease(id, holder)
redis.call('HSET', k('i', id), 'last_error', reason)
set_state(id, 'in_flight', 'failed')
return 1
)lua"},

      // ARGV: id, token, kind, reason. -> dead, no outbox. Returns 1, or 0 for a stale token.
      {"dead_letter", R"lua(
local id, token, kind, reason = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local holder = leased_by(id, token)
if not holder then return 0 end
end_lease(id, holder)
redis.call('HSET', k('i', id), 'dead_kind', kind, 'last_error', reason, 'last_status', 0)
set_state(id, 'in_flight', 'dead')
return 1
)lua"},

      // ARGV: id, token, delay ms, reason. -> pending, due after the delay; starts
      // the cycle's retry clock if it was not running. Returns 1, or 0 for a stale token.
      {"release", R"lua(
local id, token, delay, reason = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local holder = leased_by(id, token)
if not holder then return 0 end
local key = k('i', id)
end_lease(id, holder)
local not_before = NOW + delay
redis.call('HSET', key, 'not_before', ms(not_before), 'last_error', reason)
if tonumber(redis.call('HGET', key, 'retry_since')) == 0 then redis.call('HSET', key, 'retry_since', ms(NOW)) end
set_state(id, 'in_flight', 'pending')
place_pending(id, redis.call('HGET', key, 'seq'), not_before)
return 1
)lua"},

      // ARGV: owner, lease timeout ms, host, pid, version, n, then n interaction
      // IDs and the webhook ids: the leases the owner's process knows it holds
      // get a full timeout again (not every lease in its sets: a lease whose
      // reply was lost on the way must expire), and its announcement is
      // refreshed. Returns the fetch leases renewed.
      {"renew", R"lua(
local owner, timeout = ARGV[2], tonumber(ARGV[3])
local renewed_until = NOW + timeout
local renewed = 0
local fetch = k('owner', owner, 'fetch')
local n = tonumber(ARGV[7])
for i = 8, 7 + n do
  local id = ARGV[i]
  local r = redis.call('HMGET', k('i', id), 'state', 'owner', 'lease_expires')
  if r[1] == 'in_flight' and r[2] == owner then
    if tonumber(r[3]) < renewed_until then
      redis.call('HSET', k('i', id), 'lease_expires', ms(renewed_until))
      redis.call('ZADD', k('leased'), ms(renewed_until), id)
      renewed = renewed + 1
    end
  else
    redis.call('SREM', fetch, id)  -- finished, or taken over after it expired
  end
end
-- A leased outbox row is due again at its lease expiry.
local deliveries = k('owner', owner, 'deliveries')
for i = 8 + n, #ARGV do
  local wh = ARGV[i]
  local r = redis.call('HMGET', k('o', wh), 'state', 'owner', 'next_attempt', 'seq')
  if r[1] == 'pending' and r[2] == owner then
    if tonumber(r[3]) < renewed_until then
      redis.call('HSET', k('o', wh), 'next_attempt', ms(renewed_until))
      redis.call('ZADD', DUE, ms(renewed_until), outbox_member(r[4], wh))
    end
  else
    redis.call('SREM', deliveries, wh)
  end
end
announce(owner, timeout, ARGV[4], ARGV[5], ARGV[6])
return renewed
)lua"},

      // ARGV: owner. Shutdown: its fetch leases -> pending, its delivery leases
      // due at once. Returns the interactions returned.
      {"return_all", R"lua(
local owner = ARGV[2]
local returned = 0
local fetch = k('owner', owner, 'fetch')
for _, id in ipairs(redis.call('SMEMBERS', fetch)) do
  local r = redis.call('HMGET', k('i', id), 'state', 'owner', 'seq', 'not_before')
  if r[1] == 'in_flight' and r[2] == owner then
    end_lease(id, owner)
    redis.call('HSET', k('i', id), 'last_error', 'returned at shutdown')
    set_state(id, 'in_flight', 'pending')
    place_pending(id, r[3], r[4])
    returned = returned + 1
  end
end
redis.call('DEL', fetch)
local deliveries = k('owner', owner, 'deliveries')
for _, wh in ipairs(redis.call('SMEMBERS', deliveries)) do
  local r = redis.call('HMGET', k('o', wh), 'state', 'owner', 'seq')
  if r[1] == 'pending' and r[2] == owner then
    redis.call('HSET', k('o', wh), 'token', '', 'owner', '', 'next_attempt', ms(NOW), 'updated_at', ms(NOW))
    redis.call('ZADD', DUE, ms(NOW), outbox_member(r[3], wh))
  end
end
redis.call('DEL', deliveries)
return returned
)lua"},
  };
}

}  // namespace insightd::queue::redis_scripts
