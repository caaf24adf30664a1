import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { sleep, sleepForever, sleepUntil } from '../../src/concurrency/sleep.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('sleep()', () => {
  it('resolves after the delay on the current clock', async () => {
    let woke = false;
    const done = sleep(100).then(() => (woke = true));
    await clock.advance(99);
    expect(woke).toBe(false);
    await clock.advance(1);
    await done;
    expect(woke).toBe(true);
  });

  it('refuses negative delays (a deadline belongs in sleepUntil(), which takes past ones)', async () => {
    expect(() => sleep(-5)).toThrow(
      new RangeError('sleep(): ms must be a number of milliseconds >= 0 (or Infinity), got -5'),
    );
    const done = sleepUntil(clock.now() - 5);
    await clock.advance(0);
    await expect(done).resolves.toBeUndefined();
  });

  it('rejects with the reason and clears its timer when the signal aborts', async () => {
    const controller = new AbortController();
    const done = sleep(1000, { signal: controller.signal });
    expect(clock.pendingTimers).toBe(1);
    controller.abort('stop');
    await expect(done).rejects.toBe('stop');
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects at once, without a timer, when already cancelled', async () => {
    await expect(sleep(10, { signal: AbortSignal.abort('early') })).rejects.toBe('early');
    const scope = new CancelScope();
    scope.cancel();
    await scope.run(async () => {
      await expect(sleep(10)).rejects.toBe(scope.cancelError);
    });
    expect(clock.pendingTimers).toBe(0);
  });

  it('uses the real clock when no virtual clock is installed', async () => {
    installed[Symbol.dispose]();
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  it('rejects a delay that is not a number', () => {
    expect(() => sleep(Number.NaN)).toThrow(RangeError);
    expect(() => sleep('10' as never)).toThrow(
      new TypeError("sleep(): ms must be a number of milliseconds >= 0 (or Infinity), got '10' (string)"),
    );
    expect(() => sleep(10, { signal: 'x' as never })).toThrow(
      "sleep(): signal must be an AbortSignal or undefined, got 'x' (string)",
    );
  });
});

describe('sleepUntil()', () => {
  it('resolves when the clock reaches the deadline', async () => {
    await clock.advance(50);
    const done = sleepUntil(80);
    await clock.advance(30);
    await expect(done).resolves.toBeUndefined();
    expect(clock.now()).toBe(80);
  });

  it('rejects a deadline that is not a number', () => {
    expect(() => sleepUntil(Number.NaN)).toThrow(
      'sleepUntil(): deadline must be a number other than NaN, got NaN',
    );
  });
});

describe('sleepForever()', () => {
  it('sets no timer and ends only when cancelled', async () => {
    const controller = new AbortController();
    const done = sleepForever({ signal: controller.signal });
    expect(clock.pendingTimers).toBe(0);
    controller.abort('done');
    await expect(done).rejects.toBe('done');
  });
});
