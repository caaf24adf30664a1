import { PRELUDE } from './prelude.js';

/**
 * Closes a lockout: KEYS is one string whose TTL is the time left (the server's clock: nothing else is
 * stored). It only ever extends. ARGV: 'ms' or 'date', the value. Returns the span's milliseconds.
 */
export const LOCKOUT_LOCK = `${PRELUDE}
local ms = tonumber(ARGV[2])
if ARGV[1] == 'date' then ms = ms - (tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)) end
ms = math.max(0, ms)
if ms > 0 and redis.call('PTTL', KEYS[1]) < math.ceil(ms) then
  redis.call('SET', KEYS[1], '1', 'PX', px(ms))
end
return tostring(ms)
`;

/** Milliseconds until the lockout in KEYS opens (0 when open). */
export const LOCKOUT_REMAINING = `
local left = redis.call('PTTL', KEYS[1])
if left < 0 then return 0 end
return left
`;

/** Opens the lockout in KEYS. */
export const LOCKOUT_UNLOCK = `
redis.call('DEL', KEYS[1])
return 1
`;
