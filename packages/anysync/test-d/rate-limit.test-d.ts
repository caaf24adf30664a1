import {
  FifoLockout,
  type Lockout,
  type LockoutStats,
  RateLimiter,
  type RateLimiterStats,
} from 'anysync/rate-limit';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/rate-limit types', () => {
  it('types acquisitions, run() and wrap()', () => {
    const limiter = new RateLimiter({ limit: 5, interval: 1000 });
    expectTypeOf(limiter.acquire({ weight: 2 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(limiter.tryAcquire()).toEqualTypeOf<boolean>();
    expectTypeOf(limiter.run(async () => 'x')).toEqualTypeOf<Promise<string>>();
    const wrapped = limiter.wrap(async (id: number, _verbose?: boolean) => ({ id }), { weight: (id) => id });
    expectTypeOf(wrapped).toEqualTypeOf<(id: number, _verbose?: boolean) => Promise<{ id: number }>>();
    expectTypeOf(limiter.stats()).toEqualTypeOf<RateLimiterStats>();
    // @ts-expect-error: limit and interval are required
    new RateLimiter({ limit: 5 });
  });

  it('types lockouts', () => {
    const gate: Lockout = new FifoLockout();
    expectTypeOf(gate.wait()).toEqualTypeOf<Promise<void>>();
    expectTypeOf(gate.run(() => 1)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(gate.lockForRetryAfter('3')).toEqualTypeOf<number>();
    expectTypeOf(gate.stats()).toEqualTypeOf<LockoutStats>();
  });
});
