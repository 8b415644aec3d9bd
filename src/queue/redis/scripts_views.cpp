// SPDX-License-Identifier: Apache-2.0
// Read-only views (one script each, so each sees one consistent state) and
// the daemons' announcements. ARGV[1] is always now (see scripts.hpp).
#include "scripts.hpp"

namespace insightd::queue::redis_scripts {

std::vector<Script> view_scripts() {
  return {
      // ARGV: owner, lease timeout ms, host, pid, version. Returns 1.
      {"announce", R"lua(
announce(ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5], ARGV[6])
return 1
)lua"},

      // Returns {owner, host, pid, version, started, last seen, expires, fetch
      // leases, delivery leases} per daemon whose announcement has not expired.
      {"live_daemons", R"lua(
local out = {}
for _, owner in ipairs(redis.call('SMEMBERS', k('daemons'))) do
  local d = redis.call('HMGET', k('daemon', owner), 'host', 'pid', 'version', 'started', 'expires', 'seen')
  if not d[1] then
    redis.call('SREM', k('daemons'), owner)  -- its key expired: it is gone
  elseif tonumber(d[5]) > NOW then
    local fetch, deliveries = 0, 0
    for _, id in ipairs(redis.call('SMEMBERS', k('owner', owner, 'fetch'))) do
      local r = redis.call('HMGET', k('i', id), 'state', 'owner')
      if r[1] == 'in_flight' and r[2] == owner then fetch = fetch + 1 end
    end
    for _, wh in ipairs(redis.call('SMEMBERS', k('owner', owner, 'deliveries'))) do
      local r = redis.call('HMGET', k('o', wh), 'state', 'owner')
      if r[1] == 'pending' and r[2] == owner then deliveries = deliveries + 1 end
    end
    out[#out + 1] = {owner, d[1], tonumber(d[2]), d[3], tonumber(d[4]), tonumber(d[6]) or tonumber(d[4]),
      tonumber(d[5]), fetch, deliveries}
  end
end
return out
)lua"},

      // Returns {fetch leases, delivery leases} not expired, whoever holds them.
      {"leases_held", R"lua(
local deliveries = 0
-- A leased row's score is its lease deadline; a row waiting for a retry has no token.
for _, member in ipairs(redis.call('ZRANGEBYSCORE', DUE, '(' .. ms(NOW), '+inf')) do
  if redis.call('HGET', k('o', webhook_of(member)), 'token') ~= '' then deliveries = deliveries + 1 end
end
return {redis.call('ZCOUNT', k('leased'), '(' .. ms(NOW), '+inf'), deliveries}
)lua"},

      // ARGV: horizon ms. Pending IDs not due within it.
      {"count_parked", R"lua(
return redis.call('ZCOUNT', k('waiting'), '(' .. ms(NOW + tonumber(ARGV[2])), '+inf')
)lua"},

      // Returns {id, updated_at, attempts, last status, last error, kind} per
      // dead interaction, oldest first.
      {"dead_letters", R"lua(
local out = {}
for _, id in ipairs(redis.call('ZRANGE', k('dead'), 0, -1)) do
  local r = redis.call('HMGET', k('i', id), 'updated_at', 'attempts', 'last_status', 'last_error', 'dead_kind')
  out[#out + 1] = {id, tonumber(r[1]), attempts_shown(id, r[5], r[2]), tonumber(r[3]), r[4], r[5]}
end
return out
)lua"},

      // ARGV: limit. Returns {id, state, kind, attempts, last status, last
      // error, updated_at, audit context} per failed or dead interaction,
      // newest first (ties by ID).
      {"recent_failures", R"lua(
local limit = tonumber(ARGV[2])
local out = {}
local below = '+inf'
while #out < limit do
  local newest = redis.call('ZREVRANGEBYSCORE', k('failures'), below, '-inf', 'WITHSCORES', 'LIMIT', 0, 1)
  if #newest == 0 then break end
  local score = newest[2]
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', k('failures'), score, score)) do
    if #out >= limit then break end
    local r = redis.call('HMGET', k('i', id), 'state', 'dead_kind', 'attempts', 'last_status', 'last_error',
      'updated_at', 'audit')
    out[#out + 1] = {id, r[1], r[2], attempts_shown(id, r[2], r[3]), tonumber(r[4]), r[5], tonumber(r[6]), r[7]}
  end
  below = '(' .. score
end
return out
)lua"},

      // ARGV: minutes (> 0). Returns {done, failed or dead} per clock minute,
      // oldest first, flattened.
      {"settled_per_minute", R"lua(
local minutes = tonumber(ARGV[2])
local start = math.floor(NOW / 60000) * 60000 - (minutes - 1) * 60000
local out = {}
for i = 1, 2 * minutes do out[i] = 0 end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', k('settled'), ms(start), '+inf')) do
  local r = redis.call('HMGET', k('i', id), 'state', 'updated_at')
  local index = math.floor((tonumber(r[2]) - start) / 60000)
  if index < minutes then  -- else updated "in the future": the clock stepped back
    local slot = 2 * index + (r[1] == 'done' and 1 or 2)
    out[slot] = out[slot] + 1
  end
end
return out
)lua"},

      // ARGV: id. Returns {state, attempts, last error, updated_at, outbox rows
      // (those of a done interaction are counted, not kept)} or nil.
      {"interaction", R"lua(
local r = redis.call('HMGET', k('i', ARGV[2]), 'state', 'attempts', 'last_error', 'updated_at', 'delivered_parts')
if not r[1] then return false end
local parts = redis.call('SCARD', k('parts', ARGV[2])) + (tonumber(r[5]) or 0)
return {r[1], tonumber(r[2]), r[3], tonumber(r[4]), parts}
)lua"},
  };
}

}  // namespace insightd::queue::redis_scripts
