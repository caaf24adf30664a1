import { PRELUDE } from './prelude.js';

/**
 * GCRA, a token bucket of `limit` refilled over `interval`: KEYS is one string holding the theoretical
 * arrival time (server µs, with its fraction), expiring when the bucket is full again. A refused call writes
 * nothing. ARGV: limit, interval, weight, peek. Returns { admitted, remaining, resetMs, retryAfterMs, now }
 * as integers in thousandths (now in µs).
 */
export const GCRA = `${PRELUDE}
local limit, intervalUs, weight = tonumber(ARGV[1]), tonumber(ARGV[2]) * 1000, tonumber(ARGV[3])
local peek = ARGV[4] == '1'
local emission = intervalUs / limit
local tat = tonumber(redis.call('GET', KEYS[1])) or nowUs
local base = math.max(tat, nowUs)
-- How far ahead of now the bucket would be; it fits within interval, give or take float rounding.
local ahead = base - nowUs + weight * emission
local admitted = ahead <= intervalUs * (1 + 1e-12)
if admitted and not peek then
  tat = base + weight * emission
  -- Fractions of a µs matter (a limit of 1e9 per second is 0.001 µs per unit): all 17 digits are kept.
  redis.call('SET', KEYS[1], string.format('%.17g', tat), 'PX', px((tat - nowUs) / 1000 + 1))
end
local current = math.max(tat, nowUs)
local retry = 0
if not admitted then retry = ahead - intervalUs end
return { admitted and 1 or 0, micro(math.max(0, (intervalUs - (current - nowUs)) / emission)), math.floor(current - nowUs + 0.5), math.floor(retry + 0.5), nowUs }
`;
