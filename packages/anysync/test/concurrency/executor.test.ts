import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Executor } from '../../src/concurrency/executor.js';
import { sleep, sleepForever } from '../../src/concurrency/sleep.js';
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

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('Executor.submit()', () => {
  it('runs at most maxConcurrency functions at once and returns each result', async () => {
    let active = 0;
    let peak = 0;
    await using executor = new Executor({ maxConcurrency: 2 });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        executor.submit(async () => {
          active++;
          peak = Math.max(peak, active);
          await sleep(10);
          active--;
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
    expect(clock.now()).toBe(30);
  });

  it('keeps failures on their own promises (already observed) and finishes the rest', async () => {
    const executor = new Executor();
    const failing = executor.submit(() => Promise.reject(new Error('nope')));
    const fine = executor.submit(async () => 'ok');
    await executor.shutdown();
    await expect(failing).rejects.toThrow('nope');
    await expect(fine).resolves.toBe('ok');
  });

  it('reports running and queued work', async () => {
    const executor = new Executor({ maxConcurrency: 1 });
    void executor.submit(() => sleep(10));
    void executor.submit(() => sleep(10));
    await null;
    expect(executor.stats()).toEqual({ running: 1, queued: 1, maxConcurrency: 1, closed: false });
    await executor.shutdown();
    expect(executor.stats()).toEqual({ running: 0, queued: 0, maxConcurrency: 1, closed: true });
  });

  it('cancels running and queued work on shutdown({ cancel: true })', async () => {
    let ranQueued = false;
    const executor = new Executor({ maxConcurrency: 1 });
    const running = executor.submit((signal) => sleepForever({ signal }));
    const queued = executor.submit(() => {
      ranQueued = true;
    });
    await executor.shutdown({ cancel: true });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(ranQueued).toBe(false);
    expect(() => executor.submit(() => 1)).toThrow(/shut down/);
  });

  it('validates maxConcurrency', () => {
    expect(() => new Executor({ maxConcurrency: 0 })).toThrow(/integer >= 1/);
    expect(() => new Executor({ maxConcurrency: 1.5 })).toThrow(/integer >= 1/);
  });
});

describe('Executor.map()', () => {
  it('yields results as they complete', async () => {
    await using executor = new Executor({ maxConcurrency: 3 });
    const results = await collect(
      executor.map([30, 10, 20], async (delay) => {
        await sleep(delay);
        return delay;
      }),
    );
    expect(results).toEqual([10, 20, 30]);
  });

  it('pulls inputs lazily, at most maxConcurrency ahead of the consumer', async () => {
    let pulled = 0;
    function* inputs() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield i;
      }
    }
    await using executor = new Executor({ maxConcurrency: 4 });
    const iterator = executor.map(inputs(), async (n) => n);
    await iterator.next();
    expect(pulled).toBeLessThanOrEqual(5);
    await iterator.return();
  });

  it('accepts async iterables', async () => {
    async function* inputs() {
      yield 1;
      await sleep(5);
      yield 2;
    }
    await using executor = new Executor({ maxConcurrency: 2 });
    expect(await collect(executor.map(inputs(), (n) => n * 2))).toEqual([2, 4]);
  });

  it('throws the first failure and cancels what is still running', async () => {
    let cancelled = 0;
    await using executor = new Executor({ maxConcurrency: 4 });
    const outcome = collect(
      executor.map([1, 2, 3], async (n, signal) => {
        if (n === 2) throw new Error('bad item');
        await sleepForever({ signal }).catch((error) => {
          cancelled++;
          throw error;
        });
      }),
    );
    await expect(outcome).rejects.toThrow('bad item');
    expect(cancelled).toBe(2);
    expect(executor.stats().running).toBe(0);
  });

  it('cancels in-flight calls and closes the input when the consumer stops early', async () => {
    let closed = false;
    function* inputs() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    await using executor = new Executor({ maxConcurrency: 3 });
    for await (const value of executor.map(inputs(), async (n, signal) => {
      if (n > 0) await sleepForever({ signal });
      return n;
    })) {
      expect(value).toBe(0);
      break;
    }
    expect(closed).toBe(true);
    expect(executor.stats()).toMatchObject({ running: 0, queued: 0 });
  });
});
