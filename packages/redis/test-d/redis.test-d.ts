import {
  type FailurePolicy,
  ioredisClient,
  nodeRedisClient,
  type ClientAdapterOptions,
  type RedisClient,
  RedisLockoutStore,
  RedisRateLimitStore,
  RedisSemaphoreStore,
  RedisSingleFlightStore,
  type RedisStoreError,
  type RedisStoreErrorKind,
} from '@anysync/redis';
import type { SingleFlightStore } from 'anysync/cache';
import { Semaphore, type SemaphoreStore, type SharedPermit } from 'anysync/primitives';
import {
  type LockoutStore,
  RateLimiter,
  type RateLimitDecision,
  type RateLimitStore,
} from 'anysync/rate-limit';
import { Redis } from 'ioredis';
import { createClient, createCluster } from 'redis';
import { describe, expectTypeOf, it } from 'vitest';

describe('@anysync/redis types', () => {
  it('adapts both clients, single and cluster', () => {
    expectTypeOf(nodeRedisClient(createClient({ disableOfflineQueue: true }))).toEqualTypeOf<RedisClient>();
    expectTypeOf(nodeRedisClient(createCluster({ rootNodes: [] }))).toEqualTypeOf<RedisClient>();
    expectTypeOf(ioredisClient(new Redis({ lazyConnect: true }))).toEqualTypeOf<RedisClient>();
    expectTypeOf<RedisClient['crossSlot']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(ioredisClient).parameter(1).toEqualTypeOf<ClientAdapterOptions | undefined>();
    expectTypeOf<ClientAdapterOptions['crossSlot']>().toEqualTypeOf<boolean | undefined>();
  });

  it('implements the store interfaces of anysync', () => {
    const client = {} as RedisClient;
    const policy: FailurePolicy = 'fallback';
    expectTypeOf(new RedisRateLimitStore({ client, onFailure: policy })).toExtend<RateLimitStore>();
    expectTypeOf(new RedisLockoutStore({ client })).toExtend<LockoutStore>();
    expectTypeOf(new RedisSingleFlightStore({ client })).toExtend<SingleFlightStore>();
    expectTypeOf(new RedisSemaphoreStore({ client })).toExtend<SemaphoreStore>();
    const limiter = new RateLimiter({
      limit: 1,
      interval: 1,
      store: new RedisRateLimitStore({ client }),
      name: 'a',
    });
    expectTypeOf(limiter.consume()).toEqualTypeOf<Promise<RateLimitDecision>>();
    expectTypeOf(
      new Semaphore(1, { store: new RedisSemaphoreStore({ client }), name: 'a' }).acquire(),
    ).toEqualTypeOf<Promise<SharedPermit>>();
    // @ts-expect-error: a policy is one of three
    new RedisRateLimitStore({ client, onFailure: 'ignore' });
  });

  it('tells store failures apart', () => {
    expectTypeOf<RedisStoreError['kind']>().toEqualTypeOf<RedisStoreErrorKind>();
    expectTypeOf<RedisStoreError['operation']>().toEqualTypeOf<string>();
  });
});
