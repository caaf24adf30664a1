import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LazyResult, memoizeLazy } from '../../src/cache/memoize-lazy.js';
import { moveOnAfter } from '../../src/concurrency/move-on-after.js';
import { sleep } from '../../src/concurrency/sleep.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('memoizeLazy()', () => {
  it('runs nothing until the result is awaited', async () => {
    let runs = 0;
    const load = memoizeLazy(async (id: string) => {
      runs++;
      return id;
    });
    const pending = load('a');
    expect(pending).toBeInstanceOf(LazyResult);
    await clock.settle();
    expect([runs, pending.started]).toEqual([0, false]);
    expect(await pending).toBe('a');
    expect([runs, pending.started]).toEqual([1, true]);
  });

  it('shares one lookup per result and one computation per key', async () => {
    let runs = 0;
    const load = memoizeLazy(async (id: string) => {
      runs++;
      await sleep(10);
      return id;
    });
    const one = load('a');
    const both = Promise.all([one, one, load('a')]);
    await clock.advance(10);
    expect(await both).toEqual(['a', 'a', 'a']);
    expect(runs).toBe(1);
    expect(load.cache.stats()).toMatchObject({ misses: 1, joins: 1 });
  });

  it('looks up at await time: a result forgotten in between is computed again', async () => {
    let runs = 0;
    const load = memoizeLazy(async (id: string) => {
      runs++;
      return id;
    });
    await load('a');
    const later = load('a');
    load.delete('a');
    await later;
    expect(runs).toBe(2);
  });

  it('supports catch() and finally()', async () => {
    const fail = memoizeLazy(async () => {
      throw new Error('nope');
    });
    let finished = false;
    expect(await fail().catch((error: Error) => error.message)).toBe('nope'); // typed like Promise#catch
    await fail()
      .finally(() => (finished = true))
      .catch(() => {});
    expect(finished).toBe(true);
  });

  it('the scope around the await makes the caller leave', async () => {
    const load = memoizeLazy(async () => {
      await sleep(100);
      return 'late';
    });
    const pending = load();
    const result = moveOnAfter(10, async () => await pending);
    await clock.advance(10);
    expect(await result).toBeUndefined();
    expect(load.cache.stats().abandoned).toBe(1);
  });

  it('withSignal() lets a caller leave', async () => {
    const load = memoizeLazy(async () => {
      await sleep(100);
      return 'late';
    });
    const controller = new AbortController();
    const pending = load
      .withSignal(controller.signal)()
      .then(
        () => 'resolved',
        (error: unknown) => error,
      );
    await clock.settle();
    controller.abort('gone');
    expect(await pending).toBe('gone');
  });

  it('explains bad arguments', () => {
    expect(() => memoizeLazy(undefined as never)).toThrow(
      new TypeError('memoizeLazy(): fn must be a function, got undefined'),
    );
    expect(() => memoizeLazy(async () => 1).withSignal('x' as never)).toThrow(
      "memoizeLazy().withSignal(): signal must be an AbortSignal or undefined, got 'x' (string)",
    );
  });
});
