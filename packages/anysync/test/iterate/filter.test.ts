import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/concurrency/sleep.js';
import { filter } from '../../src/iterate/filter.js';
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

describe('filter()', () => {
  const isEvenSlowly = async (n: number) => {
    await sleep((10 - n) * 10);
    return n % 2 === 0;
  };

  it('keeps matching items in input order, predicates running concurrently', async () => {
    const started = clock.now();
    expect(await collect(filter([1, 2, 3, 4, 5, 6], isEvenSlowly, { concurrency: 6 }))).toEqual([2, 4, 6]);
    expect(clock.now() - started).toBe(90);
  });

  it('in completion order with ordered: false', async () => {
    expect(await collect(filter([1, 2, 3, 4], isEvenSlowly, { concurrency: 4, ordered: false }))).toEqual([
      4, 2,
    ]);
  });

  it('accepts a synchronous predicate and closes the source on an early break', async () => {
    const { source, log } = tracked([1, 2, 3, 4, 5]);
    for await (const n of filter(source, (item) => item > 1)) if (n === 3) break;
    expect(log).toEqual({ pulled: 3, closed: true });
  });

  it('throws a failing predicate’s error', async () => {
    await expect(
      collect(
        filter([1, 2], async (n) => {
          if (n === 2) throw new Error('cannot decide');
          return true;
        }),
      ),
    ).rejects.toThrow('cannot decide');
  });

  it('explains bad arguments at call time', () => {
    expect(() => filter([1], null as never)).toThrow('filter(): predicate must be a function, got null');
    expect(() => filter([1], () => true, { concurrency: -1 })).toThrow(/concurrency must be an integer/);
  });
});
