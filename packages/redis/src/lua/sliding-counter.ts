import { limitGroups } from './limit-groups.js';

/**
 * The approximate sliding window: two fixed windows aligned on multiples of `interval` (server time), the
 * previous one weighed by how much of it the sliding window still covers. KEYS: one hash (`w` the window,
 * `c` its weight, `p` the previous one's), expiring when the window after the current one ends: its TTL
 * is set once a window, when the window starts. A refused call writes nothing.
 * ARGV: limit, interval, weight, peek ('1'), count (how many such requests, decided one after the other:
 * the concurrent calls of one process on one limit, sent together). Returns { admitted, remaining, resetMs,
 * retryAfterMs } for each request, then now, as integers in thousandths (now in µs); this for each group of
 * `limitGroups()` (the calls of one process on other limits, sent in the same run, on one reading of TIME).
 */
export const SLIDING_COUNTER = limitGroups(
  `
local clock = redis.call('TIME')
local nowUs = clock[1] * 1000000 + clock[2]
local now = nowUs / 1000
`,
  `
local function decide(k, a, count)
  local key = KEYS[k + 1]
  local limit, interval, weight = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
  local m = redis.call('HMGET', key, 'w', 'c', 'p')
  local window = math.floor(now / interval)
  local w, c, p = tonumber(m[1]), tonumber(m[2]) or 0, tonumber(m[3]) or 0
  local fresh = w ~= window
  if w == window - 1 then
    p, c = c, 0
  elseif fresh then
    p, c = 0, 0
  end
  local start = window * interval
  local estimate = p * (interval - (now - start)) / interval + c
  local peek = ARGV[a + 4] == '1'
  local replies, taken = {}, false
  for i = 1, count do
    local admitted = estimate + weight <= limit
    local retry = 0
    if admitted and not peek then
      c, taken = c + weight, true
      estimate = estimate + weight
    elseif not admitted then
      if c + weight <= limit and p > 0 then
        retry = start + interval * (1 - (limit - c - weight) / p) - now
      else
        retry = start + interval + interval * (1 - (limit - weight) / c) - now
      end
    end
    local freeAt = now
    if c > 0 then freeAt = start + 2 * interval elseif p > 0 then freeAt = start + interval end
    local at = #replies
    replies[at + 1] = admitted and 1 or 0
    replies[at + 2] = math.floor(math.max(0, limit - estimate) * 1000 + 0.5)
    replies[at + 3] = math.floor(math.max(0, freeAt - now) * 1000 + 0.5)
    replies[at + 4] = math.floor(math.max(0, retry) * 1000 + 0.5)
  end
  if taken then
    if fresh then
      redis.call('HSET', key, 'w', string.format('%d', window), 'c', string.format('%.17g', c), 'p', string.format('%.17g', p))
      redis.call('PEXPIREAT', key, string.format('%d', math.ceil(start + 2 * interval) + 1))
    else
      redis.call('HSET', key, 'c', string.format('%.17g', c))
    end
  end
  replies[#replies + 1] = nowUs
  return replies
end
`,
  1,
);
