import { PRELUDE } from './prelude.js';

/**
 * GCRA, a token bucket of `limit` refilled over `interval`: KEYS is one string holding the theoretical
 * arrival time (server milliseconds), expiring when the bucket is full again. A refused call writes
 * nothing. ARGV: limit, interval, weight, peek. Returns { admitted, remaining, resetMs, retryAfterMs }.
 */
export const GCRA = `${PRELUDE}
local limit, interval, weight = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local peek = ARGV[4] == '1'
local emission = interval / limit
local tat = tonumber(redis.call('GET', KEYS[1])) or now
local nextTat = math.max(tat, now) + weight * emission
local allowAt = nextTat - interval
local admitted = allowAt <= now
if admitted and not peek then
  tat = nextTat
  redis.call('SET', KEYS[1], f(nextTat), 'PX', px(nextTat - now + 1))
end
local current = math.max(tat, now)
local retry = 0
if not admitted then retry = allowAt - now end
return { admitted and 1 or 0, f(math.max(0, (interval - (current - now)) / emission)), f(current - now), f(retry) }
`;
