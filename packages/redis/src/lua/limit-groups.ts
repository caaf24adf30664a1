/** How many arguments a group of a limit script takes besides its count: the algorithm's. */
const ARGS_PER_GROUP = 4;

/**
 * A limit script that decides several groups of requests in one run. `decide` is Lua defining
 * `local function decide(k, a, count)`, which decides `count` requests of one group: its keys are
 * `KEYS[k + 1]` on, its arguments `ARGV[a + 1]` to `ARGV[a + 4]`, and it returns that group's reply.
 * With one group, ARGV is its four arguments then its count, and the run returns the group's reply as is
 * (and fails as it fails). With more, ARGV holds for each group its count then its four arguments, or
 * only its count negated when its arguments are the previous group's (limiters made by the thousand
 * share their settings: the run is then a key and a count a group); the run returns the list of the
 * groups' replies, where a group that failed (a key of another type, say) is an error in the list and
 * the other groups still count. `head` runs once before the groups (reading the clock, for one).
 */
export function limitGroups(head: string, decide: string, keysPerGroup: number): string {
  return `${head}${decide}
local groups = #KEYS / ${keysPerGroup}
if groups == 1 then return decide(0, 0, tonumber(ARGV[${ARGS_PER_GROUP + 1}])) end
local out, i, a = {}, 1, nil
for g = 0, groups - 1 do
  local count = tonumber(ARGV[i])
  if count and count > 0 then
    a, i = i, i + ${ARGS_PER_GROUP + 1}
  elseif count and a then
    count, i = -count, i + 1
  else
    return redis.error_reply('ERR a limit script takes for each group a count, then its arguments or none')
  end
  local ok, reply = pcall(decide, g * ${keysPerGroup}, a, count)
  if not ok then
    local message = type(reply) == 'table' and reply.err or tostring(reply)
    if not string.find(message, '^%u+ ') then message = 'ERR ' .. message end
    reply = { err = message }
  end
  out[g + 1] = reply
end
return out
`;
}
