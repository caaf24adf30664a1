import { limitGroups } from './limit-groups.js';

/**
 * The exact sliding-window log. KEYS: the log (a sorted set of `n:weight` scored by admission time in µs)
 * and its summary (a hash: `used`, `oldest` and `newest` in µs, `ow` the oldest's weight, `n`, and `exp`:
 * when both keys expire). The summary answers a refused call without reading the log (TIME, HMGET: three
 * commands with the EVALSHA); the log is read only when entries expire or when the oldest entry alone
 * does not free enough. An admission writes what changed; the keys' TTL is pushed an interval past the
 * newest entry's end at a time (so about once an interval), and set afresh on a log Redis had deleted.
 * ARGV: limit, interval, weight, peek ('1'), count (how many such requests, decided one after the other:
 * the concurrent calls of one process on one limit, sent together; their admissions go in with one ZADD).
 * Returns { admitted, remaining, resetMs, retryAfterMs } for each request, then now, as integers in
 * thousandths (µs for the durations and now); this for each group of `limitGroups()` (the calls of one
 * process on other limits, sent in the same run, on one reading of TIME).
 */
export const SLIDING_LOG = limitGroups(
  `
local clock = redis.call('TIME')
local nowUs = clock[1] * 1000000 + clock[2]
`,
  `
local function decide(k, a, count)
  local log, sum = KEYS[k + 1], KEYS[k + 2]
  local limit, intervalUs, weight = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]) * 1000, tonumber(ARGV[a + 3])
  local m = redis.call('HMGET', sum, 'used', 'oldest', 'ow', 'newest', 'n', 'exp')
  local used, oldest, ow, newest, n = tonumber(m[1]) or 0, tonumber(m[2]), tonumber(m[3]), tonumber(m[4]), tonumber(m[5]) or 0
  local exp = tonumber(m[6]) or 0
  local trimmed = false
  if oldest and oldest <= nowUs - intervalUs then
    local cutoff = string.format('%d', math.floor(nowUs - intervalUs))
    local gone = redis.call('ZRANGEBYSCORE', log, '-inf', cutoff)
    for i = 1, #gone do used = used - tonumber(string.match(gone[i], ':(.*)$')) end
    redis.call('ZREMRANGEBYSCORE', log, '-inf', cutoff)
    local first = redis.call('ZRANGE', log, 0, 0, 'WITHSCORES')
    if #first == 0 then
      used, oldest, ow, newest = 0, nil, nil, nil
    else
      oldest, ow = tonumber(first[2]), tonumber(string.match(first[1], ':(.*)$'))
    end
    trimmed = true
  end
  local peek = ARGV[a + 4] == '1'
  local replies, members, refusal, added = {}, {}, nil, false
  local made = not oldest
  for i = 1, count do
    local admitted = used + weight <= limit
    local retryUs = 0
    if admitted and not peek then
      n = n + 1
      members[#members + 1] = string.format('%d', nowUs)
      members[#members + 1] = n .. ':' .. ARGV[a + 3]
      used, added = used + weight, true
      if not oldest then oldest, ow = nowUs, weight end
      newest = nowUs
    elseif not admitted then
      -- Refusals change nothing: every later one in this call has the same answer.
      if not refusal then
        if used - ow + weight <= limit then
          refusal = oldest + intervalUs - nowUs
        else
          -- The scan reads the log: this call's admissions go in first.
          if #members > 0 then
            redis.call('ZADD', log, unpack(members))
            members = {}
          end
          local left, start, found = used, 0, false
          refusal = 0
          while not found do
            local batch = redis.call('ZRANGE', log, start, start + 31, 'WITHSCORES')
            if #batch == 0 then break end
            for j = 1, #batch, 2 do
              left = left - tonumber(string.match(batch[j], ':(.*)$'))
              if left + weight <= limit then
                refusal, found = tonumber(batch[j + 1]) + intervalUs - nowUs, true
                break
              end
            end
            start = start + 32
          end
        end
      end
      retryUs = refusal
    end
    local resetUs = 0
    if newest then resetUs = newest + intervalUs - nowUs end
    local at = #replies
    replies[at + 1] = admitted and 1 or 0
    replies[at + 2] = math.floor(math.max(0, limit - used) * 1000 + 0.5)
    replies[at + 3] = math.floor(math.max(0, resetUs) + 0.5)
    replies[at + 4] = math.floor(math.max(0, retryUs) + 0.5)
  end
  if added then
    if #members > 0 then redis.call('ZADD', log, unpack(members)) end
    if made then
      redis.call('HSET', sum, 'used', string.format('%.17g', used), 'oldest', string.format('%d', oldest), 'ow', ARGV[a + 3], 'newest', string.format('%d', nowUs), 'n', n)
    elseif trimmed then
      redis.call('HSET', sum, 'used', string.format('%.17g', used), 'oldest', string.format('%d', oldest), 'ow', string.format('%.17g', ow), 'newest', string.format('%d', nowUs), 'n', n)
    else
      redis.call('HSET', sum, 'used', string.format('%.17g', used), 'newest', string.format('%d', nowUs), 'n', n)
    end
    if newest + intervalUs + 1000 > exp then
      exp = newest + 2 * intervalUs + 1000
      local at = string.format('%d', math.ceil(exp / 1000))
      redis.call('HSET', sum, 'exp', string.format('%d', exp))
      redis.call('PEXPIREAT', log, at)
      redis.call('PEXPIREAT', sum, at)
    elseif made then
      redis.call('PEXPIREAT', log, string.format('%d', math.ceil(exp / 1000)))
    end
  elseif trimmed then
    if newest then
      redis.call('HSET', sum, 'used', string.format('%.17g', used), 'oldest', string.format('%d', oldest), 'ow', string.format('%.17g', ow))
    else
      redis.call('DEL', log, sum)
    end
  end
  replies[#replies + 1] = nowUs
  return replies
end
`,
  2,
);
