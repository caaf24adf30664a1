import { describe, expect, it } from 'vitest';
import { zip } from '../../src/iterate/zip.js';
import { tracked } from './tracked-source.js';

describe('zip()', () => {
  it('pairs items in step until the shortest source ends, then closes the others', async () => {
    const letters = tracked(['a', 'b', 'c']);
    const pairs: [number, string][] = [];
    for await (const pair of zip([1, 2], letters.source)) pairs.push(pair);
    expect(pairs).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(letters.log.closed).toBe(true);
  });

  it('throws a source error after closing the others', async () => {
    const broken = tracked([1, 2], { failAt: 1 });
    const other = tracked(['x', 'y', 'z']);
    const consume = async () => {
      for await (const _ of zip(broken.source, other.source));
    };
    await expect(consume()).rejects.toThrow('source failed at 1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(other.log.closed).toBe(true);
  });

  it('closes every source when the consumer breaks, and zips nothing to nothing', async () => {
    const a = tracked([1, 2]);
    const b = tracked([3, 4]);
    for await (const _ of zip(a.source, b.source)) break;
    expect(a.log.closed && b.log.closed).toBe(true);
    const none: unknown[] = [];
    for await (const tuple of zip()) none.push(tuple);
    expect(none).toEqual([]);
  });
});
