import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch } from '../../src/iterate/batch.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { tracked } from './tracked-source.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock({ autojump: true });
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('batch()', () => {
  it('groups by size, yielding the last partial group at the end', async () => {
    const groups: number[][] = [];
    for await (const group of batch([1, 2, 3, 4, 5], { size: 2 })) groups.push(group);
    expect(groups).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('yields a partial group maxWait after its first item when the source is slow', async () => {
    // Items at 10, 20, 30, then 200, 210 (virtual ms).
    const { source } = tracked([1, 2, 3, 4, 5], { delay: (index) => (index === 3 ? 170 : 10) });
    const groups: string[] = [];
    for await (const group of batch(source, { size: 10, maxWait: 50 }))
      groups.push(`${group}@${clock.now()}`);
    expect(groups).toEqual(['1,2,3@60', '4,5@210']);
  });

  it('with both limits, whichever comes first', async () => {
    const { source } = tracked([1, 2, 3, 4], { delay: (index) => (index === 2 ? 100 : 1) });
    const groups: string[] = [];
    for await (const group of batch(source, { size: 2, maxWait: 30 })) groups.push(`${group}@${clock.now()}`);
    expect(groups).toEqual(['1,2@2', '3,4@103']);
  });

  it('closes the source, and clears its timer, when the consumer stops', async () => {
    const { source, log } = tracked([1, 2, 3, 4], { delay: 10 });
    for await (const _ of batch(source, { size: 2, maxWait: 100 })) break;
    expect(log.closed).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('explains bad options at call time', () => {
    expect(() => batch([1], {})).toThrow('batch(): give a size, a maxWait, or both');
    expect(() => batch([1], { size: 0 })).toThrow('batch(): size must be an integer >= 1 or Infinity, got 0');
    expect(() => batch([1], undefined as never)).toThrow(
      'batch(): options must be an object such as { size, maxWait }, got undefined',
    );
    expect(() => batch([1], { szie: 10 } as never)).toThrow(
      "batch(): unknown option 'szie' (did you mean 'size'?)",
    );
    expect(() => batch([1], { maxWait: -1 })).toThrow(RangeError);
  });
});
