import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { RateLimiter } from '../../src/rate-limit/rate-limiter.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

/** Starts `count` acquisitions and records the virtual time at which each was admitted. */
function admitTimes(limiter: RateLimiter, count: number, weight = 1): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, () => limiter.acquire({ weight }).then(() => clock.now())),
  );
}

describe('RateLimiter', () => {
  it('keeps admitting after the first limit acquisitions (async-utils’ RateLimiter spins forever)', async () => {
    const limiter = new RateLimiter({ limit: 3, interval: 100 });
    const times = admitTimes(limiter, 7);
    await clock.runAll();
    expect(await times).toEqual([0, 0, 0, 100, 100, 100, 200]);
    expect(limiter.stats()).toEqual({ limit: 3, interval: 100, used: 1, waiting: 0, admitted: 7 });
    await clock.advance(100);
    expect(limiter.tryAcquire()).toBe(true);
  });

  it('slides the window: an admission counts for exactly interval after it happened', async () => {
    const limiter = new RateLimiter({ limit: 2, interval: 100 });
    await limiter.acquire();
    await clock.advance(60);
    await limiter.acquire();
    const third = limiter.acquire().then(() => clock.now());
    const fourth = limiter.acquire().then(() => clock.now());
    await clock.runAll();
    expect([await third, await fourth]).toEqual([100, 160]);
  });

  it('never admits more than limit in any window, whatever the arrivals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(
          fc.record({ at: fc.integer({ min: 0, max: 200 }), weight: fc.integer({ min: 1, max: 4 }) }),
          {
            maxLength: 25,
          },
        ),
        async (limit, interval, arrivals) => {
          const local = new VirtualClock();
          using _ = local.install();
          const limiter = new RateLimiter({ limit, interval });
          const admitted: { time: number; weight: number }[] = [];
          const fitting = arrivals.filter((arrival) => arrival.weight <= limit);
          const all = fitting.map(({ at, weight }) =>
            new Promise<void>((resolve) => local.setTimer(resolve, at))
              .then(() => limiter.acquire({ weight }))
              .then(() => admitted.push({ time: local.now(), weight })),
          );
          await local.runAll();
          await Promise.all(all);
          expect(admitted).toHaveLength(fitting.length);
          for (const { time } of admitted) {
            const inWindow = admitted
              .filter((other) => other.time > time - interval && other.time <= time)
              .reduce((sum, other) => sum + other.weight, 0);
            expect(inWindow).toBeLessThanOrEqual(limit);
          }
          expect(local.pendingTimers).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('serves waits in order: a light one does not pass a heavy one at the head', async () => {
    const limiter = new RateLimiter({ limit: 5, interval: 100 });
    const order: string[] = [];
    await limiter.acquire({ weight: 4 });
    const heavy = limiter.acquire({ weight: 4 }).then(() => order.push(`heavy@${clock.now()}`));
    const light = limiter.acquire({ weight: 1 }).then(() => order.push(`light@${clock.now()}`));
    expect(limiter.tryAcquire(1)).toBe(false); // queued waiters come first
    await clock.runAll();
    await Promise.all([heavy, light]);
    expect(order).toEqual(['heavy@100', 'light@100']);
  });

  it('an aborted wait leaves the queue, lets the next one in and clears the timer', async () => {
    const limiter = new RateLimiter({ limit: 2, interval: 100 });
    await limiter.acquire({ weight: 2 });
    const controller = new AbortController();
    const first = limiter.acquire({ weight: 2, signal: controller.signal });
    expect(clock.pendingTimers).toBe(1);
    controller.abort('no longer needed');
    await expect(first).rejects.toBe('no longer needed');
    expect(clock.pendingTimers).toBe(0);
    expect(limiter.stats().waiting).toBe(0);
    const second = limiter.acquire().then(() => clock.now());
    await clock.runAll();
    expect(await second).toBe(100);
  });

  it('rejects at once inside a cancelled scope, even with room', async () => {
    const limiter = new RateLimiter({ limit: 2, interval: 100 });
    const scope = new CancelScope();
    scope.cancel('stop');
    await scope.run(async () => {
      await expect(limiter.acquire()).rejects.toBe(scope.cancelError);
    });
    await expect(limiter.acquire({ signal: AbortSignal.abort('early') })).rejects.toBe('early');
    expect(limiter.stats().used).toBe(0);
  });

  it('run() and wrap() acquire before calling, with a weight per call', async () => {
    const limiter = new RateLimiter({ limit: 10, interval: 1000 });
    expect(await limiter.run(() => 'ran')).toBe('ran');
    const bulk = limiter.wrap(async (ids: number[]) => ids.length, { weight: (ids) => ids.length });
    expect(await bulk([1, 2, 3, 4])).toBe(4);
    expect(limiter.stats().used).toBe(5);
    expect(limiter.delayFor(6)).toBe(1000);
    expect(limiter.delayFor(5)).toBe(0);
  });

  it('explains invalid options and weights', () => {
    expect(() => new RateLimiter({ limit: 0, interval: 10 })).toThrow(
      'RateLimiter: limit must be a finite number > 0, got 0',
    );
    expect(() => new RateLimiter({ limit: 1, interval: Number.POSITIVE_INFINITY })).toThrow(
      'RateLimiter: interval must be a finite number > 0, got Infinity',
    );
    expect(() => new RateLimiter({ limit: 2 ** 52, interval: 10 })).toThrow(/limit must be at most 2\^51/);
    const limiter = new RateLimiter({ limit: 3, interval: 10 });
    expect(() => limiter.acquire({ weight: 4 })).toThrow(
      'RateLimiter.acquire(): weight must be a number > 0 and <= the limit (3): a heavier one could never be granted, got 4',
    );
    expect(() => limiter.tryAcquire(0)).toThrow(RangeError);
    expect(() => limiter.tryAcquire(1e-20)).toThrow(/weight must be at least 1e-14/);
  });

  it('adds fractional weights exactly: 0.2 + 2 + 0.6 + 0.2 fills a limit of 3, no more (issue 14, case a)', async () => {
    const limiter = new RateLimiter({ limit: 3, interval: 8 });
    for (const weight of [0.2, 2, 0.6]) await limiter.acquire({ weight });
    await clock.advanceTo(1);
    const last = limiter.acquire({ weight: 0.2 }).then(() => clock.now());
    await clock.runAll();
    expect(await last).toBe(1); // in floating point the sum is 3.0000000000000004 and it waited until 8
    expect(limiter.stats().used).toBe(3);
    expect(limiter.tryAcquire(0.001)).toBe(false);
    await clock.advanceTo(8);
    expect(limiter.stats().used).toBe(0.2);
  });

  it('empties to exactly 0 and sets no timer that fires without progress (issue 14, case b)', async () => {
    const limiter = new RateLimiter({ limit: 1, interval: 10 });
    expect([limiter.tryAcquire(0.2), limiter.tryAcquire(0.4), limiter.tryAcquire(0.3)]).toEqual([
      true,
      true,
      true,
    ]);
    await clock.advanceTo(5);
    const whole = limiter.acquire({ weight: 1 }).then(() => clock.now());
    await clock.runAll({ limit: 10 }); // before the fix: a 0 ms timer re-armed forever at t = 5
    expect(await whole).toBe(10);
    expect(clock.stats()).toMatchObject({ now: 10, pendingTimers: 0, firedTimers: 1 });
    await clock.advanceTo(20);
    expect(limiter.stats().used).toBe(0);
  });

  it('fires no timer without progress when the clock reads far from 0 (rounding of now + delay)', async () => {
    const start = 1.7e12 + 0.1;
    const far = new VirtualClock({ start });
    using _far = far.install();
    const limiter = new RateLimiter({ limit: 1, interval: 0.3 });
    const admitted: number[] = [];
    const all = Array.from({ length: 5 }, () =>
      limiter.acquire({ weight: 0.7 }).then(() => admitted.push(far.now() - start)),
    );
    await far.runAll({ limit: 20 });
    await Promise.all(all);
    expect(admitted).toHaveLength(5);
    for (let i = 1; i < admitted.length; i++) {
      expect((admitted[i] as number) - (admitted[i - 1] as number)).toBeCloseTo(0.3, 3);
    }
    expect(far.stats().firedTimers).toBe(4);
  });
});
