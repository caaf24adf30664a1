import { PRELUDE } from './prelude.js';

/**
 * GCRA, a token bucket of `limit` refilled over `interval`: KEYS is one string holding the theoretical
 * arrival time (server milliseconds), expiring when the bucket is full again. A refused call writes
 * nothing. ARGV: limit, interval, weight, peek. Returns { admitted, remaining, resetMs, retryAfterMs, now } as integers in thousandths (now in µs):
 * integer replies cost the server less than formatted numbers.
 */
export const GCRA = `${PRELUDE}
local limit, interval, weight = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local peek = ARGV[4] == '1'
local emission = interval / limit
local tat = tonumber(redis.call('GET', KEYS[1])) or now
local base = math.max(tat, now)
-- How far ahead of now the bucket would be; it fits within interval, give or take float rounding.
local ahead = base - now + weight * emission
local admitted = ahead <= interval * (1 + 1e-12)
if admitted and not peek then
  tat = base + weight * emission
  redis.call('SET', KEYS[1], f(tat), 'PX', px(tat - now + 1))
end
local current = math.max(tat, now)
local retry = 0
if not admitted then retry = ahead - interval end
return { admitted and 1 or 0, micro(math.max(0, (interval - (current - now)) / emission)), micro(current - now), micro(retry), tonumber(clock[1]) * 1000000 + tonumber(clock[2]) }
`;
