import { PRELUDE } from './prelude.js';

/**
 * The approximate sliding window: two fixed windows aligned on multiples of `interval` (server time),
 * the previous one weighed by how much of it the sliding window still covers. KEYS: one hash (`w` the
 * window, `c` its weight, `p` the previous one's). A refused call writes nothing.
 * ARGV: limit, interval, weight, peek. Returns { admitted, remaining, resetMs, retryAfterMs, now } as
 * integers in thousandths (now in µs).
 */
export const SLIDING_COUNTER = `${PRELUDE}
local limit, interval, weight = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local peek = ARGV[4] == '1'
local m = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
local window = math.floor(now / interval)
local w, c, p = tonumber(m[1]), tonumber(m[2]) or 0, tonumber(m[3]) or 0
if w == window - 1 then
  p, c = c, 0
elseif w ~= window then
  p, c = 0, 0
end
local start = window * interval
local estimate = p * (interval - (now - start)) / interval + c
local admitted = estimate + weight <= limit
local retry = 0
if admitted and not peek then
  c = c + weight
  estimate = estimate + weight
  redis.call('HSET', KEYS[1], 'w', d(window), 'c', tostring(c), 'p', tostring(p))
  redis.call('PEXPIRE', KEYS[1], px(start + 2 * interval - now + 1))
elseif not admitted then
  if c + weight <= limit and p > 0 then
    retry = start + interval * (1 - (limit - c - weight) / p) - now
  else
    retry = start + interval + interval * (1 - (limit - weight) / c) - now
  end
end
local freeAt = now
if c > 0 then freeAt = start + 2 * interval elseif p > 0 then freeAt = start + interval end
return { admitted and 1 or 0, micro(math.max(0, limit - estimate)), micro(math.max(0, freeAt - now)), micro(math.max(0, retry)), nowUs }
`;
