import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentTime } from '../../src/concurrency/current-time.js';
import { moveOnAfter, moveOnAt } from '../../src/concurrency/move-on-after.js';
import { sleep, sleepForever } from '../../src/concurrency/sleep.js';
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

describe('moveOnAfter()', () => {
  it('returns the result when the body finishes in time', async () => {
    const done = moveOnAfter(100, async () => {
      await sleep(99);
      return 'fast';
    });
    await clock.advance(99);
    await expect(done).resolves.toBe('fast');
  });

  it('resolves to undefined and marks the scope when the deadline cuts the body short', async () => {
    let seen: { cancelledCaught: boolean } | undefined;
    const done = moveOnAfter(100, async (scope) => {
      seen = scope;
      await sleep(101);
      return 'slow';
    });
    await clock.advance(100);
    await expect(done).resolves.toBeUndefined();
    expect(seen?.cancelledCaught).toBe(true);
  });

  it('shields the body from an enclosing cancellation when asked', async () => {
    let finished = false;
    const done = moveOnAfter(1000, async (outer) => {
      await moveOnAfter(
        500,
        async () => {
          outer.cancel();
          await sleep(10);
          finished = true;
        },
        { shield: true },
      );
    });
    await clock.advance(10);
    await done;
    expect(finished).toBe(true);
  });

  it('stops on a foreign signal and propagates its reason', async () => {
    const controller = new AbortController();
    const done = moveOnAfter(1000, () => sleepForever(), { signal: controller.signal });
    controller.abort('stop');
    await expect(done).rejects.toBe('stop');
  });
});

describe('moveOnAt()', () => {
  it('shares one absolute deadline between several steps', async () => {
    const deadline = currentTime() + 100;
    const finished: number[] = [];
    const work = (async () => {
      for (const step of [1, 2, 3]) {
        await moveOnAt(deadline, async () => {
          await sleep(40);
          finished.push(step);
        });
      }
    })();
    await clock.advance(100);
    await work;
    expect(finished).toEqual([1, 2]);
    expect(clock.now()).toBe(100);
  });
});

describe('timers on the real clock', () => {
  it('clears the deadline timer as soon as the body finishes, so nothing keeps the process alive', async () => {
    installed[Symbol.dispose](); // use the system clock for this one
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const inside = await moveOnAfter(60_000, async () => timers());
    expect(inside).toBe(before + 1);
    expect(timers()).toBe(before);
    await moveOnAfter(60_000, () => sleep(1));
    expect(timers()).toBe(before);
  });
});
