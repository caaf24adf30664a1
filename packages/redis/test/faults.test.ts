// Redis killed mid-run and restarted on the same port, and Redis too busy to answer (DEBUG SLEEP): each
// failure policy does what it promises, every call settles within its timeout (no offline queue), errors
// are RedisStoreErrors (never a "limited" answer), and the store is used again once Redis is back.
import { memoize } from 'anysync/cache';
import { Semaphore } from 'anysync/primitives';
import { Lockout, RateLimiter } from 'anysync/rate-limit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type FailurePolicy,
  RedisLockoutStore,
  RedisRateLimitStore,
  RedisSemaphoreStore,
  RedisSingleFlightStore,
  RedisStoreError,
  type RedisStoreOptions,
} from '../src/index.js';
import { CLIENT_KINDS, connect, type TestClient } from './support/clients.js';
import { RedisServer, redisMissing } from './support/redis-server.js';

vi.setConfig({ testTimeout: 60_000 });
let server: RedisServer | undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `fn` until it resolves without `failed()` becoming true; returns the milliseconds it took. */
async function untilServed(fn: () => Promise<unknown>, failures: () => number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = failures();
    await fn().catch(() => {});
    if (failures() === before) return performance.now() - started;
    await sleep(20);
  }
}

/** Runs `call` and reports how it settled and how long it took. */
async function timed<T>(call: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    return { value: await call(), ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

describe.skipIf(redisMissing)(`faults${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const kind of CLIENT_KINDS) {
    for (const policy of ['fail-closed', 'fail-open', 'fallback'] as FailurePolicy[]) {
      it(`${kind}, ${policy}: Redis killed and restarted mid-run`, async () => {
        const redis = server as RedisServer;
        const client: TestClient = await connect(kind, redis.port);
        const errors: RedisStoreError[] = [];
        const options: RedisStoreOptions = {
          client: client.adapter,
          prefix: `faults-${kind}-${policy}`,
          onFailure: policy,
          timeoutMs: 300,
          onStoreError: (error) => errors.push(error),
        };
        const store = new RedisRateLimitStore(options);
        const limiter = new RateLimiter({ limit: 3, interval: 60_000, store, name: 'api' });
        const gate = new Lockout({ store: new RedisLockoutStore(options), name: 'api' });
        const semaphore = new Semaphore(1, {
          store: new RedisSemaphoreStore(options),
          name: 'pool',
          leaseMs: 2000,
        });
        const report = memoize(async (day: string) => day, {
          store: new RedisSingleFlightStore(options),
          name: 'report',
          ttl: 60_000,
        });
        try {
          expect((await limiter.consume()).admitted).toBe(true);
          await gate.lockFor(60_000);
          await report('monday');

          await redis.kill();
          const during = {
            consume: await timed(() => limiter.consume()),
            consumeAgain: await timed(async () => [
              await limiter.consume(),
              await limiter.consume(),
              await limiter.consume(),
            ]),
            wait: await timed(() => gate.wait()),
            acquire: await timed(() => semaphore.acquire()),
            memo: await timed(() => report('tuesday')),
          };
          const slowest = Math.max(...Object.values(during).map((outcome) => outcome.ms));
          console.log(
            `${kind} ${policy}: slowest call while Redis was down: ${slowest.toFixed(0)} ms (timeout 300 ms)`,
          );
          expect(errors.length).toBeGreaterThan(0);
          expect(errors.every((error) => error instanceof RedisStoreError && error.kind !== 'reply')).toBe(
            true,
          );
          if (policy === 'fail-closed') {
            for (const outcome of Object.values(during))
              expect(outcome.error).toBeInstanceOf(RedisStoreError);
          } else if (policy === 'fail-open') {
            expect(during.consume.value?.admitted).toBe(true);
            expect(during.consumeAgain.value?.every((decision) => decision.admitted)).toBe(true);
            expect(during.wait.error).toBeUndefined(); // the gate counts as open
            expect(during.acquire.value?.fencingToken).toBe(0); // granted without the store
            expect(during.memo.value).toBe('tuesday');
          } else {
            // Limits hold per process meanwhile: the in-process store admits 3, then refuses.
            expect(during.consume.value?.admitted).toBe(true);
            expect(during.consumeAgain.value?.map((decision) => decision.admitted)).toEqual([
              true,
              true,
              false,
            ]);
            expect(during.wait.error).toBeUndefined(); // nothing closed the in-process gate
            expect(during.acquire.value?.fencingToken).toBeGreaterThan(0);
            expect(during.memo.value).toBe('tuesday');
          }
          await during.acquire.value?.releaseAsync();

          await redis.restart();
          const back = await untilServed(
            () => limiter.consume(),
            () => errors.length,
          );
          console.log(`${kind} ${policy}: store used again ${back.toFixed(0)} ms after Redis came back`);
          expect(await client.command('EXISTS', `faults-${kind}-${policy}:{rate-log:api}:log`)).toBe(1);
          // Back on Redis, the state is Redis's (empty after the restart): the gate is open again.
          expect(await gate.remaining).toBe(0);
        } finally {
          await client.close();
        }
      });
    }
  }

  it('a call Redis is too busy to answer fails at its timeout: rejects (fail-closed) or admits (fail-open)', async () => {
    const redis = server as RedisServer;
    const client = await connect('node-redis', redis.port);
    try {
      const closed = new RedisRateLimitStore({
        client: client.adapter,
        timeoutMs: 200,
        onFailure: 'fail-closed',
      });
      const open = new RedisRateLimitStore({
        client: client.adapter,
        timeoutMs: 200,
        onFailure: 'fail-open',
      });
      const request = { algorithm: 'gcra', limit: 1, interval: 60_000, weight: 1 } as const;
      await closed.consume('busy', request); // loads the script, so the next calls only wait for Redis
      const sleeping = redis.cliAsync('debug', 'sleep', '1.5');
      await sleep(100);
      const [refused, admitted] = await Promise.all([
        timed(() => closed.consume('busy', request)),
        timed(() => open.consume('busy', request)),
      ]);
      await sleeping;
      expect(refused.error).toBeInstanceOf(RedisStoreError);
      expect((refused.error as RedisStoreError).kind).toBe('timeout');
      expect(admitted.value?.admitted).toBe(true);
      console.log(
        `busy Redis: failed after ${refused.ms.toFixed(0)} ms and ${admitted.ms.toFixed(0)} ms (timeout 200 ms)`,
      );
    } finally {
      await client.close();
    }
  });
});
