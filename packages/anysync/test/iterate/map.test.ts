import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveOnAfter } from '../../src/concurrency/move-on-after.js';
import { sleep } from '../../src/concurrency/sleep.js';
import { map } from '../../src/iterate/map.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { tracked } from './tracked-source.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock({ autojump: true });
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Later items finish first: item n takes (10 - n) * 10 ms. */
const slowFirst = async (n: number, _index: number, signal: AbortSignal) => {
  await sleep((10 - n) * 10, { signal });
  return n * 10;
};

describe('map()', () => {
  it('keeps input order with several calls in flight', async () => {
    const started = clock.now();
    expect(await collect(map([1, 2, 3, 4], slowFirst, { concurrency: 4 }))).toEqual([10, 20, 30, 40]);
    expect(clock.now() - started).toBe(90); // all four ran at once
  });

  it('yields in completion order with ordered: false', async () => {
    expect(await collect(map([1, 2, 3, 4], slowFirst, { concurrency: 4, ordered: false }))).toEqual([
      40, 30, 20, 10,
    ]);
  });

  it('runs one call at a time by default, passing the index', async () => {
    let running = 0;
    let most = 0;
    const result = await collect(
      map(['a', 'b', 'c'], async (letter, index) => {
        most = Math.max(most, ++running);
        await sleep(5);
        running--;
        return `${index}${letter}`;
      }),
    );
    expect(result).toEqual(['0a', '1b', '2c']);
    expect(most).toBe(1);
  });

  it('holds at most concurrency items, counting the consumer’s, so a slow consumer slows the source', async () => {
    const { source, log } = tracked([1, 2, 3, 4, 5, 6]);
    const iterator = map(source, async (n) => n, { concurrency: 2, ordered: false });
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    await clock.settle();
    await clock.settle();
    expect(log.pulled).toBe(2); // the one the consumer holds, plus one more in the window
    await iterator.return();
    expect(log.closed).toBe(true);
  });

  it('throws the first failure once the other calls settled, after aborting them and closing the source', async () => {
    const { source, log } = tracked([1, 2, 3, 4, 5]);
    const aborted: number[] = [];
    const settled: number[] = [];
    const iteration = collect(
      map(
        source,
        async (n, _index, signal) => {
          try {
            if (n === 2) throw new Error('two failed');
            await sleep(100, { signal });
            return n;
          } catch (error) {
            if (signal.aborted) aborted.push(n);
            throw error;
          } finally {
            settled.push(n);
          }
        },
        { concurrency: 3 },
      ),
    );
    await expect(iteration).rejects.toThrow('two failed');
    expect(aborted.sort()).toEqual([1, 3]);
    expect(settled.sort()).toEqual([1, 2, 3]);
    expect(log).toEqual({ pulled: 3, closed: true });
  });

  it('a consumer that breaks early leaves no call running and the source closed', async () => {
    const { source, log } = tracked([1, 2, 3, 4, 5, 6]);
    let running = 0;
    for await (const n of map(
      source,
      async (item, _index, signal) => {
        running++;
        try {
          await sleep(item * 10, { signal });
          return item;
        } finally {
          running--;
        }
      },
      { concurrency: 3 },
    )) {
      if (n === 1) break;
    }
    expect(running).toBe(0);
    expect(log.closed).toBe(true);
  });

  it('a consumer that throws gets its own error, with the same cleanup', async () => {
    const { source, log } = tracked([1, 2, 3]);
    const consume = async () => {
      for await (const _ of map(source, async (n) => n, { concurrency: 2 }))
        throw new Error('consumer broke');
    };
    await expect(consume()).rejects.toThrow('consumer broke');
    expect(log.closed).toBe(true);
  });

  it('stops when its signal aborts, even while waiting on the source', async () => {
    const { source, log } = tracked([1, 2, 3], { delay: 1000 });
    const controller = new AbortController();
    clock.setTimer(() => controller.abort('enough'), 1); // long before the source's first item
    await expect(collect(map(source, async (n) => n, { signal: controller.signal }))).rejects.toBe('enough');
    expect(log.pulled).toBe(0);
  });

  it('the consumer’s cancel scope aborts the calls', async () => {
    let abortedCalls = 0;
    const result = await moveOnAfter(50, async () =>
      collect(
        map(
          [1, 2],
          async (n, _index, signal) => {
            signal.addEventListener('abort', () => abortedCalls++);
            await sleep(1000, { signal });
            return n;
          },
          { concurrency: 2 },
        ),
      ),
    );
    expect(result).toBeUndefined();
    expect(abortedCalls).toBe(2);
  });

  it('reports a source failure and a synchronous throw of fn', async () => {
    const { source } = tracked([1, 2, 3], { failAt: 1 });
    await expect(collect(map(source, (n) => n))).rejects.toThrow('source failed at 1');
    await expect(
      collect(
        map([1], () => {
          throw new TypeError('sync');
        }),
      ),
    ).rejects.toThrow('sync');
  });

  it('explains bad arguments at call time', () => {
    expect(() => map([1], 'x' as never)).toThrow("map(): fn must be a function, got 'x' (string)");
    expect(() => map([1], (n) => n, { concurrency: 0 })).toThrow(
      'map(): concurrency must be an integer >= 1 or Infinity, got 0',
    );
    expect(() => map(5 as never, (n) => n)).toThrow(
      'map(): source must be an iterable or async iterable, got 5',
    );
    expect(() => map([1], (n) => n, { ordered: 'no' as never })).toThrow(TypeError);
    expect(() => map([1], (n) => n, { signal: {} as never })).toThrow(
      /map\(\): signal must be an AbortSignal/,
    );
  });
});
