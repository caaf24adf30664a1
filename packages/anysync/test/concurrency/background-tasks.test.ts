import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackgroundTasks } from '../../src/concurrency/background-tasks.js';
import { moveOnAfter } from '../../src/concurrency/move-on-after.js';
import { sleep, sleepForever } from '../../src/concurrency/sleep.js';
import { TaskGroupError } from '../../src/concurrency/task-group-error.js';
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

describe('BackgroundTasks', () => {
  it('returns each task result and waits for all of them on exit', async () => {
    const finished: number[] = [];
    let answer: Promise<number> | undefined;
    {
      await using tasks = new BackgroundTasks();
      answer = tasks.spawn(async () => 42);
      tasks.spawn(async () => {
        await sleep(20);
        finished.push(20);
      });
    }
    expect(await answer).toBe(42);
    expect(finished).toEqual([20]);
  });

  it('never cancels siblings on error, and reports every failure at the end', async () => {
    let sibling = 'running';
    const tasks = new BackgroundTasks();
    const failed = tasks.spawn(async () => {
      await sleep(1);
      throw new Error('one');
    });
    tasks.spawn(async (signal) => {
      await sleep(50);
      sibling = signal.aborted ? 'cancelled' : 'finished';
    });
    tasks.spawn(() => {
      throw new Error('two');
    });
    await expect(failed).rejects.toThrow('one');
    const error = (await tasks.join().catch((e: unknown) => e)) as TaskGroupError;
    expect(sibling).toBe('finished');
    expect(error).toBeInstanceOf(TaskGroupError);
    expect(error.errors.map((e) => (e as Error).message)).toEqual(['two', 'one']);
    expect(error.message).toMatch(/in BackgroundTasks/);
  });

  it('passes failures to onError instead, and join() then succeeds', async () => {
    const seen: unknown[] = [];
    const tasks = new BackgroundTasks({ onError: (error) => seen.push(error) });
    void tasks.spawn(() => Promise.reject(new Error('handled')));
    await tasks.join();
    expect(seen).toEqual([new Error('handled')]);
    expect(tasks.stats()).toEqual({ running: 0, failed: 0, closed: true });
  });

  it('reports an onError handler that throws', async () => {
    const tasks = new BackgroundTasks({
      onError: () => {
        throw new Error('handler broke');
      },
    });
    void tasks.spawn(() => Promise.reject(new Error('x')));
    await expect(tasks.join()).rejects.toMatchObject({ errors: [new Error('handler broke')] });
  });

  it('cancels stragglers at the exit timeout, then waits for their cleanup', async () => {
    const log: string[] = [];
    const tasks = new BackgroundTasks({ exitTimeout: 100 });
    tasks.spawn(async () => {
      await sleep(30);
      log.push('quick done');
    });
    const straggler = tasks.spawn(async () => {
      try {
        await sleepForever();
      } finally {
        await new Promise((resolve) => setImmediate(resolve));
        log.push('straggler cleaned up');
      }
    });
    await sleep(10);
    await tasks.join();
    expect(log).toEqual(['quick done', 'straggler cleaned up']);
    expect(clock.now()).toBe(110); // the timeout counts from the start of the exit
    await expect(straggler).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('does not arm the exit timer when nothing is running', async () => {
    const tasks = new BackgroundTasks({ exitTimeout: 100 });
    await tasks.join();
    expect(clock.now()).toBe(0);
  });

  it('refuses tasks after the join and validates exitTimeout', async () => {
    const tasks = new BackgroundTasks();
    await tasks.join();
    expect(() => tasks.spawn(() => 1)).toThrow(/already joined/);
    expect(() => new BackgroundTasks({ exitTimeout: -1 })).toThrow(/exitTimeout must be/);
  });

  it('is cancelled by cancel() and by an enclosing scope', async () => {
    const tasks = new BackgroundTasks();
    tasks.spawn(() => sleepForever());
    tasks.cancel();
    await tasks.join();
    const result = await moveOnAfter(5, async () => {
      await using inner = new BackgroundTasks();
      inner.spawn(() => sleepForever());
    });
    expect(result).toBeUndefined();
  });
});
