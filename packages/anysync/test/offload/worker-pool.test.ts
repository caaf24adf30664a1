import { afterAll, describe, expect, it } from 'vitest';
import {
  ClosedError,
  QueueFullError,
  TimeoutError,
  transfer,
  WorkerCrashError,
  WorkerPool,
} from '../../dist/offload/index.js';
import type * as Heavy from './fixtures/heavy.mjs';

const HEAVY = new URL('./fixtures/heavy.mjs', import.meta.url);
const pool = new WorkerPool({ size: 2 });
const heavy = await pool.load<typeof Heavy>(HEAVY);
afterAll(() => pool.close());

describe('WorkerPool', () => {
  it('runs sync functions on workers and returns promises', async () => {
    expect(heavy.NAME).toBe('heavy');
    expect(await heavy.add(2, 3)).toBe(5);
    expect(await Promise.all([10, 15, 20].map((n) => heavy.fib(n)))).toEqual([55, 610, 6765]);
    expect('NotOffered' in heavy).toBe(false);
  });

  it('spreads blocking work over its workers, so it runs in parallel', async () => {
    const threads = await Promise.all([heavy.spin(150), heavy.spin(150)]);
    expect(new Set(threads).size).toBe(2);
    expect(pool.stats.workers).toBe(2);
  });

  it('queues tasks beyond its workers and runs them all, in order of submission', async () => {
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => heavy.add(i, 1)));
    expect(results).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
  });

  it('does not queue a task behind a busy worker when another one will be free for it', {
    timeout: 10_000,
  }, async () => {
    const pair = new WorkerPool({ size: 2 });
    const mod = await pair.load<typeof Heavy>(HEAVY);
    const flag = new Int32Array(new SharedArrayBuffer(4));
    try {
      const held = mod.hold(flag); // blocks its worker until the flag is set
      const quick = mod.add(1, 1);
      const next = mod.add(2, 2); // must wait for the worker that runs `quick`, not sit behind `held`
      expect(await quick).toBe(2);
      expect(await next).toBe(4); // never settles (the test times out) if `next` was queued behind `held`
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      expect(typeof (await held)).toBe('number');
    } finally {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      await pair.close();
    }
  });

  it('replies to each long task as it ends, even with the next one queued on the same worker', {
    timeout: 10_000,
  }, async () => {
    const single = new WorkerPool({ size: 1 });
    const mod = await single.load<typeof Heavy>(HEAVY);
    await mod.spin(20); // the pool now knows this worker's tasks are long
    const flag = new Int32Array(new SharedArrayBuffer(4));
    try {
      const first = mod.spin(5);
      const held = mod.hold(flag); // handed over in the same turn, right behind `first`
      // Never settles (the test times out) if the reply to `first` waited for the end of `held`.
      expect(typeof (await first)).toBe('number');
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      expect(await held).toBe(await mod.whoami());
    } finally {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      await single.close();
    }
  });

  it('keeps the error class, message, fields and worker stack', async () => {
    const error = await heavy
      .fail('too big')
      .catch((caught: unknown) => caught as RangeError & { code: string });
    expect(error).toBeInstanceOf(RangeError);
    expect(error.code).toBe('E_HEAVY');
    expect(error.stack).toMatch(/at Module\.fail \(.*heavy\.mjs/);
  });

  it('transfers buffers both ways', async () => {
    const bytes = new Uint8Array([0, 10, 255]);
    const inverted = await heavy.invert(transfer(bytes, [bytes.buffer]));
    expect(bytes.byteLength).toBe(0);
    expect([...inverted]).toEqual([255, 245, 0]);
  });

  it('rejects tasks beyond maxQueue with a QueueFullError', async () => {
    const small = new WorkerPool({ size: 1, maxQueue: 2, pipeline: 1 });
    const slow = await small.load<typeof Heavy>(HEAVY);
    const running = slow.spin(100);
    const queued = [slow.add(1, 1), slow.add(2, 2)];
    await expect(slow.add(3, 3)).rejects.toBeInstanceOf(QueueFullError);
    expect(await Promise.all([running.then(() => 'ran'), ...queued])).toEqual(['ran', 2, 4]);
    await small.close();
  });

  it('runs each task with its arguments as they were when it was submitted', async () => {
    // Three workers that have not loaded the module yet, and tasks queued behind them: none is sent at
    // the call, and the caller changes the same objects for the next call meanwhile.
    const three = new WorkerPool({ size: 3, pipeline: 1 });
    const fresh = await three.load<typeof Heavy>(HEAVY);
    const request = { id: 0, at: new Date(0) };
    const bytes = new Uint8Array(1);
    const calls: Promise<unknown>[] = [];
    for (let id = 0; id < 8; id++) {
      request.id = id;
      request.at.setTime(id);
      bytes[0] = id;
      calls.push(fresh.echo({ ...request, request, bytes }));
    }
    const results = (await Promise.all(calls)) as {
      id: number;
      request: typeof request;
      bytes: Uint8Array;
    }[];
    expect(
      results.map((result) => [result.id, result.request.id, result.request.at.getTime(), result.bytes[0]]),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((id) => [id, id, id, id]));
    await three.close();
  });

  it('removes an aborted task from the queue without running it', async () => {
    const single = new WorkerPool({ size: 1, pipeline: 1 });
    const slow = await single.load<typeof Heavy>(HEAVY);
    const controller = new AbortController();
    const blocker = slow.spin(100);
    const queued = slow.add.with({ signal: controller.signal })(1, 2);
    controller.abort(new Error('changed my mind'));
    await expect(queued).rejects.toThrow('changed my mind');
    await blocker;
    expect(single.stats.queued).toBe(0);
    await single.close();
  });

  it('stops the worker running an aborted blocking task, and moves on', { timeout: 10_000 }, async () => {
    const single = new WorkerPool({ size: 1 });
    const slow = await single.load<typeof Heavy>(HEAVY);
    const before = await slow.whoami();
    const started = performance.now();
    await expect(slow.spin.with({ timeout: 50 })(60_000)).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(5_000);
    const after = await slow.whoami();
    expect(after).not.toBe(before);
    await single.close();
  });

  it('hands tasks queued on a stopped worker to a fresh one', { timeout: 10_000 }, async () => {
    const single = new WorkerPool({ size: 1, pipeline: 4 });
    const slow = await single.load<typeof Heavy>(HEAVY);
    const controller = new AbortController();
    const stuck = slow.spin.with({ signal: controller.signal })(60_000);
    const behind = [slow.add(1, 1), slow.add(2, 2), slow.add(3, 3)];
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort(new Error('stop it'));
    await expect(stuck).rejects.toThrow('stop it');
    expect(await Promise.all(behind)).toEqual([2, 4, 6]);
    await single.close();
  });

  it('fails a task whose worker dies, and replaces the worker', { timeout: 10_000 }, async () => {
    const fragile = new WorkerPool({ size: 1 });
    const api = await fragile.load<typeof Heavy>(HEAVY);
    await expect(api.exitNow()).rejects.toBeInstanceOf(WorkerCrashError);
    expect(await api.add(20, 22)).toBe(42);
    await fragile.close();
  });

  it('rejects new and queued work after close', async () => {
    const closing = new WorkerPool({ size: 1, pipeline: 1 });
    const api = await closing.load<typeof Heavy>(HEAVY);
    const running = api.spin(50);
    const queued = api.add(1, 1);
    const closed = closing.close();
    await expect(queued).rejects.toBeInstanceOf(ClosedError);
    await expect(running).rejects.toBeInstanceOf(ClosedError);
    await closed;
    await expect(api.add(1, 1)).rejects.toBeInstanceOf(ClosedError);
    await expect(closing.load(HEAVY)).rejects.toBeInstanceOf(ClosedError);
  });

  it('refuses bad options when it is created and bad call options when they are bound', () => {
    expect(() => new WorkerPool({ size: 0 })).toThrow(
      new RangeError('WorkerPool: size must be an integer >= 1, got 0'),
    );
    expect(() => new WorkerPool({ size: 'x' as never })).toThrow(
      new TypeError("WorkerPool: size must be an integer >= 1, got 'x' (string)"),
    );
    expect(() => new WorkerPool({ maxQueue: 0 })).toThrow(RangeError); // refused every call before
    expect(() => new WorkerPool({ timeout: -1 })).toThrow(RangeError);
    expect(() => new WorkerPool({ env: { DEBUG: 1 } as never })).toThrow(TypeError);
    expect(() => new WorkerPool({ sise: 2 } as never)).toThrow("did you mean 'size'?");
    expect(() => heavy.add.with({ timeout: 0 })).toThrow(
      'add.with(): timeout must be a number of milliseconds > 0',
    );
    expect(() => heavy.add.with({ signal: 'x' as never })).toThrow(TypeError);
    expect(() => pool.load(42 as never)).toThrow(TypeError);
  });
});

