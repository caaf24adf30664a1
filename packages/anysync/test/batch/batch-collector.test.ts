import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchCollector } from '../../src/batch/batch-collector.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('BatchCollector', () => {
  it('take() returns the batch without handing it over and closes its window', async () => {
    const handed: number[][] = [];
    const collector = new BatchCollector<number>(10, 100, (items) => handed.push(items));
    collector.add(1);
    expect(collector.take()).toEqual([1]);
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(100);
    expect(handed).toEqual([]);
  });

  it('an end-of-turn window that was overtaken by a full batch does nothing', async () => {
    const handed: number[][] = [];
    const collector = new BatchCollector<number>(2, 0, (items) => handed.push(items));
    collector.add(1);
    collector.add(2); // full: handed over now
    collector.add(3); // opens a new end-of-turn window
    await clock.settle();
    expect(handed).toEqual([[1, 2], [3]]);
  });
});
