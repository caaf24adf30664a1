import { RateLimiter } from 'anysync/rate-limit';
const store = { consume: () => Promise.resolve({ admitted: true, remaining: 1, resetMs: 0, retryAfterMs: 0 }) };
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  const ls = [];
  for (let i = 0; i < 10000; i++) ls.push(new RateLimiter({ limit: 1e9, interval: 1000, store, name: `key-${i}`, algorithm: 'gcra' }));
  console.log('construct µs', ((performance.now() - t) * 1000 / 10000).toFixed(2));
}