describe('sync generators as lazy async iterators (gen_transform)', () => {
  // One worker, so the generator and the functions reporting on it share module state.
  const single = new WorkerPool({ size: 1 });
  const load = () => single.load<typeof Heavy>(HEAVY);
  afterAll(() => single.close());

  it('yields every item, produced on a worker', async () => {
    const api = await load();
    const seen: string[] = [];
    for await (const line of api.lines(1000)) seen.push(line);
    expect(seen).toHaveLength(1000);
    expect(seen[999]).toBe('line 999');
    expect((await api.produced()).at(-1)).toBe('closed');
  });

  it('is lazy: nothing runs before the first next()', async () => {
    const api = await load();
    await api.produced();
    const iterator = api.lines(10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await api.produced()).toEqual([]);
    expect(await iterator.next()).toEqual({ value: 'line 0', done: false });
    await iterator.return(undefined);
  });

  it('applies backpressure: the worker stays at most two batches ahead', async () => {
    const bounded = new WorkerPool({ size: 1, maxBatch: 8 });
    const api = await bounded.load<typeof Heavy>(HEAVY);
    const iterator = api.lines(10_000);
    for (let i = 0; i < 5; i++) await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const produced = (await api.produced()).filter((entry) => typeof entry === 'number');
    expect(produced.length).toBeGreaterThanOrEqual(5);
    expect(produced.length).toBeLessThanOrEqual(5 + 2 * 8);
    await iterator.return(undefined);
    expect(await api.produced()).toContain('closed');
    await bounded.close();
  });

  it('forwards the exception the generator raises, after the items before it', async () => {
    const api = await load();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of api.breaksAt(3)) seen.push(value);
      })(),
    ).rejects.toThrow(TypeError);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('closes the generator on the worker when the consumer breaks out', async () => {
    const api = await load();
    await api.produced();
    for await (const line of api.lines(100_000)) if (line === 'line 3') break;
    const produced = await api.produced();
    expect(produced).toContain('closed');
    expect(produced.length).toBeLessThan(1000);
  });
});
