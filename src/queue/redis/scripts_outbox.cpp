// SPDX-License-Identifier: Apache-2.0
// The outbox's transitions and replay. ARGV[1] is always now (see scripts.hpp).
#include "scripts.hpp"

namespace insightd::queue::redis_scripts {

std::vector<Script> outbox_scripts() {
  return {
      // ARGV: owner, token base, max, lease timeout ms, settings field that
      // holds deliveries. Returns {webhook id, interaction, part, parts, body,
      // attempts, token} per row.
      {"lease_deliveries", R"lua(
local owner, base, max, timeout, held = ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
local out = {}
if max <= 0 or redis.call('HEXISTS', k('settings'), held) == 1 then return out end
-- A leased row is due again at its lease expiry: one whose holder died comes back.
local expires = NOW + timeout
for n, member in ipairs(redis.call('ZRANGEBYSCORE', DUE, '-inf', ms(NOW), 'LIMIT', 0, max)) do
  local wh = webhook_of(member)
  local row = k('o', wh)
  local r = redis.call('HMGET', row, 'owner', 'interaction', 'part', 'parts', 'body', 'attempts')
  if r[1] ~= '' and r[1] ~= owner then redis.call('SREM', k('owner', r[1], 'deliveries'), wh) end
  local token = base .. '.' .. n
  redis.call('HSET', row, 'token', token, 'owner', owner, 'next_attempt', ms(expires), 'updated_at', ms(NOW))
  redis.call('ZADD', DUE, ms(expires), member)
  redis.call('SADD', k('owner', owner, 'deliveries'), wh)
  out[#out + 1] = {wh, r[2], tonumber(r[3]), tonumber(r[4]), r[5], tonumber(r[6]), token}
end
return out
)lua"},

      // ARGV: webhook id, HTTP status. Row done whatever happened to its lease
      // (the CRM has it); its body is dropped. Returns {id, 'done', audit
      // context} when that was the interaction's last undelivered part, else nil.
      {"delivered", R"lua(
local wh, status = ARGV[2], ARGV[3]
local row = k('o', wh)
local r = redis.call('HMGET', row, 'state', 'seq', 'owner', 'interaction')
if r[1] ~= 'pending' then return false end
record_attempt(wh, r[2], r[3], 'done', status, '')
redis.call('HDEL', row, 'body')
local id = r[4]
local i = redis.call('HMGET', k('i', id), 'state', 'audit')
if i[1] ~= 'delivering' then return false end
local parts = redis.call('SMEMBERS', k('parts', id))
for _, other in ipairs(parts) do
  if redis.call('HGET', k('o', other), 'state') ~= 'done' then return false end
end
-- A done interaction keeps only the number of its parts: its delivered rows
-- (a kilobyte each in memory) are dropped.
for _, other in ipairs(parts) do redis.call('DEL', k('o', other)) end
redis.call('DEL', k('parts', id))
redis.call('HSET', k('i', id), 'delivered_parts', #parts)
set_state(id, 'delivering', 'done')
return {id, 'done', i[2]}
)lua"},

      // ARGV: webhook id, token, delay ms until the next attempt, HTTP status,
      // error. attempts+1, due again then. Returns 0 for a stale token.
      {"retry_delivery", R"lua(
local wh, token, delay, status, err = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6]
local row = k('o', wh)
local r = redis.call('HMGET', row, 'state', 'token', 'seq', 'owner')
if r[1] ~= 'pending' or token == '' or r[2] ~= token then return 0 end
record_attempt(wh, r[3], r[4], 'pending', status, err, NOW + delay)
return 1
)lua"},

      // ARGV: webhook id, token, HTTP status, error. Row dead, interaction dead
      // (kind "delivery"). Returns {id, 'dead', audit context} when the
      // interaction changed state, else nil (also for a stale token).
      {"dead_letter_delivery", R"lua(
local wh, token, status, err = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local row = k('o', wh)
local r = redis.call('HMGET', row, 'state', 'token', 'seq', 'owner', 'interaction')
if r[1] ~= 'pending' or token == '' or r[2] ~= token then return false end
record_attempt(wh, r[3], r[4], 'dead', status, err)
local id = r[5]
local i = redis.call('HMGET', k('i', id), 'state', 'audit')
if i[1] ~= 'delivering' then return false end
redis.call('HSET', k('i', id), 'dead_kind', 'delivery', 'last_status', status, 'last_error', err)
set_state(id, 'delivering', 'dead')
return {id, 'dead', i[2]}
)lua"},

      // ARGV: all ('1': every dead interaction, oldest first), then IDs. A dead
      // interaction with dead outbox rows gets them re-armed (attempts reset,
      // same webhook ids) and is delivering again; one without is fetched
      // again. Returns how many were re-queued.
      {"replay", R"lua(
local function replay_one(id)
  local key = k('i', id)
  if redis.call('HGET', key, 'state') ~= 'dead' then return 0 end
  local rearmed = 0
  for _, wh in ipairs(redis.call('SMEMBERS', k('parts', id))) do
    local row = k('o', wh)
    local r = redis.call('HMGET', row, 'state', 'seq')
    if r[1] == 'dead' then
      redis.call('HSET', row, 'state', 'pending', 'attempts', 0, 'next_attempt', ms(NOW), 'token', '',
        'owner', '', 'last_status', 0, 'last_error', '', 'updated_at', ms(NOW))
      redis.call('ZADD', DUE, ms(NOW), outbox_member(r[2], wh))
      redis.call('HINCRBY', COUNTS, 'outbox_pending', 1)
      rearmed = rearmed + 1
    end
  end
  if rearmed > 0 then
    redis.call('HSET', key, 'last_error', '', 'last_status', 0, 'dead_kind', '')
    set_state(id, 'dead', 'delivering')
    return 1
  end
  -- Nothing to redeliver (e.g. blocked by governance): fetch it again.
  drop_parts(id)
  local seq = redis.call('INCR', k('seq'))
  redis.call('HSET', key, 'seq', seq, 'attempts', 0, 'not_before', 0, 'last_error', '', 'last_status', 0,
    'dead_kind', '', 'audit', '', 'retry_since', 0, 'delivered_parts', 0)
  set_state(id, 'dead', 'pending')
  place_pending(id, seq, 0)
  return 1
end
local replayed = 0
if ARGV[2] == '1' then
  for _, id in ipairs(redis.call('ZRANGE', k('dead'), 0, -1)) do replayed = replayed + replay_one(id) end
else
  for i = 3, #ARGV do replayed = replayed + replay_one(ARGV[i]) end
end
return replayed
)lua"},
  };
}

}  // namespace insightd::queue::redis_scripts
