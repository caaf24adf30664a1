// One instance of a service calling a partner API that allows 4 calls a second in total and answers 429
// with Retry-After when it is unhappy. Two of these run at once (see demo.ts); the limit and the lockout
// live in Redis, so together they behave as one well-mannered client.
import { nodeRedisClient, RedisLockoutStore, RedisRateLimitStore } from '@anysync/redis';
import { Lockout, RateLimiter } from 'anysync/rate-limit';
import { createClient } from 'redis';

const [url, id, startedAt] = process.argv.slice(2) as [string, string, string];
const redis = await createClient({ url, disableOfflineQueue: true }).connect();
const client = nodeRedisClient(redis);
const options = { client, prefix: 'demo', onFailure: 'fail-closed' } as const;

const limiter = new RateLimiter({
  limit: 4,
  interval: 1000,
  store: new RedisRateLimitStore(options),
  name: 'partner',
});
const gate = new Lockout({ store: new RedisLockoutStore(options), name: 'partner' });
const seconds = (epochMs: number) => (epochMs - Number(startedAt)) / 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The partner's API, simulated: it tells the third call it receives, whoever makes it, to back off. */
async function partnerApi(): Promise<{ status: number; retryAfter?: string }> {
  const received = await redis.incr('demo:partner-calls');
  return received === 3 ? { status: 429, retryAfter: '1' } : { status: 200 };
}

for (let call = 1; call <= 5; ) {
  // One attempt at a slot of the shared 4 per second; `acquire()` would wait by itself, `consume()` also
  // says when the slot was given (on Redis's clock) and, when refused, how long to wait.
  const decision = await limiter.consume();
  if (!decision.admitted) {
    await sleep(decision.retryAfterMs);
    continue;
  }
  const enteredGate = seconds(Date.now());
  await gate.wait(); // last: work admitted by the limiter still stops at a lockout set meanwhile
  const passedGate = seconds(Date.now());
  const response = await partnerApi();
  const admittedAt = seconds(decision.at ?? Date.now());
  const line = { id, call: call++, admittedAt, enteredGate, passedGate, at: seconds(Date.now()) };
  console.log(JSON.stringify({ ...line, status: response.status }));
  if (response.status === 429) {
    const lockFrom = seconds(Date.now());
    const ms = await gate.lockForRetryAfter(response.retryAfter, 1000); // closes the gate for both
    console.log(JSON.stringify({ id, lockedForMs: ms, lockFrom, at: seconds(Date.now()) }));
  }
}
await client.close?.();
redis.destroy();
