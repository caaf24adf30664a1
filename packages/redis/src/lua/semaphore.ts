/**
 * The semaphore scripts. KEYS: 1 holders (token → lease end, server µs), 2 held (token →
 * `weight:ticket:fence`), 3 queue (a list of `ticket:token`, the head first), 4 the summary (`used`,
 * `ticket`, `fence`, `exp`: when the first four keys expire, `next`: no holder's lease ends before it),
 * 5 the caller's waiter key. A queued waiter's key (`<waiter prefix><token>`, holding
 * `weight:ticket:owner:lease end`) expires with its lease, so a waiter that stopped asking simply
 * vanishes; the queue entries of vanished waiters are dropped when they reach the head. ARGV 1 is the
 * calling store's owner id, 2 the waiter keys' prefix (the semaphore's hash tag: every key of a call is on
 * one cluster node), 3 the prefix of grant channels, 4 the label grant messages start with
 * (`<length>:<name>`).
 *
 * Built for what Redis charges a script: each `redis.call` (about half a microsecond) and each Lua object
 * made. What a call touches is O(1) or the holders (at most the permits): waiters are never in a sorted
 * set, whose small encoding Redis scans and copies on every change. The counts live in the summary, read
 * once and written once (only what changed); holders are read for expired leases only once `next` has
 * passed; the TTL of the four shared keys is pushed a lease past the latest lease end at a time, not on
 * every call. Tickets and fences are max(last + 1, server µs): they grow even after every key expired. A
 * grant to a waiter of another store is published on that store's channel (`<prefix><owner>`) as the
 * label then `token=fence,…`; grants to the caller's own waiters come back in the reply instead.
 */
const PRELUDE = `
local clock = redis.call('TIME')
local now = clock[1] * 1000000 + clock[2]
local s = redis.call('HMGET', KEYS[4], 'used', 'ticket', 'fence', 'exp', 'next')
local used, fences, exp, nextEnd = tonumber(s[1]) or 0, tonumber(s[3]) or 0, tonumber(s[4]) or 0, tonumber(s[5]) or 0
local usedWas, fencesWas, expWas, nextWas, made = used, fences, exp, nextEnd, not s[4]
-- Set when a holder joins empty holders (Redis deleted the emptied keys: they need their TTL again).
local holdersMade = false
if used > 0 and now >= nextEnd then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  nextEnd = tonumber(first[2]) or 0
  if not first[1] then
    -- The holders were lost (a failover, a hand): nothing is held any more.
    redis.call('DEL', KEYS[2])
    used = 0
  elseif nextEnd <= now then
    local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now))
    local infos = redis.call('HMGET', KEYS[2], unpack(gone))
    for i = 1, #gone do used = used - (tonumber(string.match(infos[i] or '0:', '^([^:]*):')) or 0) end
    redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now))
    redis.call('HDEL', KEYS[2], unpack(gone))
    nextEnd = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]) or 0
    if used < 1e-9 or nextEnd == 0 then used = 0 end
  end
end
local function hold(token, ends, weight, info)
  if used == 0 then holdersMade = true end
  if nextEnd == 0 or ends < nextEnd then nextEnd = ends end
  redis.call('ZADD', KEYS[1], string.format('%d', ends), token)
  redis.call('HSET', KEYS[2], token, info)
  used = used + weight
end
local function nextFence()
  fences = math.max(fences + 1, now)
  return string.format('%d', fences)
end
`;

/**
 * Grants from the head while the head fits (needs `token` and `permits`); the entries of vanished
 * waiters are dropped. Leaves `own` (the caller's grants, `token=fence,…`) and `granted` (the fence of
 * `token`, if it was granted here).
 */
const GRANT = `
local own, others, granted = '', nil, nil
while used < permits do
  local entry = redis.call('LPOP', KEYS[3])
  if not entry then break end
  local ticket, waiter = string.match(entry, '^([^:]*):(.*)$')
  local key = ARGV[2] .. waiter
  local info = redis.call('GET', key)
  if info then
    local w, t, owner, ends = string.match(info, '^([^:]*):([^:]*):([^:]*):(.*)$')
    w = tonumber(w)
    if t == ticket then
      if used + w > permits then
        -- Back at the head; if it was the only entry, Redis deleted the list and this makes it anew.
        if redis.call('LPUSH', KEYS[3], entry) == 1 then queueMade = true end
        break
      end
      local fence = nextFence()
      redis.call('DEL', key)
      hold(waiter, tonumber(ends), w, w .. ':' .. ticket .. ':' .. fence)
      if waiter == token then granted = fence end
      if owner == ARGV[1] then
        own = own == '' and (waiter .. '=' .. fence) or (own .. ',' .. waiter .. '=' .. fence)
      else
        others = others or {}
        others[owner] = (others[owner] and (others[owner] .. ',') or ARGV[4]) .. waiter .. '=' .. fence
      end
    end
  end
end
if others then
  for owner, message in next, others do redis.call('PUBLISH', ARGV[3] .. owner, message) end
end
`;

/**
 * Saves what changed (`tickets`: the text of a ticket taken here, if any), and keeps the shared keys
 * until a lease past `leaseEnd` (µs, or nil): their TTL is pushed that far at once, so that the next
 * calls need not touch it.
 */
