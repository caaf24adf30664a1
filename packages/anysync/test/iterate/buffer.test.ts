import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/concurrency/sleep.js';
import { buffer } from '../../src/iterate/buffer.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { tracked } from './tracked-source.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock({ autojump: true });
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('buffer()', () => {
  it('lets producer and consumer overlap', async () => {
    const { source } = tracked([1, 2, 3, 4], { delay: 10 });
    const started = clock.now();
    const seen: number[] = [];
    for await (const n of buffer(source, 2)) {
      await sleep(10);
      seen.push(n);
    }
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(clock.now() - started).toBe(50); // not 80: reading and processing overlapped
  });

  it('reads at most size items ahead of the consumer', async () => {
    const { source, log } = tracked([1, 2, 3, 4, 5, 6]);
    const iterator = buffer(source, 3);
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    await clock.settle();
    expect(log.pulled).toBe(4); // the one consumed plus three ready
    await iterator.return();
    expect(log.closed).toBe(true);
  });

  it('throws a source error after the items read before it', async () => {
    const { source } = tracked([1, 2, 3], { failAt: 2 });
    const seen: number[] = [];
    const consume = async () => {
      for await (const n of buffer(source, 5)) seen.push(n);
    };
    await expect(consume()).rejects.toThrow('source failed at 2');
    expect(seen).toEqual([1, 2]);
  });

  it('explains a bad size', () => {
    expect(() => buffer([1], 0)).toThrow('buffer(): size must be an integer >= 1 or Infinity, got 0');
  });
});
