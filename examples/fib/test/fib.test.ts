import { describe, expect, it } from 'vitest';
// The built modules: the pool's workers load the compiled fib.js.
import { createFibPool, fib, fibGather, fibs, formatRuns, timeRuns } from '../dist/index.js';

describe('fib', () => {
  it('computes the sequence', () => {
    expect(Array.from({ length: 11 }, (_, n) => fib(n))).toEqual([0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]);
    expect(fib(30)).toBe(832040);
  });

  it.each([-1, 1.5, 79, Number.NaN])('refuses n = %s', (n) => {
    expect(() => fib(n)).toThrow(RangeError);
  });
});

describe('the three ways give the same numbers', () => {
  const ns = [18, 5, 20, 0, 19];

  it('in a loop and gathered on the event loop', async () => {
    expect(await fibGather(ns)).toEqual(fibs(ns));
  });

  it('on the worker pool, in order', async () => {
    await using pool = createFibPool(2);
    expect(pool.size).toBe(2);
    expect(await pool.fibp(ns)).toEqual(fibs(ns));
    await expect(pool.fibp([-1])).rejects.toThrow(RangeError);
  });
});

describe('timeRuns', () => {
  /** A clock that moves `step` ms each time it is read. */
  const fakeClock = (step: number) => {
    let t = 0;
    return () => (t += step);
  };

  it('runs until the time is up, after uncounted warm-up runs', async () => {
    let calls = 0;
    const timed = await timeRuns('work', () => calls++, { now: fakeClock(100), warmUp: 2 });
    // Started at t=100; each counted run reads the clock once more: 200, …, 1100 ≥ 1000 ms later.
    expect(timed).toEqual({ name: 'work', runs: 10, seconds: 1, msPerRun: 100 });
    expect(calls).toBe(12);
  });

  it('awaits each run before the next', async () => {
    const order: string[] = [];
    await timeRuns(
      'async',
      async () => {
        order.push('start');
        await Promise.resolve();
        order.push('end');
      },
      { now: fakeClock(600), warmUp: 0 },
    );
    expect(order).toEqual(['start', 'end', 'start', 'end']);
  });

  it('refuses impossible options', async () => {
    await expect(timeRuns('x', () => {}, { seconds: 0 })).rejects.toThrow(/seconds must be above 0, got 0/);
    await expect(timeRuns('x', () => {}, { warmUp: -1 })).rejects.toThrow(/warmUp must be a whole number/);
  });

  it('prints the talk line', () => {
    expect(formatRuns({ name: 'fibs', runs: 156, seconds: 1.0012, msPerRun: 6.418 })).toBe(
      '156 runs of fibs in 1.0 s: 6.42 msec per run',
    );
    expect(formatRuns({ name: 'many_random', runs: 2, seconds: 1.116, msPerRun: 558 })).toBe(
      '2 runs of many_random in 1.1 s: 558.00 msec per run',
    );
    expect(formatRuns({ name: 'many_random', runs: 1, seconds: 1.351, msPerRun: 1351 })).toBe(
      '1 runs of many_random in 1.4 s: 1.351 sec per run',
    );
  });
});
