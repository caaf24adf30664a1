import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchLoader } from '../../src/batch/batch-loader.js';
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

function users(options: { maxSize?: number; maxWait?: number; concurrency?: number; work?: number } = {}) {
  const requests: string[] = [];
  const loader = new BatchLoader<number, string>({
    ...options,
    load: async (ids) => {
      requests.push(`${ids.join(',')}@${clock.now()}`);
      if (options.work !== undefined) await sleep(options.work);
      return ids.map((id) => `user ${id}`);
    },
  });
  return { requests, loader };
}

describe('BatchLoader', () => {
  it('coalesces the loads of one turn into one request, each distinct key once', async () => {
    const { requests, loader } = users();
    const first = loader.load(1);
    const rest = Promise.resolve().then(() => Promise.all([loader.load(2), loader.load(1)]));
    expect(await Promise.all([first, rest])).toEqual(['user 1', ['user 2', 'user 1']]);
    expect(requests).toEqual(['1,2@0']);
    expect(loader.stats()).toEqual({ pending: 0, loading: 0, batches: 1, keys: 2 });
  });

  it('splits at maxSize distinct keys; a key is shared within its batch only', async () => {
    const { requests, loader } = users({ maxSize: 2 });
    await loader.loadMany([1, 2, 3, 1, 4, 4, 5]);
    expect(requests).toEqual(['1,2@0', '3,1@0', '4,5@0']);
  });

  it('without maxSize, finds repeated keys when the batch goes out: each caller gets the result of its key', async () => {
    const seen: number[][] = [];
    const byOrder = new BatchLoader<number, number>({
      load: (keys) => {
        seen.push(keys);
        return keys.map((key) => (key === 2 ? new Error('no 2') : key * 10));
      },
    });
    const requests = [3, 1, 3, 2, 1, 3].map((key) => byOrder.load(key));
    expect(byOrder.stats().pending).toBe(3);
    const outcomes = await Promise.allSettled(requests);
    expect(seen).toEqual([[3, 1, 2]]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason.message))).toEqual([
      30,
      10,
      30,
      'no 2',
      10,
      30,
    ]);
    expect(byOrder.stats()).toMatchObject({ batches: 1, keys: 3 });
    const byKey = new BatchLoader<string, number>({
      load: (keys) => {
        seen.push(keys as never);
        return new Map(keys.map((key) => [key, key.length]));
      },
    });
    expect(await byKey.loadMany(['ab', 'c', 'ab'])).toEqual([2, 1, 2]);
    expect(seen.at(-1)).toEqual(['ab', 'c']);
    await expect(byOrder.loadMany([5, 5, 6]).then(() => seen.at(-1))).resolves.toEqual([5, 6]);
  });

  it('with dedupe: false, passes every request as a key, repeats included', async () => {
    const seen: number[][] = [];
    const loader = new BatchLoader<number, number>({
      dedupe: false,
      load: (keys) => {
        seen.push(keys);
        return keys.map((key) => key * 2);
      },
    });
    expect(await Promise.all([loader.load(1), loader.load(1), loader.load(2)])).toEqual([2, 2, 4]);
    expect(seen).toEqual([[1, 1, 2]]);
  });

  it('keeps a batch open maxWait after its first key', async () => {
    const { requests, loader } = users({ maxWait: 10 });
    const a = loader.load(1);
    await clock.advance(9);
    const b = loader.load(2);
    expect(loader.stats().pending).toBe(2);
    await clock.advance(1);
    expect(await Promise.all([a, b])).toEqual(['user 1', 'user 2']);
    expect(requests).toEqual(['1,2@10']);
  });

  it('accepts a Map of results; a missing key rejects alone', async () => {
    const loader = new BatchLoader<string, number>({
      load: (keys) => new Map(keys.filter((key) => key !== 'ghost').map((key) => [key, key.length])),
    });
    const [found, missing] = await Promise.allSettled([loader.load('abc'), loader.load('ghost')]);
    expect(found).toEqual({ status: 'fulfilled', value: 3 });
    expect((missing as PromiseRejectedResult).reason.message).toBe(
      "BatchLoader: load() returned no value for key 'ghost'",
    );
  });

  it('rejects one key for an Error result, every key when load fails or returns the wrong count', async () => {
    const perKey = new BatchLoader<number, number>({
      load: (keys) => keys.map((key) => (key < 0 ? new RangeError(`negative ${key}`) : key)),
    });
    const outcomes = await Promise.allSettled([perKey.load(1), perKey.load(-1)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);

    const failing = new BatchLoader<number, number>({
      load: () => Promise.reject(new Error('backend down')),
    });
    await expect(failing.loadMany([1, 2])).rejects.toThrow('backend down');

    const short = new BatchLoader<number, number>({ load: () => [1] });
    await expect(short.loadMany([1, 2])).rejects.toThrow(
      'BatchLoader: load() must return one result per key, in order, or a Map: got 1 results for 2 keys',
    );
    const wrong = new BatchLoader<number, number>({ load: () => 42 as never });
    await expect(wrong.load(1)).rejects.toThrow('got 42 for 1 keys');
  });

  it('loads at most concurrency batches at once', async () => {
    const { requests, loader } = users({ maxSize: 1, concurrency: 1, work: 20 });
    const all = loader.loadMany([1, 2, 3]);
    await clock.runAll();
    await all;
    expect(requests).toEqual(['1@0', '2@20', '3@40']);
  });

  it('lets a caller stop waiting without disturbing the others', async () => {
    const { loader } = users({ work: 50 });
    const controller = new AbortController();
    const leaving = loader.load(1, { signal: controller.signal });
    const staying = loader.load(1);
    const scoped = moveOnAfter(10, () => loader.load(1));
    await clock.advance(10);
    controller.abort('bye');
    await expect(leaving).rejects.toBe('bye');
    expect(await scoped).toBeUndefined();
    await clock.advance(40);
    expect(await staying).toBe('user 1');
    await expect(loader.load(2, { signal: AbortSignal.abort('early') })).rejects.toBe('early');
  });

  it('explains invalid options', () => {
    expect(() => new BatchLoader({} as never)).toThrow('BatchLoader: load must be a function, got undefined');
    expect(() => new BatchLoader(undefined as never)).toThrow(
      'BatchLoader: options must be an object such as { load }, got undefined',
    );
    expect(() => new BatchLoader({ load: (k: number[]) => k, concurrency: 0 })).toThrow(
      'BatchLoader: concurrency must be an integer >= 1 or Infinity, got 0',
    );
    expect(() => new BatchLoader({ load: (k: number[]) => k, dedupe: 'no' as never })).toThrow(TypeError);
    expect(() => new BatchLoader({ load: (k: number[]) => k, maxSize: 1.5 })).toThrow(/maxSize/);
  });
});
