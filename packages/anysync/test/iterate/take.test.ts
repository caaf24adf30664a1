import { describe, expect, it } from 'vitest';
import { take } from '../../src/iterate/take.js';
import { tracked } from './tracked-source.js';

describe('take()', () => {
  it('yields the first items and closes the source right after the last one', async () => {
    const { source, log } = tracked([1, 2, 3, 4]);
    const seen: string[] = [];
    for await (const n of take(source, 2)) seen.push(`${n}:${log.closed}`);
    expect(seen).toEqual(['1:false', '2:false']);
    expect(log).toEqual({ pulled: 2, closed: true });
  });

  it('ends with a shorter source, and take(…, 0) reads nothing', async () => {
    const all: number[] = [];
    for await (const n of take([1, 2], 5)) all.push(n);
    expect(all).toEqual([1, 2]);
    const { source, log } = tracked([1]);
    for await (const _ of take(source, 0)) throw new Error('unreachable');
    expect(log.pulled).toBe(0);
  });

  it('closes the source when the consumer breaks first', async () => {
    const { source, log } = tracked([1, 2, 3]);
    for await (const _ of take(source, Number.POSITIVE_INFINITY)) break;
    expect(log.closed).toBe(true);
  });

  it('explains a bad count at call time', () => {
    expect(() => take([1], -1)).toThrow('take(): count must be an integer >= 0 or Infinity, got -1');
    expect(() => take([1], 1.5)).toThrow(RangeError);
  });
});