const FINISH = `
if leaseEnd and leaseEnd + 1000000 > exp then exp = leaseEnd + leaseUs + 1000000 end
local fields = {}
if used ~= usedWas then fields[#fields + 1] = 'used'; fields[#fields + 1] = string.format('%.17g', used) end
if fences ~= fencesWas then fields[#fields + 1] = 'fence'; fields[#fields + 1] = string.format('%d', fences) end
if tickets then fields[#fields + 1] = 'ticket'; fields[#fields + 1] = tickets end
if exp ~= expWas then fields[#fields + 1] = 'exp'; fields[#fields + 1] = string.format('%d', exp) end
if nextEnd ~= nextWas then fields[#fields + 1] = 'next'; fields[#fields + 1] = string.format('%d', nextEnd) end
if #fields > 0 then redis.call('HSET', KEYS[4], unpack(fields)) end
if exp > 0 then
  local at = string.format('%d', math.ceil(exp / 1000))
  if exp ~= expWas or made then
    for i = 1, 4 do redis.call('PEXPIREAT', KEYS[i], at) end
  else
    if holdersMade then
      redis.call('PEXPIREAT', KEYS[1], at)
      redis.call('PEXPIREAT', KEYS[2], at)
    end
    if queueMade then redis.call('PEXPIREAT', KEYS[3], at) end
  end
end
`;

/** Takes a new ticket, max(last + 1, now), into `tickets` (text). */
const NEXT_TICKET = `
tickets = string.format('%d', math.max((tonumber(s[2]) or 0) + 1, now))
`;

/** How a call with a request (acquire, tryAcquire) starts. ARGV 5-8: token, weight, permits, leaseMs. */
const REQUEST = `
local token, weight, permits, leaseUs = ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7]), ARGV[8] * 1000
local leaseEnd, tickets, queueMade = nil, nil, false
local ticket, fence = '0', '0'
local info = redis.call('HGET', KEYS[2], token)
local waiting
if info then
  ticket, fence = string.match(info, '^[^:]*:([^:]*):(.*)$')
else
  waiting = redis.call('GET', KEYS[5])
  if waiting then ticket = string.match(waiting, '^[^:]*:([^:]*):') end
end
`;

/**
 * Queues the token (or, if it is queued or holds already, extends its lease), grants from the head while
 * waiters fit, answers where the token stands: { granted, fence, ticket, grants to the caller's waiters }.
 * A token that finds nobody queued and its weight free is granted at once. ARGV: owner, waiter prefix,
 * channel prefix, label, token, weight, permits, leaseMs.
 */
export const SEMAPHORE_ACQUIRE = `${PRELUDE}${REQUEST}
leaseEnd = now + leaseUs
local waiterInfo = ':' .. ARGV[1] .. ':' .. string.format('%d', leaseEnd)
if info then
  redis.call('ZADD', KEYS[1], string.format('%d', leaseEnd), token)
elseif waiting then
  redis.call('SET', KEYS[5], string.match(waiting, '^[^:]*:[^:]*') .. waiterInfo, 'PX', ARGV[8])
else
  ${NEXT_TICKET}
  ticket = tickets
  if used + weight <= permits and redis.call('LLEN', KEYS[3]) == 0 then
    fence = nextFence()
    hold(token, leaseEnd, weight, ARGV[6] .. ':' .. ticket .. ':' .. fence)
  else
    queueMade = redis.call('RPUSH', KEYS[3], ticket .. ':' .. token) == 1
    redis.call('SET', KEYS[5], ARGV[6] .. ':' .. ticket .. waiterInfo, 'PX', ARGV[8])
  end
end
${GRANT}
fence = granted or fence
${FINISH}
return { fence ~= '0' and 1 or 0, fence, ticket, own }
`;

/**
 * Grants the token only if, once the waiters that fit are served, nobody is queued and its weight is free;
 * never queues. ARGV as for acquire.
 */
export const SEMAPHORE_TRY_ACQUIRE = `${PRELUDE}${REQUEST}
${GRANT}
fence = granted or fence
if not info and not waiting and used + weight <= permits and redis.call('LLEN', KEYS[3]) == 0 then
  ${NEXT_TICKET}
  ticket, fence, leaseEnd = tickets, nextFence(), now + leaseUs
  hold(token, leaseEnd, weight, ARGV[6] .. ':' .. ticket .. ':' .. fence)
end
${FINISH}
return { fence ~= '0' and 1 or 0, fence, ticket, own }
`;

/** Extends a holder's lease. ARGV: owner, waiter prefix, channel prefix, label, token, leaseMs. 1 if held. */
export const SEMAPHORE_RENEW = `${PRELUDE}
local token, leaseUs = ARGV[5], ARGV[6] * 1000
local leaseEnd, tickets, queueMade = nil, nil, false
local held = redis.call('ZSCORE', KEYS[1], token)
if held then
  leaseEnd = now + leaseUs
  redis.call('ZADD', KEYS[1], string.format('%d', leaseEnd), token)
end
${FINISH}
return held and 1 or 0
`;

/**
 * Frees the token's permits (or its place in the queue) and grants the waiters that then fit. ARGV:
 * owner, waiter prefix, channel prefix, label, token, permits. Returns { 1 when it held, the grants to
 * the caller's waiters }.
 */
export const SEMAPHORE_RELEASE = `${PRELUDE}
local token, permits = ARGV[5], tonumber(ARGV[6])
local leaseEnd, tickets, queueMade = nil, nil, false
local info = redis.call('HGET', KEYS[2], token)
if info then
  redis.call('ZREM', KEYS[1], token)
  redis.call('HDEL', KEYS[2], token)
  used = used - tonumber(string.match(info, '^([^:]*):'))
  if used < 1e-9 then used = 0 end
else
  local waiting = redis.call('GET', KEYS[5])
  if waiting then
    redis.call('LREM', KEYS[3], 1, string.match(waiting, '^[^:]*:([^:]*):') .. ':' .. token)
    redis.call('DEL', KEYS[5])
  end
end
${GRANT}
${FINISH}
return { info and 1 or 0, own }
`;
