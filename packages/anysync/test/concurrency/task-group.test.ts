import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/concurrency/cancelled-error.js';
import { currentScope } from '../../src/concurrency/current-scope.js';
import { moveOnAfter } from '../../src/concurrency/move-on-after.js';
import { sleep, sleepForever } from '../../src/concurrency/sleep.js';
import { TaskGroup } from '../../src/concurrency/task-group.js';
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

const fail = (message: string, after = 0) =>
  async function failing(): Promise<never> {
    await sleep(after);
    throw new Error(message);
  };

describe('TaskGroup', () => {
  it('waits for every task when the await using block ends', async () => {
    const finished: number[] = [];
    {
      await using group = new TaskGroup();
      for (const delay of [30, 10, 20]) {
        group.spawn(async () => {
          await sleep(delay);
          finished.push(delay);
        });
      }
      expect(group.stats()).toEqual({ running: 3, failed: 0, cancelled: false, closed: false });
    }
    expect(finished).toEqual([10, 20, 30]);
    expect(clock.now()).toBe(30);
  });

  it('runs each task in the group scope and passes the group signal', async () => {
    const group = new TaskGroup();
    group.spawn((signal) => {
      expect(signal).toBe(group.signal);
      expect(currentScope()).toBe(group.cancelScope);
    });
    await group.join();
    expect(group.stats().closed).toBe(true);
  });

  it('cancels the siblings at the first failure and reports only real failures', async () => {
    const sibling: { error?: unknown } = {};
    const group = new TaskGroup();
    group.spawn(fail('first', 10));
    group.spawn(async (signal) => {
      try {
        await sleep(1000);
      } catch (error) {
        sibling.error = error;
        expect(signal.aborted).toBe(true);
        throw error;
      }
    });
    const error = await group.join().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskGroupError);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as TaskGroupError).errors.map((e) => (e as Error).message)).toEqual(['first']);
    expect((error as Error).message).toBe('1 task failed in a TaskGroup; first: first');
    expect(sibling.error).toBeInstanceOf(CancelledError);
    expect(clock.now()).toBe(10);
  });

  it('reports every failure together, in the order they happened', async () => {
    const group = new TaskGroup();
    group.spawn(async () => {
      await sleep(100).catch(() => {}); // swallows its cancellation…
      await sleep(0).catch(() => {}); // …and, still in the cancelled group, fails during cleanup
      throw new Error('cleanup failed');
    });
    group.spawn(fail('boom', 5));
    group.spawn(() => {
      throw new Error('sync');
    });
    const error = (await group.join().catch((e: unknown) => e)) as TaskGroupError;
    expect(error.errors.map((e) => (e as Error).message)).toEqual(['sync', 'cleanup failed']);
    expect(error.message).toMatch(/^2 tasks failed/);
  });

  it('accepts tasks that return plain values or foreign thenables, settling each once', async () => {
    const group = new TaskGroup();
    group.spawn(() => 5);
    const thenable = {
      // biome-ignore lint/suspicious/noThenProperty: a misbehaving foreign thenable
      then(ok: () => void, ko: (e: unknown) => void) {
        ok();
        ko(new Error('x'));
        ok();
      },
    };
    group.spawn(() => thenable);
    await group.join();
    expect(group.stats()).toMatchObject({ running: 0, failed: 0 });
  });

  it('accepts tasks spawned while it is being joined, and none after', async () => {
    const ran: string[] = [];
    const group = new TaskGroup();
    group.spawn(async () => {
      await sleep(5);
      group.spawn(async () => {
        await sleep(5);
        ran.push('late');
      });
    });
    await group.join();
    expect(ran).toEqual(['late']);
    expect(() => group.spawn(() => {})).toThrow(/TaskGroup.spawn\(\): the group has finished/);
    expect(group.join()).toBe(group.join());
  });

  it('ends normally after cancel(), with every task stopped', async () => {
    const group = new TaskGroup();
    group.spawn(() => sleepForever());
    group.spawn(async () => {
      await sleep(10);
      group.cancel('done');
    });
    await group.join();
    expect(group.stats()).toMatchObject({ cancelled: true, failed: 0 });
  });

  it('propagates the cancellation of an enclosing scope', async () => {
    let stopped = false;
    const result = await moveOnAfter(20, async () => {
      await using group = new TaskGroup();
      group.spawn(async () => {
        try {
          await sleepForever();
        } finally {
          stopped = true;
        }
      });
    });
    expect(result).toBeUndefined();
    expect(stopped).toBe(true);
    expect(clock.now()).toBe(20);
  });

  it('is cancelled by a foreign signal, whose reason comes out of join()', async () => {
    const controller = new AbortController();
    const group = new TaskGroup({ signal: controller.signal });
    group.spawn(() => sleepForever());
    controller.abort('shutdown');
    await expect(group.join()).rejects.toBe('shutdown');
  });

  it('honours a deadline set on its cancel scope', async () => {
    const group = new TaskGroup();
    group.cancelScope.deadline = clock.now() + 15;
    group.spawn(() => sleepForever());
    await group.join();
    expect(group.cancelScope.cancelledCaught).toBe(true);
    expect(clock.now()).toBe(15);
  });
});

describe('TaskGroup.start()', () => {
  it('resolves with the ready value while the task keeps running in the group', async () => {
    let closed = false;
    const group = new TaskGroup();
    const port = await group.start<number>(async (ready, signal) => {
      await sleep(5);
      ready(8080);
      await sleep(100, { signal });
      closed = true;
    });
    expect(port).toBe(8080);
    expect(closed).toBe(false);
    await group.join();
    expect(closed).toBe(true);
  });

  it('rejects, leaving the group unharmed, when the task fails before it is ready', async () => {
    const group = new TaskGroup();
    group.spawn(() => sleep(10));
    await expect(group.start(fail('bind failed'))).rejects.toThrow('bind failed');
    await expect(
      group.start(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await group.join();
    expect(group.stats()).toMatchObject({ failed: 0, cancelled: false });
  });

  it('rejects when the task finishes without calling ready()', async () => {
    const group = new TaskGroup();
    await expect(group.start(async () => {})).rejects.toThrow(
      'TaskGroup.start(): the task finished without calling ready()',
    );
    await group.join();
  });

  it('treats a failure after ready() as a group failure', async () => {
    const group = new TaskGroup();
    await group.start(async (ready) => {
      ready();
      await sleep(1);
      throw new Error('later');
    });
    await expect(group.join()).rejects.toBeInstanceOf(TaskGroupError);
  });

  it('refuses a second ready()', async () => {
    const group = new TaskGroup();
    let second: unknown;
    await group.start((ready) => {
      ready();
      try {
        ready();
      } catch (error) {
        second = error;
      }
    });
    await group.join();
    expect(String(second)).toMatch(/ready\(\) may be called once/);
  });
});
