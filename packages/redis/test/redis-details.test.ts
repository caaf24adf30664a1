// What only the Redis stores promise: every key expires, a flushed script cache is reloaded, a reply
// error is never mistaken for an outage, a lost lease is reported, and bad options fail at construction.
import { Lock } from 'anysync/primitives';
import { Cluster, Redis } from 'ioredis';
import { createClient, createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ioredisClient,
  nodeRedisClient,
  RedisLockoutStore,
  RedisRateLimitStore,
  RedisSemaphoreStore,
  RedisSingleFlightStore,
  RedisStoreError,
} from '../src/index.js';
import { connect, type TestClient } from './support/clients.js';
import { RedisServer, redisMissing } from './support/redis-server.js';

let server: RedisServer | undefined;
let client: TestClient | undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(redisMissing)(
  `Redis store details${redisMissing ? ` (skipped: ${redisMissing})` : ''}`,
  () => {
    beforeAll(async () => {
      server = await RedisServer.start();
      client = await connect('node-redis', server.port);
    });
    afterAll(async () => {
      await client?.close();
      await server?.stop();
    });

    it('every key any store writes has a TTL', async () => {
      const options = { client: (client as TestClient).adapter, prefix: 'ttl' };
      const rates = new RedisRateLimitStore(options);
      for (const algorithm of ['sliding-log', 'sliding-counter', 'gcra'] as const) {
        await rates.consume('a', { algorithm, limit: 5, interval: 60_000, weight: 1 });
      }
      await new RedisLockoutStore(options).lock('a', { ms: 60_000 });
      const flights = new RedisSingleFlightStore(options);
      await flights.begin('a', 'owner', 60_000);
      await flights.begin('b', 'owner', 60_000);
      await flights.settle('b', 'owner', 'v1', 60_000);
      const permits = new RedisSemaphoreStore(options);
      await permits.acquire('a', { token: 't1', weight: 1, permits: 1, leaseMs: 60_000 });
      await permits.acquire('a', { token: 't2', weight: 1, permits: 1, leaseMs: 60_000 });
      const keys = (await (client as TestClient).command('KEYS', 'ttl:*')) as string[];
      expect(keys.length).toBeGreaterThanOrEqual(11);
      for (const key of keys) {
        const ttl = Number(await (client as TestClient).command('PTTL', key));
        expect({ key, expires: ttl > 0 }).toEqual({ key, expires: true });
      }
    });

    it('a semaphore keeps a TTL on every key through every state: held, queued, drained, queued again', async () => {
      const test = client as TestClient;
      const store = new RedisSemaphoreStore({ client: test.adapter, prefix: 'ttl-sem' });
      const request = (token: string, leaseMs = 60_000) => ({ token, weight: 1, permits: 1, leaseMs });
      const expectTtls = async (step: string) => {
        const keys = (await test.command('KEYS', 'ttl-sem:*')) as string[];
        expect(keys.length, step).toBeGreaterThan(0);
        for (const key of keys) {
          const ttl = Number(await test.command('PTTL', key));
          expect({ step, key, expires: ttl > 0 }).toEqual({ step, key, expires: true });
        }
      };
      await store.acquire('s', request('a'));
      await expectTtls('held');
      await store.acquire('s', request('b'));
      await expectTtls('one queued');
      await store.release('s', 'a', 1);
      await expectTtls('b granted, queue drained');
      await store.acquire('s', request('c', 100));
      await expectTtls('queued again');
      await store.release('s', 'b', 1);
      await store.release('s', 'c', 1);
      await expectTtls('all released');
      await store.acquire('s', request('d', 50));
      await new Promise((resolve) => setTimeout(resolve, 120));
      await store.acquire('s', request('e', 60_000));
      await expectTtls('after an expired holder was dropped');
      expect(Number(await test.command('PTTL', 'ttl-sem:{semaphore:s}:holders'))).toBeGreaterThan(59_000);
      const two = (token: string, weight: number) => ({ token, weight, permits: 2, leaseMs: 60_000 });
      await store.release('s', 'e', 1);
      await store.acquire('t', two('f', 1));
      await store.acquire('t', two('g', 1));
      await store.acquire('t', two('heavy', 2));
      await store.release('s', 'f', 2); // not its semaphore: nothing changes
      await store.release('t', 'f', 2); // the heavy head still does not fit: back at the head of a new list
      await expectTtls('a heavy head put back');
    });

    it('GCRA keeps fractions of a microsecond: at a billion a second, 2,000 calls leave the bucket barely ahead', async () => {
      const store = new RedisRateLimitStore({ client: (client as TestClient).adapter, prefix: 'fine' });
      const request = { algorithm: 'gcra', limit: 1e9, interval: 1000, weight: 1 } as const;
      const decisions = await Promise.all(Array.from({ length: 2000 }, () => store.consume('hot', request)));
      expect(decisions.every((decision) => decision.admitted)).toBe(true);
      // 2,000 units of 0.001 µs: the bucket is at most 2 µs (plus rounding) ahead, not 2,000 µs.
      const last = decisions.at(-1) as { resetMs: number };
      expect(last.resetMs).toBeLessThan(0.5);
    });

    it('reloads its scripts after the server forgot them (SCRIPT FLUSH, as after a restart or failover)', async () => {
      const store = new RedisRateLimitStore({ client: (client as TestClient).adapter, prefix: 'flush' });
      const request = { algorithm: 'sliding-log', limit: 2, interval: 60_000, weight: 1 } as const;
      expect((await store.consume('a', request)).admitted).toBe(true);
      await (client as TestClient).command('SCRIPT', 'FLUSH');
      expect((await store.consume('a', request)).admitted).toBe(true);
      expect((await store.consume('a', request)).admitted).toBe(false);
    });

    it('a reply error is thrown whatever the policy, never taken for an outage', async () => {
      await (client as TestClient).command('HSET', 'wrong:{rate-gcra:a}', 'field', '1');
      const store = new RedisRateLimitStore({
        client: (client as TestClient).adapter,
        prefix: 'wrong',
        onFailure: 'fail-open',
      });
      const failure = await store
        .consume('a', { algorithm: 'gcra', limit: 1, interval: 1000, weight: 1 })
        .catch((error) => error);
      expect(failure).toBeInstanceOf(RedisStoreError);
      expect((failure as RedisStoreError).kind).toBe('reply');
      expect((failure as RedisStoreError).message).toMatch(/WRONGTYPE/);
    });

    it('a lease dropped from Redis is reported: onLockLost is called and the permit signal aborts', async () => {
      const lost: Error[] = [];
      const store = new RedisSemaphoreStore({ client: (client as TestClient).adapter, prefix: 'lost' });
      const lock = new Lock({ store, name: 'job', leaseMs: 150, onLockLost: (error) => lost.push(error) });
      const permit = await lock.acquire();
      await sleep(200);
      expect(permit.lost).toBe(false); // renewed in time
      await (client as TestClient).command('DEL', 'lost:{semaphore:job}:holders');
      while (!permit.lost) await sleep(20);
      expect(permit.signal.aborted).toBe(true);
      expect(lost.map((error) => error.name)).toEqual(['LeaseLostError']);
      const next = await lock.acquire();
      expect(next.fencingToken).toBeGreaterThan(permit.fencingToken);
      await next.releaseAsync();
    });

    it('refuses clients that queue while offline, and options that are not options', async () => {
      const queuing = createClient({ url: `redis://127.0.0.1:${(server as RedisServer).port}` });
      expect(() => nodeRedisClient(queuing)).toThrow(/disableOfflineQueue: true/);
      expect(() => nodeRedisClient(queuing, { offlineQueue: true })).not.toThrow();
      const io = new Redis({ lazyConnect: true });
      expect(() => ioredisClient(io)).toThrow(/enableOfflineQueue: false/);
      expect(() => nodeRedisClient({})).toThrow(TypeError);
      expect(nodeRedisClient(queuing, { offlineQueue: true }).crossSlot).toBe(true);
      expect(nodeRedisClient(queuing, { offlineQueue: true, crossSlot: false }).crossSlot).toBe(false);
      expect(() => nodeRedisClient(queuing, { offlineQueue: true, crossSlot: 'yes' as never })).toThrow(
        /crossSlot must be a boolean, got yes/,
      );
      expect(ioredisClient(io, { offlineQueue: true }).crossSlot).toBe(true);
      expect(ioredisClient(io, { offlineQueue: true, crossSlot: false }).crossSlot).toBe(false);
      const ioCluster = new Cluster([{ port: 1 }], { lazyConnect: true, enableOfflineQueue: false });
      expect(ioredisClient(ioCluster).crossSlot).toBe(false);
      expect(() => ioredisClient(ioCluster, { crossSlot: true })).toThrow(/cannot be true for a cluster/);
      const cluster = createCluster({
        rootNodes: [{ url: 'redis://127.0.0.1:1' }],
        defaults: { disableOfflineQueue: true },
      });
      expect(nodeRedisClient(cluster).crossSlot).toBe(false);
      expect(() => nodeRedisClient(cluster, { crossSlot: true })).toThrow(/cannot be true for a cluster/);
      const adapter = (client as TestClient).adapter;
      expect(() => new RedisRateLimitStore({} as never)).toThrow(/client/);
      expect(() => new RedisRateLimitStore({ client: adapter, prefix: 'a{b}' })).toThrow(/prefix/);
      expect(() => new RedisRateLimitStore({ client: adapter, onFailure: 'ignore' as never })).toThrow(
        /onFailure/,
      );
      expect(() => new RedisRateLimitStore({ client: adapter, timeoutMs: 0 })).toThrow(/timeoutMs/);
      expect(() => new RedisRateLimitStore({ client: { ...adapter, crossSlot: 1 as never } })).toThrow(
        /client.crossSlot must be a boolean or left out, got 1/,
      );
      const store = new RedisSemaphoreStore({ client: adapter });
      await expect(store.acquire('a', { token: 't', weight: 2, permits: 1, leaseMs: 10 })).rejects.toThrow(
        /weight/,
      );
    });
  },
);
