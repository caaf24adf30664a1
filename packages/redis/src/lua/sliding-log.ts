import { PRELUDE } from './prelude.js';

/**
 * The exact sliding-window log. KEYS: the log (a sorted set of `n:weight` scored by admission time in µs)
 * and its summary (a hash: `used`, `oldest` and `newest` in µs, `ow` the oldest's weight, `n`). The
 * summary answers a refused call without reading the log (TIME, HMGET: three commands with the EVALSHA);
 * the log is read only when entries expire or when the oldest entry alone does not free enough.
 * ARGV: limit, interval, weight, peek ('1'). Returns { admitted, remaining, resetMs, retryAfterMs, now } as
 * integers in thousandths (now in µs).
 */
export const SLIDING_LOG = `${PRELUDE}
local limit, intervalUs, weight = tonumber(ARGV[1]), tonumber(ARGV[2]) * 1000, tonumber(ARGV[3])
local peek = ARGV[4] == '1'
local function weightOf(member) return tonumber(string.match(member, ':(.*)$')) end
local m = redis.call('HMGET', KEYS[2], 'used', 'oldest', 'ow', 'newest', 'n')
local used, oldest, ow, newest, n = tonumber(m[1]) or 0, tonumber(m[2]), tonumber(m[3]), tonumber(m[4]), tonumber(m[5]) or 0
local dirty = false
local cutoff = d(math.floor(nowUs - intervalUs))
if oldest and oldest <= nowUs - intervalUs then
  local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', cutoff)
  for i = 1, #gone do used = used - weightOf(gone[i]) end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', cutoff)
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if #first == 0 then
    used, oldest, ow, newest = 0, nil, nil, nil
  else
    oldest, ow = tonumber(first[2]), weightOf(first[1])
  end
  dirty = true
end
local admitted = used + weight <= limit
local retryUs = 0
if admitted and not peek then
  n = n + 1
  redis.call('ZADD', KEYS[1], d(nowUs), n .. ':' .. ARGV[3])
  used = used + weight
  if not oldest then oldest, ow = nowUs, weight end
  newest = nowUs
  dirty = true
elseif not admitted then
  if used - ow + weight <= limit then
    retryUs = oldest + intervalUs - nowUs
  else
    local left, start, found = used, 0, false
    while not found do
      local batch = redis.call('ZRANGE', KEYS[1], start, start + 31, 'WITHSCORES')
      if #batch == 0 then break end
      for i = 1, #batch, 2 do
        left = left - weightOf(batch[i])
        if left + weight <= limit then
          retryUs, found = tonumber(batch[i + 1]) + intervalUs - nowUs, true
          break
        end
      end
      start = start + 32
    end
  end
end
local resetUs = 0
if newest then resetUs = newest + intervalUs - nowUs end
if dirty then
  if newest then
    redis.call('HSET', KEYS[2], 'used', tostring(used), 'oldest', d(oldest), 'ow', tostring(ow), 'newest', d(newest), 'n', n)
    local ttl = px(resetUs / 1000 + 1)
    redis.call('PEXPIRE', KEYS[1], ttl)
    redis.call('PEXPIRE', KEYS[2], ttl)
  else
    redis.call('DEL', KEYS[1], KEYS[2])
  end
end
return { admitted and 1 or 0, micro(math.max(0, limit - used)), math.floor(math.max(0, resetUs) + 0.5), math.floor(math.max(0, retryUs) + 0.5), nowUs }
`;
