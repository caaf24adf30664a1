import { PRELUDE } from './prelude.js';

/**
 * The exact sliding-window log. KEYS: the log (a sorted set of `n:weight` scored by admission time) and
 * its summary (a hash: `used`, `oldest`, `ow` the oldest's weight, `newest`, `n`). The summary answers a
 * refused call without reading the log (TIME, HMGET: three commands with the EVALSHA); the log is read
 * only when entries expire or when the oldest entry alone does not free enough.
 * ARGV: limit, interval, weight, peek ('1'). Returns { admitted, remaining, resetMs, retryAfterMs, now } as integers in thousandths (now in µs):
 * integer replies cost the server less than formatted numbers.
 */
export const SLIDING_LOG = `${PRELUDE}
local limit, interval, weight = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local peek = ARGV[4] == '1'
local function weightOf(member) return tonumber(string.match(member, ':(.*)$')) end
local m = redis.call('HMGET', KEYS[2], 'used', 'oldest', 'ow', 'newest', 'n')
local used, oldest, ow, newest, n = tonumber(m[1]) or 0, tonumber(m[2]), tonumber(m[3]), tonumber(m[4]), tonumber(m[5]) or 0
local dirty = false
local cutoff = now - interval
if oldest and oldest <= cutoff then
  local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', f(cutoff))
  for i = 1, #gone do used = used - weightOf(gone[i]) end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', f(cutoff))
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if #first == 0 then
    used, oldest, ow, newest = 0, nil, nil, nil
  else
    oldest, ow = tonumber(first[2]), weightOf(first[1])
  end
  dirty = true
end
local admitted = used + weight <= limit
local retry = 0
if admitted and not peek then
  n = n + 1
  redis.call('ZADD', KEYS[1], f(now), n .. ':' .. ARGV[3])
  used = used + weight
  if not oldest then oldest, ow = now, weight end
  newest = now
  dirty = true
elseif not admitted then
  if used - ow + weight <= limit then
    retry = oldest + interval - now
  else
    local left, start, found = used, 0, false
    while not found do
      local batch = redis.call('ZRANGE', KEYS[1], start, start + 31, 'WITHSCORES')
      if #batch == 0 then break end
      for i = 1, #batch, 2 do
        left = left - weightOf(batch[i])
        if left + weight <= limit then
          retry, found = tonumber(batch[i + 1]) + interval - now, true
          break
        end
      end
      start = start + 32
    end
  end
end
if dirty then
  if newest then
    redis.call('HSET', KEYS[2], 'used', f(used), 'oldest', f(oldest), 'ow', f(ow), 'newest', f(newest), 'n', n)
    local ttl = px(newest + interval - now + 1)
    redis.call('PEXPIRE', KEYS[1], ttl)
    redis.call('PEXPIRE', KEYS[2], ttl)
  else
    redis.call('DEL', KEYS[1], KEYS[2])
  end
end
local reset = 0
if newest then reset = newest + interval - now end
return { admitted and 1 or 0, micro(math.max(0, limit - used)), micro(math.max(0, reset)), micro(math.max(0, retry)), tonumber(clock[1]) * 1000000 + tonumber(clock[2]) }
`;
