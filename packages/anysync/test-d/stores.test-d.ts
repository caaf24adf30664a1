import { memoize, MemorySingleFlightStore, type MemoizedFunction } from 'anysync/cache';
import { Lock, MemorySemaphoreStore, type Permit, Semaphore, type SharedPermit } from 'anysync/primitives';
import {
  FifoLockout,
  Lockout,
  MemoryLockoutStore,
  MemoryRateLimitStore,
  type RateLimitDecision,
  RateLimiter,
  type RateLimiterStats,
} from 'anysync/rate-limit';
import { describe, expectTypeOf, it } from 'vitest';

describe('primitives with a store', () => {
  it('answer with promises where the in-process ones answer at once', () => {
    const store = new MemoryRateLimitStore();
    const shared = new RateLimiter({ limit: 5, interval: 1000, store, name: 'api', algorithm: 'gcra' });
    expectTypeOf(shared.tryAcquire()).toEqualTypeOf<Promise<boolean>>();
    expectTypeOf(shared.consume()).toEqualTypeOf<Promise<RateLimitDecision>>();
    expectTypeOf(shared.delayFor(2)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(shared.stats()).toEqualTypeOf<Promise<RateLimiterStats>>();
    expectTypeOf(shared.store).toEqualTypeOf<MemoryRateLimitStore>();
    const local = new RateLimiter({ limit: 5, interval: 1000 });
    expectTypeOf(local.consume()).toEqualTypeOf<RateLimitDecision>();
    expectTypeOf(local.tryAcquire()).toEqualTypeOf<boolean>();
    // @ts-expect-error: the algorithm is a closed set
    new RateLimiter({ limit: 5, interval: 1000, store, name: 'api', algorithm: 'leaky-bucket' });

    const gate = new FifoLockout({ store: new MemoryLockoutStore(), name: 'github' });
    expectTypeOf(gate.lockFor(1000)).toEqualTypeOf<Promise<void>>();
    expectTypeOf(gate.lockForRetryAfter('3')).toEqualTypeOf<Promise<number>>();
    expectTypeOf(gate.locked).toEqualTypeOf<Promise<boolean>>();
    expectTypeOf(new Lockout().lockFor(1000)).toEqualTypeOf<void>();
    expectTypeOf(new Lockout().remaining).toEqualTypeOf<number>();
  });

  it('hand out shared permits with fencing tokens', () => {
    const store = new MemorySemaphoreStore();
    expectTypeOf(new Semaphore(3, { store, name: 'pool' }).acquire()).toEqualTypeOf<Promise<SharedPermit>>();
    expectTypeOf(new Semaphore(3, { store, name: 'pool' }).tryAcquire()).toEqualTypeOf<
      Promise<SharedPermit | undefined>
    >();
    expectTypeOf(new Lock({ store, name: 'job' }).acquire()).toEqualTypeOf<Promise<SharedPermit>>();
    expectTypeOf(new Lock().acquire()).toEqualTypeOf<Promise<Permit>>();
    expectTypeOf(new Semaphore(3).tryAcquire()).toEqualTypeOf<Permit | undefined>();
    expectTypeOf<SharedPermit['fencingToken']>().toEqualTypeOf<number>();
  });

  it('type a shared memoize and its codec by the result', () => {
    const store = new MemorySingleFlightStore();
    const day = memoize(async (iso: string) => new Date(iso), {
      store,
      name: 'day',
      ttl: 1000,
      codec: { encode: (date) => date.toISOString(), decode: (text) => new Date(text) },
    });
    expectTypeOf(day).toEqualTypeOf<MemoizedFunction<[iso: string], Date>>();
    expectTypeOf(day.forget('2031-01-01')).toEqualTypeOf<Promise<void>>();
    const strings = { encode: (s: string) => s, decode: (s: string) => s };
    // @ts-expect-error: the codec must encode what the function returns
    memoize(async (n: number) => n, { store, name: 'n', ttl: 1, codec: strings });
  });
});
