// SPDX-License-Identifier: Apache-2.0
// `insightd migrate`: one interaction of another backend added as it was. ARGV[1]
// is always now (see scripts.hpp).
#include "scripts.hpp"

namespace insightd::queue::redis_scripts {

std::vector<Script> migration_scripts() {
  return {
      // ARGV: id, state (never in_flight), attempts, not_before, last error,
      // last status, dead kind, audit context, cycle key, retry since,
      // created_at, updated_at, then per outbox row (written order): webhook
      // id, part, parts, state, attempts, next attempt, last status, last
      // error, updated_at, body. Returns 1, or 0 (nothing written) when the
      // ID is already known here.
      {"import", R"lua(
local id, state, not_before, updated = ARGV[2], ARGV[3], ARGV[5], ARGV[13]
local first, width = 14, 10
local key = k('i', id)
if redis.call('EXISTS', key) == 1 then return 0 end
-- Checked before anything is written: a script's writes are not rolled back.
for i = first, #ARGV, width do
  if redis.call('EXISTS', k('o', ARGV[i])) == 1 then
    return redis.error_reply('the outbox already holds webhook_id ' .. ARGV[i])
  end
end
local seq = redis.call('INCR', k('seq'))  -- a pending ID joins the back of the queue
redis.call('HSET', key, 'state', state, 'seq', seq, 'attempts', ARGV[4], 'not_before', not_before, 'token', '',
  'owner', '', 'lease_expires', 0, 'last_error', ARGV[6], 'last_status', ARGV[7], 'dead_kind', ARGV[8],
  'audit', ARGV[9], 'cycle_key', ARGV[10], 'retry_since', ARGV[11], 'delivered_parts', 0,
  'created_at', ARGV[12], 'updated_at', updated)
-- As set_state, but the interaction keeps the time it got there.
redis.call('HINCRBY', COUNTS, state, 1)
if FINISHED[state] then
  redis.call('ZADD', k('settled'), updated, id)
  if state ~= 'done' then redis.call('ZADD', k('failures'), updated, id) end
  if state == 'dead' then redis.call('ZADD', k('dead'), updated, id) end
end
if state == 'pending' then place_pending(id, seq, not_before) end
if state == 'done' then
  -- A done interaction keeps only the number of its parts (as 'delivered' leaves it).
  redis.call('HSET', key, 'delivered_parts', math.floor((#ARGV - first + 1) / width))
  return 1
end
for i = first, #ARGV, width do
  local wh, row_state, next_attempt = ARGV[i], ARGV[i + 3], ARGV[i + 5]
  local row = k('o', wh)
  local row_seq = redis.call('INCR', k('seq'))
  redis.call('HSET', row, 'interaction', id, 'part', ARGV[i + 1], 'parts', ARGV[i + 2], 'state', row_state,
    'attempts', ARGV[i + 4], 'seq', row_seq, 'next_attempt', next_attempt, 'token', '', 'owner', '',
    'last_status', ARGV[i + 6], 'last_error', ARGV[i + 7], 'updated_at', ARGV[i + 8])
  if row_state ~= 'done' then redis.call('HSET', row, 'body', ARGV[i + 9]) end
  if row_state == 'pending' then
    redis.call('ZADD', DUE, next_attempt, outbox_member(row_seq, wh))
    redis.call('HINCRBY', COUNTS, 'outbox_pending', 1)
  end
  redis.call('SADD', k('parts', id), wh)
end
return 1
)lua"},
  };
}

}  // namespace insightd::queue::redis_scripts
