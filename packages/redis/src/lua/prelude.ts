/**
 * What every script starts with: the server's clock (`nowUs` in microseconds, `now` in milliseconds), and
 * how numbers become text. Times are stored as integer microseconds with `d()` (`%d` formats in a fraction
 * of the time `%.17g` takes, and Redis would turn a Lua number argument into text with only 14 significant
 * digits, cutting microsecond epochs); weights and counts with `tostring()`. `micro(x)` is a reply in
 * thousandths: Redis replies with integers cheaply (and would cut a fractional Lua number anyway).
 */
export const PRELUDE = `
local clock = redis.call('TIME')
local nowUs = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local now = nowUs / 1000
local function d(x) return string.format('%d', x) end
local function px(ms) return string.format('%d', math.max(1, math.ceil(ms))) end
local function micro(x) return math.floor(x * 1000 + 0.5) end
`;
