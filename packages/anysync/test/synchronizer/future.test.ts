import { afterAll, describe, expect, it } from 'vitest';
import { Future, Synchronizer, TimeoutError } from '../../dist/synchronizer/index.js';
import type * as Api from './fixtures/api.mjs';
import type * as Errors from './fixtures/errors.mjs';

const sync = new Synchronizer({ timeout: 10_000 });
const api = sync.load<typeof Api>(new URL('./fixtures/api.mjs', import.meta.url));
const errors = sync.load<typeof Errors>(new URL('./fixtures/errors.mjs', import.meta.url));
afterAll(() => sync.close());

describe('Future (the .async twin of every call)', () => {
  it('is a promise that async code awaits without blocking its loop', async () => {
    const future = api.delayed.async(20, 'value');
    expect(future).toBeInstanceOf(Future);
    expect(future).toBeInstanceOf(Promise);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    expect(await future).toBe('value');
    clearInterval(ticker);
    // The loop ran while the call was under way (a blocked loop would run no timer at all).
    expect(ticks).toBeGreaterThan(0);
  });

  it('lets sync code start many calls and collect them later, in parallel on the worker', () => {
    api.mostAtOnce();
    const futures = Array.from({ length: 10 }, (_, i) => api.overlapping.async(100, i));
    expect(futures.map((future) => future.result())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Counted on the worker, not timed: all ten were under way together.
    expect(api.mostAtOnce()).toBe(10);
  });

  it('returns at once from result() when the call already settled', async () => {
    const future = api.add.async(1, 2);
    await future;
    expect(future.result()).toBe(3);
    expect(future.result()).toBe(3);
  });

  it('throws the worker error from result() and rejects the promise with it', async () => {
    const future = errors.typeError.async();
    expect(() => future.result()).toThrow(TypeError);
    await expect(future).rejects.toThrow('bad type');
  });

  it('chains into plain promises', async () => {
    const chained = api.add.async(2, 2).then((x) => x * 10);
    expect(chained).not.toBeInstanceOf(Future);
    expect(await chained).toBe(40);
  });

  it('enforces a timeout inside result() even though timers cannot fire while it blocks', {
    timeout: 5_000,
  }, () => {
    const future = api.delayed.with({ timeout: 50 }).async(5_000, 'late');
    expect(() => future.result()).toThrow(TimeoutError);
    expect(api.add(1, 1)).toBe(2);
  });

  it('refuses result() on a promise that is not a call', () => {
    expect(() => (Future.resolve(1) as Future<number>).result()).toThrow(/only on futures/);
  });
});
