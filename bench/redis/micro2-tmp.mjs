import { RedisRateLimitStore } from '@anysync/redis';
import { RateLimiter } from 'anysync/rate-limit';
// A client answering every GCRA group at once (no Redis): the client-side cost alone.
const client = {
  crossSlot: true,
  evalSha: (sha, keys, args) => Promise.resolve(keys.length === 1 ? 1000 : keys.map(() => 1000)),
  eval: () => Promise.reject(new Error('no')),
  subscribe: async () => async () => {},
};
const store = new RedisRateLimitStore({ client, prefix: 'bench', timeoutMs: 10_000 });
const limiters = new Map();
const consume = async (key) => {
  let l = limiters.get(key);
  if (!l) { l = new RateLimiter({ limit: 1e9, interval: 1000, store, name: key, algorithm: 'gcra' }); limiters.set(key, l); }
  return (await l.consume()).admitted;
};
async function drive(count, concurrency, call) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < count) { const i = next++; await call(i); } }));
}
for (let round = 0; round < 5; round++) {
  const cpu = process.cpuUsage(); const t = performance.now();
  await drive(20000, 50, (i) => consume(`key-${round}-${(i * 7919) % 10000}`));
  const c = process.cpuUsage(cpu); const s = (performance.now() - t) / 1000;
  console.log(`round ${round}: ${(20000 / s) | 0} ops/s, CPU ${((c.user + c.system) / 20000).toFixed(2)} µs/op`);
}
