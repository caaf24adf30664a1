import { limitGroups } from './limit-groups.js';

/**
 * GCRA, a token bucket of `limit` refilled over `interval`, kept in one string key and read from the
 * server's clock through the key's TTL (no `TIME`): the key expires at a whole millisecond E of the
 * server's clock and holds `E - tat` (the "slack", in ms with its fraction), so the theoretical arrival
 * time is `PTTL - slack` ahead of now, in milliseconds kept to their fraction (a billion a second is 10^-6
 * ms a unit). An admission rewrites the slack and keeps the TTL; only when the arrival time would pass E is
 * the key given a new expiry, an interval beyond it (so at most about once an interval). A refused call
 * writes nothing.
 *
 * ARGV: cost (`weight * (interval / limit)`, ms), interval (ms), peek ('1'), report ('1': also tell the
 * decision's time, from `PEXPIRETIME`), count (how many such requests, decided one after the other: the
 * concurrent calls of one process on one limit, sent together). Each answer is how far the bucket stands
 * ahead of now after it, in ns: as is when admitted, as `-1 - ns` when refused. Returns the one answer
 * (an integer) for one request, else the list of answers; with report, the list then the time in ms; this
 * for each group of `limitGroups()` (the calls of one process on other limits, sent in the same run).
 */
export const GCRA = limitGroups(
  '',
  `
local function decide(k, a, count)
  local key = KEYS[k + 1]
  local cost, interval = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  local ttl = redis.call('PTTL', key)
  local ahead, expiry = 0, nil
  if ttl == -1 then
    redis.call('GET', key) -- WRONGTYPE for a key of another type
    return redis.error_reply('ERR ' .. key .. ' has no expiry: it is not a GCRA key of this store')
  end
  if ttl > 0 then
    local slack = tonumber(redis.call('GET', key))
    if not slack then return redis.error_reply('ERR ' .. key .. ' does not hold a GCRA state') end
    ahead = ttl - slack
    if ARGV[a + 4] == '1' then expiry = redis.call('PEXPIRETIME', key) end
    if ahead < 0 then ahead = 0 end
  end
  -- interval / limit * limit is off by float rounding: a full burst must still fit.
  local fits, peek = interval * (1 + 1e-12), ARGV[a + 3] == '1'
  local replies, reply, taken = {}, 0, false
  for i = 1, count do
    if ahead + cost > fits then
      reply = -1 - math.floor(ahead * 1e6 + 0.5)
    elseif peek then
      reply = math.floor(ahead * 1e6 + 0.5)
    else
      ahead, taken = ahead + cost, true
      reply = math.floor(ahead * 1e6 + 0.5)
    end
    replies[i] = reply
  end
  if taken then
    if ttl - ahead >= 0 then
      redis.call('SET', key, string.format('%.17g', ttl - ahead), 'KEEPTTL')
    else
      local ms = math.ceil(ahead + interval)
      redis.call('SET', key, string.format('%.17g', ms - ahead), 'PX', ms)
      if ARGV[a + 4] == '1' and not expiry then expiry, ttl = redis.call('PEXPIRETIME', key), ms end
    end
  end
  if ARGV[a + 4] ~= '1' then
    if count == 1 then return reply end
    return replies
  end
  if expiry then
    replies[count + 1] = expiry - ttl
  else
    local clock = redis.call('TIME')
    replies[count + 1] = clock[1] * 1000 + math.floor(clock[2] / 1000)
  end
  return replies
end
`,
  1,
);
