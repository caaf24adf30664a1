import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sleep, sleepForever } from '../../src/concurrency/sleep.js';
import { TaskGroupError } from '../../src/concurrency/task-group-error.js';
import { withTaskGroup } from '../../src/concurrency/with-task-group.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock({ autojump: true });
  installed = clock.install();
});
afterEach(() => {
  installed[Symbol.dispose]();
  expect(clock.pendingTimers).toBe(0);
});

describe('withTaskGroup()', () => {
  it('returns the body result after every task finished', async () => {
    let done = false;
    const result = await withTaskGroup((group) => {
      group.spawn(async () => {
        await sleep(10);
        done = true;
      });
      return 'body';
    });
    expect(result).toBe('body');
    expect(done).toBe(true);
  });

  it('cancels the tasks when the body itself fails', async () => {
    let cancelled = false;
    const outcome = withTaskGroup(async (group) => {
      group.spawn(async (signal) => {
        await sleepForever().catch((error) => {
          cancelled = signal.aborted;
          throw error;
        });
      });
      await sleep(5);
      throw new Error('body failed');
    });
    const error = (await outcome.catch((e: unknown) => e)) as TaskGroupError;
    expect(error).toBeInstanceOf(TaskGroupError);
    expect(error.errors).toEqual([new Error('body failed')]);
    expect(cancelled).toBe(true);
  });

  it('returns undefined when the group is cancelled while the body waits', async () => {
    const result = await withTaskGroup(async (group) => {
      group.spawn(async () => {
        await sleep(5);
        group.cancel();
      });
      await sleepForever();
      return 'never';
    });
    expect(result).toBeUndefined();
  });

  it('implements "first answer wins"', async () => {
    let winner = '';
    await withTaskGroup((group) => {
      for (const [name, delay] of [
        ['slow', 30],
        ['fast', 10],
      ] as const) {
        group.spawn(async (signal) => {
          await sleep(delay, { signal });
          winner = name;
          group.cancel();
        });
      }
    });
    expect(winner).toBe('fast');
    expect(clock.now()).toBe(10);
  });
});
