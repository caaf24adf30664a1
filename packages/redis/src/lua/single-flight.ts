/**
 * Single flight. KEYS: the outcome (a string, expiring `ttl` after settlement) and the lease (a string
 * holding its owner token, expiring unless renewed). Settlements are published on one channel per store,
 * as `<key length>:<key><outcome>`.
 */

/** ARGV: owner, leaseMs. Returns { 'v', outcome } | { 'l', '' } (the caller holds the lease) | { 'w', ms left }. */
export const FLIGHT_BEGIN = `
local outcome = redis.call('GET', KEYS[1])
if outcome then return { 'v', outcome } end
local holder = redis.call('GET', KEYS[2])
if not holder or holder == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
  return { 'l', '' }
end
return { 'w', tostring(math.max(0, redis.call('PTTL', KEYS[2]))) }
`;

/** ARGV: owner, leaseMs. Returns 1 when the owner still held the lease (now renewed), else 0. */
export const FLIGHT_RENEW = `
if redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
  return 1
end
return 0
`;

/** ARGV: owner, outcome ('' for none), ttlMs, channel, key. */
export const FLIGHT_SETTLE = `
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
local ttl = tonumber(ARGV[3])
if ARGV[2] ~= '' and ttl > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', string.format('%d', math.ceil(ttl))) end
redis.call('PUBLISH', ARGV[4], string.len(ARGV[5]) .. ':' .. ARGV[5] .. ARGV[2])
return 1
`;

/** Forgets the outcome. */
export const FLIGHT_DELETE = `
redis.call('DEL', KEYS[1])
return 1
`;
