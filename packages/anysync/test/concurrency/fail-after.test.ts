import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/concurrency/cancelled-error.js';
import { failAfter, failAt } from '../../src/concurrency/fail-after.js';
import { sleep } from '../../src/concurrency/sleep.js';
import { TimeoutError } from '../../src/concurrency/timeout-error.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => {
  installed[Symbol.dispose]();
  expect(clock.pendingTimers).toBe(0);
});

describe('failAfter()', () => {
  it('resolves to the result when the body finishes in time', async () => {
    const done = failAfter(50, async () => {
      await sleep(10);
      return 42;
    });
    await clock.advance(10);
    await expect(done).resolves.toBe(42);
  });

  it('throws a TimeoutError naming the budget, caused by the cancellation', async () => {
    const done = failAfter(50, () => sleep(100));
    const caught = done.catch((error: unknown) => error);
    await clock.advance(50);
    const error = (await caught) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.name).toBe('TimeoutError');
    expect(error.message).toBe('failAfter(): the operation did not finish within 50 ms');
    expect(error.cause).toBeInstanceOf(CancelledError);
  });

  it('reports a cancellation by hand as a cancellation, not a timeout', async () => {
    const done = failAfter(1000, async (scope) => {
      scope.cancel('manual');
      await sleep(1);
    });
    await expect(done).rejects.toMatchObject({ name: 'AbortError', reason: 'manual' });
  });

  it('does not fail when the body ignored the cancellation and returned', async () => {
    const done = failAfter(10, async () => {
      await sleep(20).catch(() => {});
      return 'ignored';
    });
    await clock.advance(10);
    await expect(done).resolves.toBe('ignored');
  });
});

describe('failAt()', () => {
  it('throws a TimeoutError at an absolute deadline', async () => {
    const done = failAt(30, () => sleep(100));
    const caught = done.catch((error: unknown) => error);
    await clock.advance(30);
    expect(await caught).toBeInstanceOf(TimeoutError);
    expect(((await caught) as Error).message).toMatch(/deadline \(30 ms\)/);
  });
});
