/** How many arguments each group of a limit script takes: the algorithm's four, then its count. */
export const ARGS_PER_GROUP = 5;

/**
 * A limit script that decides several groups of requests in one run. `decide` is Lua defining
 * `local function decide(k, a)`, which decides one group: its keys are `KEYS[k + 1]` on, its arguments
 * `ARGV[a + 1]` to `ARGV[a + 5]`, and it returns that group's reply. With one group the run returns its
 * reply as is (and fails as it fails); with more, the list of their replies, where a group that failed
 * (a key of another type, say) is an error in the list and the other groups still count. `head` runs
 * once before the groups (reading the clock, for one).
 */
export function limitGroups(head: string, decide: string, keysPerGroup: number): string {
  return `${head}${decide}
local groups = #KEYS / ${keysPerGroup}
if groups == 1 then return decide(0, 0) end
if groups % 1 ~= 0 or #ARGV ~= groups * ${ARGS_PER_GROUP} then
  return redis.error_reply('ERR a limit script takes ${keysPerGroup} keys and ${ARGS_PER_GROUP} arguments a group')
end
local out = {}
for g = 0, groups - 1 do
  local ok, reply = pcall(decide, g * ${keysPerGroup}, g * ${ARGS_PER_GROUP})
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
