/**
 * What every script starts with: `f(x)` formats a number for Redis without losing digits (Redis turns a
 * Lua number argument into text with 14 significant digits, which would cut server times in
 * microseconds), and `now` is the server's clock in milliseconds, with microseconds as the fraction.
 * `micro(x)` is a reply in thousandths: Redis replies with integers cheaply (and would cut a fractional
 * Lua number to an integer anyway).
 */
export const PRELUDE = `
local function f(x) return string.format('%.17g', x) end
local function px(ms) return string.format('%d', math.max(1, math.ceil(ms))) end
local function micro(x) return math.floor(x * 1000 + 0.5) end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
`;
