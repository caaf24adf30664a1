// Every store on a real 3-node Redis Cluster (started here): the keys of one operation share a hash tag,
// so no script meets CROSSSLOT, names spread over the nodes, and grants reach waiters through the
// cluster's pub/sub.
import { Cluster } from 'ioredis';
import { FifoLockout } from 'anysync/rate-limit';
import { memoize } from 'anysync/cache';
import { Semaphore } from 'anysync/primitives';
import { RateLimiter } from 'anysync/rate-limit';
import { createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ioredisClient,
  nodeRedisClient,
  type RedisClient,
  RedisLockoutStore,
  RedisRateLimitStore,
  RedisSemaphoreStore,
  RedisSingleFlightStore,
} from '../src/index.js';
import { RedisClusterServers, redisMissing } from './support/redis-server.js';

let cluster: RedisClusterServers | undefined;

interface ClusterClient {
  readonly adapter: RedisClient;
  close(): Promise<void>;
}

async function connect(kind: 'node-redis' | 'ioredis'): Promise<ClusterClient> {
  const nodes = (cluster as RedisClusterServers).nodes.map((node) => ({
    host: '127.0.0.1',
    port: node.port,
  }));
  if (kind === 'ioredis') {
    const client = new Cluster(nodes, { enableOfflineQueue: false, lazyConnect: true });
    await client.connect();
    const adapter = ioredisClient(client);
    return {
      adapter,
      close: async () => {
        await adapter.close?.();
        client.disconnect();
      },
    };
  }
  const client = createCluster({
    rootNodes: nodes.map((node) => ({ url: `redis://${node.host}:${node.port}` })),
    defaults: { disableOfflineQueue: true },
  });
  client.on('error', () => {});
  await client.connect();
  const adapter = nodeRedisClient(client);
  return { adapter, close: async () => void client.destroy() };
}

/** Which node owns each of these keys' slots, asked of the cluster. */
function slotsOf(keys: string[]): Set<string> {
  const node = (cluster as RedisClusterServers).nodes[0];
  return new Set(keys.map((key) => node?.cli('cluster', 'keyslot', key).trim() ?? ''));
}

describe.skipIf(redisMissing)(`Redis Cluster${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  beforeAll(async () => {
    cluster = await RedisClusterServers.start();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('the names used below land on more than one node, and their keys would not share a slot untagged', () => {
    const names = ['alpha', 'bravo', 'charlie', 'delta'];
    expect(slotsOf(names).size).toBeGreaterThan(1);
    expect(slotsOf(['anysync:rate-log:alpha:log', 'anysync:rate-log:alpha:sum']).size).toBe(2);
    expect(slotsOf(['anysync:{rate-log:alpha}:log', 'anysync:{rate-log:alpha}:sum']).size).toBe(1);
  });

  for (const kind of ['node-redis', 'ioredis'] as const) {
    it(`${kind}: rate limits, lockouts, memoize and semaphores work on every node`, async () => {
      const client = await connect(kind);
      try {
        const options = { client: client.adapter, prefix: `cluster-${kind}` };
        const rates = new RedisRateLimitStore(options);
        const gates = new RedisLockoutStore(options);
        const flights = new RedisSingleFlightStore(options);
        const permits = new RedisSemaphoreStore(options);
        for (const name of ['alpha', 'bravo', 'charlie', 'delta']) {
          for (const algorithm of ['sliding-log', 'sliding-counter', 'gcra'] as const) {
            const limiter = new RateLimiter({ limit: 2, interval: 60_000, store: rates, name, algorithm });
            expect(await limiter.tryAcquire()).toBe(true);
            expect(await limiter.tryAcquire()).toBe(true);
            expect((await limiter.consume()).admitted).toBe(false);
          }
          const gate = new FifoLockout({ store: gates, name });
          await gate.lockFor(60_000);
          expect(await gate.remaining).toBeGreaterThan(50_000);
          await gate.unlock();
          let runs = 0;
          const square = memoize(
            async (n: number) => {
              runs++;
              return n * n;
            },
            { store: flights, name, ttl: 60_000 },
          );
          expect(await Promise.all([square(3), square(3)])).toEqual([9, 9]);
          expect(runs).toBe(1);
          const semaphore = new Semaphore(1, { store: permits, name, leaseMs: 5000 });
          const held = await semaphore.acquire();
          const waiting = semaphore.acquire(); // woken by the grant the releasing script makes
          await held.releaseAsync();
          const next = await waiting;
          expect(next.fencingToken).toBeGreaterThan(held.fencingToken);
          await next.releaseAsync();
        }
        // Overlapping calls on limits all over the cluster: a run never holds two limits' keys.
        expect(client.adapter.crossSlot).toBe(false);
        const many = Array.from({ length: 40 }, (_, i) => `many-${i}`);
        for (const algorithm of ['sliding-log', 'sliding-counter', 'gcra'] as const) {
          const request = Object.freeze({ algorithm, limit: 2, interval: 60_000, weight: 1 });
          const calls = many.flatMap((name) => [0, 1, 2].map(() => rates.consume(name, request)));
          const decisions = await Promise.all(calls);
          expect(decisions.map((d) => d.admitted)).toEqual(many.flatMap(() => [true, true, false]));
        }
      } finally {
        await client.close();
      }
    });
  }
});
