import { PRELUDE } from './prelude.js';

/**
 * What every semaphore script shares. KEYS: 1 holders (token → lease end, µs), 2 queue (token → ticket, so
 * the lowest ticket is the head), 3 queued waiters' lease ends, 4 per-token `weight:ticket:fence`, 5 the
 * summary (`used`, `ticket`, `fence`). Tickets and fences are max(last + 1, server time in µs): they grow
 * even after every key expired. Expired holders and waiters are dropped first; grants are published on
 * the channel (ARGV[1]) as the label (ARGV[2], `<length>:<name>`) then `token=fence,…`. Every key expires
 * with the latest lease in it.
 */
const SEMAPHORE_PRELUDE = `${PRELUDE}
local channel, label = ARGV[1], ARGV[2]
local function info(token)
  local s = redis.call('HGET', KEYS[4], token)
  if not s then return nil end
  local w, ticket, fence = string.match(s, '^([^:]*):([^:]*):([^:]*)$')
  return tonumber(w), tonumber(ticket), tonumber(fence)
end
local function counter(name)
  local value = math.max((tonumber(redis.call('HGET', KEYS[5], name)) or 0) + 1, nowUs)
  redis.call('HSET', KEYS[5], name, d(value))
  return value
end
local used = tonumber(redis.call('HGET', KEYS[5], 'used')) or 0
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', d(nowUs))
for i = 1, #gone do
  local w = info(gone[i])
  if w then used = used - w end
  redis.call('HDEL', KEYS[4], gone[i])
end
if #gone > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', d(nowUs)) end
local late = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', d(nowUs))
for i = 1, #late do
  redis.call('ZREM', KEYS[2], late[i])
  redis.call('HDEL', KEYS[4], late[i])
end
if #late > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', d(nowUs)) end
if redis.call('EXISTS', KEYS[1]) == 0 then used = 0 end
local announced = ''
local function grant(permits)
  local granted = {}
  while true do
    local head = redis.call('ZRANGE', KEYS[2], 0, 0)
    if #head == 0 then break end
    local token = head[1]
    local w, ticket = info(token)
    if used + w > permits then break end
    local fence = counter('fence')
    local ends = redis.call('ZSCORE', KEYS[3], token)
    redis.call('ZREM', KEYS[2], token)
    redis.call('ZREM', KEYS[3], token)
    redis.call('ZADD', KEYS[1], ends, token)
    redis.call('HSET', KEYS[4], token, tostring(w) .. ':' .. d(ticket) .. ':' .. d(fence))
    used = used + w
    granted[#granted + 1] = token .. '=' .. d(fence)
  end
  if #granted > 0 then
    announced = table.concat(granted, ',')
    redis.call('PUBLISH', channel, label .. announced)
  end
end
-- Saves the count; when a lease was set or extended (leaseEnd), every key lives until the latest lease
-- ends (kept in the summary, so no scan), plus a second.
local function finish(leaseEnd)
  if redis.call('EXISTS', KEYS[1], KEYS[2]) == 0 then
    redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
    redis.call('HDEL', KEYS[5], 'used')
  else
    redis.call('HSET', KEYS[5], 'used', tostring(used))
  end
  if leaseEnd then
    local latest = math.max(tonumber(redis.call('HGET', KEYS[5], 'latest')) or 0, leaseEnd)
    redis.call('HSET', KEYS[5], 'latest', d(latest))
    local ttl = px((latest - nowUs) / 1000 + 1000)
    for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ttl) end
  end
end
-- The token's standing, and the grants this call made (so the caller can tell its own waiters at once).
local function answer(token, leaseEnd)
  local w, ticket, fence = info(token)
  local held = redis.call('ZSCORE', KEYS[1], token)
  finish(leaseEnd)
  if held then return { 1, d(fence), d(ticket), announced } end
  return { 0, '0', d(ticket or 0), announced }
end
`;

/** ARGV: channel, label, token, weight, permits, leaseMs. Queues (or refreshes) the token, grants, answers. */
export const SEMAPHORE_ACQUIRE = `${SEMAPHORE_PRELUDE}
local token, weight, permits, lease = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if redis.call('ZSCORE', KEYS[1], token) then
  redis.call('ZADD', KEYS[1], d(nowUs + lease * 1000), token)
elseif redis.call('ZSCORE', KEYS[2], token) then
  redis.call('ZADD', KEYS[3], d(nowUs + lease * 1000), token)
else
  local ticket = counter('ticket')
  redis.call('ZADD', KEYS[2], d(ticket), token)
  redis.call('ZADD', KEYS[3], d(nowUs + lease * 1000), token)
  redis.call('HSET', KEYS[4], token, tostring(weight) .. ':' .. d(ticket) .. ':0')
end
grant(permits)
return answer(token, nowUs + lease * 1000)
`;

/** ARGV: channel, label, token, weight, permits, leaseMs. Grants only when it fits now and nobody is queued. */
export const SEMAPHORE_TRY_ACQUIRE = `${SEMAPHORE_PRELUDE}
local token, weight, permits, lease = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
if not redis.call('ZSCORE', KEYS[1], token) and redis.call('ZCARD', KEYS[2]) == 0 and used + weight <= permits then
  local ticket, fence = counter('ticket'), counter('fence')
  redis.call('ZADD', KEYS[1], d(nowUs + lease * 1000), token)
  redis.call('HSET', KEYS[4], token, tostring(weight) .. ':' .. d(ticket) .. ':' .. d(fence))
  used = used + weight
end
grant(permits)
return answer(token, nowUs + lease * 1000)
`;

/** ARGV: channel, label, token, leaseMs, permits. Returns { 1 when the token still held (lease extended), grants }. */
export const SEMAPHORE_RENEW = `${SEMAPHORE_PRELUDE}
local token, lease, permits = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local held = redis.call('ZSCORE', KEYS[1], token)
if held then redis.call('ZADD', KEYS[1], d(nowUs + lease * 1000), token) end
grant(permits)
if held then
  finish(nowUs + lease * 1000)
  return { 1, announced }
end
finish(nil)
return { 0, announced }
`;

/** ARGV: channel, label, token, permits. Frees the token's permits (or its place in the queue), grants. */
export const SEMAPHORE_RELEASE = `${SEMAPHORE_PRELUDE}
local token, permits = ARGV[3], tonumber(ARGV[4])
local held = redis.call('ZSCORE', KEYS[1], token)
if held then
  local w = info(token)
  used = used - w
  redis.call('ZREM', KEYS[1], token)
else
  redis.call('ZREM', KEYS[2], token)
  redis.call('ZREM', KEYS[3], token)
end
redis.call('HDEL', KEYS[4], token)
grant(permits)
finish(nil)
if held then return { 1, announced } end
return { 0, announced }
`;
