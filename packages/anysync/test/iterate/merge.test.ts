import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merge } from '../../src/iterate/merge.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { tracked } from './tracked-source.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock({ autojump: true });
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('merge()', () => {
  it('yields items as they arrive from every source', async () => {
    const fast = tracked(['f1', 'f2', 'f3'], { delay: 10 });
    const slow = tracked(['s1', 's2'], { delay: 25 });
    const seen: string[] = [];
    for await (const item of merge(fast.source, slow.source, ['now'])) seen.push(`${item}@${clock.now()}`);
    expect(seen).toEqual(['now@0', 'f1@10', 'f2@20', 's1@25', 'f3@30', 's2@50']);
    expect(fast.log.closed && slow.log.closed).toBe(true);
  });

  it('reads each source at most one item ahead of the consumer', async () => {
    const a = tracked([1, 2, 3, 4]);
    const b = tracked([5, 6, 7, 8]);
    const iterator = merge(a.source, b.source);
    await iterator.next();
    await clock.settle();
    expect(a.log.pulled + b.log.pulled).toBeLessThanOrEqual(3);
    await iterator.return();
    expect(a.log.closed && b.log.closed).toBe(true);
  });

  it('closes the other sources when one fails', async () => {
    const broken = tracked([1, 2], { failAt: 1, delay: 5 });
    const other = tracked([10, 20, 30], { delay: 1 });
    const consume = async () => {
      for await (const _ of merge(broken.source, other.source));
    };
    await expect(consume()).rejects.toThrow('source failed at 1');
    await clock.settle();
    expect(other.log.closed).toBe(true);
  });

  it('on an early break, closes idle sources at once and waiting ones when they answer', async () => {
    const quick = tracked([1, 2]);
    const stuck = tracked([99], { delay: 1000 });
    for await (const item of merge(quick.source, stuck.source)) if (item === 1) break;
    expect(quick.log.closed).toBe(true);
    expect(stuck.log.closed).toBe(false); // its next() is pending: closing it must not block the consumer
    await clock.advance(1000);
    await clock.settle();
    expect(stuck.log.closed).toBe(true);
  });

  it('reports errors raised while closing the sources', async () => {
    const faulty = {
      [Symbol.asyncIterator]: () => ({
        next: async () => ({ done: false as const, value: 1 }),
        return: async (): Promise<IteratorResult<number>> => {
          throw new Error('cannot close');
        },
      }),
    };
    const consume = async () => {
      for await (const _ of merge(faulty)) break;
    };
    const error = await consume().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).message).toBe('merge(): closing the sources failed');
  });

  it('merging nothing ends at once', async () => {
    const none: unknown[] = [];
    for await (const item of merge()) none.push(item);
    expect(none).toEqual([]);
  });
});
