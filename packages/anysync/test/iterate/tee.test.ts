import { describe, expect, it } from 'vitest';
import { tee } from '../../src/iterate/tee.js';
import { tracked } from './tracked-source.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('tee()', () => {
  it('gives every branch every item, reading the source once', async () => {
    const { source, log } = tracked([1, 2, 3]);
    const [a, b, c] = tee(source, 3);
    expect(await Promise.all([collect(a!), collect(b!), collect(c!)])).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(log).toEqual({ pulled: 3, closed: true });
  });

  it('closes the source only once every branch has left', async () => {
    const { source, log } = tracked([1, 2, 3, 4]);
    const [first, second] = tee(source);
    for await (const _ of first!) break;
    expect(log.closed).toBe(false);
    expect(await second!.next()).toEqual({ done: false, value: 1 });
    expect(await second!.next()).toEqual({ done: false, value: 2 });
    await second!.return!();
    expect(log.closed).toBe(true);
    expect(await second!.next()).toEqual({ done: true, value: undefined });
  });

  it('a branch that is never read still counts as leaving when returned', async () => {
    const { source, log } = tracked([1, 2]);
    const [reader, ignored] = tee(source);
    await ignored!.return!();
    expect(await collect(reader!)).toEqual([1, 2]);
    expect(log.closed).toBe(true);
  });

  it('delivers a source error to each branch after the items before it', async () => {
    const { source } = tracked([1, 2, 3], { failAt: 2 });
    const [a, b] = tee(source);
    const outcomes = await Promise.allSettled([collect(a!), collect(b!)]);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason.message).toBe('source failed at 2');
    }
  });

  it('serialises concurrent next() calls on one branch', async () => {
    const [only] = tee([1, 2, 3], 1);
    expect(await Promise.all([only!.next(), only!.next(), only!.next()])).toEqual([
      { done: false, value: 1 },
      { done: false, value: 2 },
      { done: false, value: 3 },
    ]);
  });

  it('explains a bad count', () => {
    expect(() => tee([1], 0)).toThrow('tee(): count must be an integer from 1 to 2^32 - 1, got 0');
  });
});
