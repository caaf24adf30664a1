import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruMap, type RemovalReason } from '../../src/cache/lru-map.js';

describe('LruMap', () => {
  it('evicts the least recently used entry when full', () => {
    const map = new LruMap<string, number>(3);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect(map.get('a')).toBe(1); // a is now the most recently used
    map.set('d', 4);
    expect(map.has('b')).toBe(false);
    expect([...map.keys()]).toEqual(['d', 'a', 'c']);
    expect(map.stats()).toEqual({ size: 3, max: 3, hits: 1, misses: 0, evictions: 1 });
  });

  it('peek and has do not count as uses', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.peek('a')).toBe(1);
    expect(map.has('a')).toBe(true);
    map.set('c', 3);
    expect(map.peek('a')).toBeUndefined();
    expect(map.oldestKey).toBe('b');
  });

  it('set on an existing key replaces the value and marks it used', () => {
    const removed: [string, number, RemovalReason][] = [];
    const map = new LruMap<string, number>(2, { onRemove: (k, v, r) => removed.push([k, v, r]) });
    map.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    expect([...map.entries()]).toEqual([
      ['c', 3],
      ['a', 10],
    ]);
    expect(removed).toEqual([
      ['a', 1, 'set'],
      ['b', 2, 'evict'],
    ]);
  });

  it('reports deletions and clear() to onRemove, oldest first', () => {
    const removed: string[] = [];
    const map = new LruMap<string, number>(5, { onRemove: (k, _v, r) => removed.push(`${k}:${r}`) });
    map.set('a', 1).set('b', 2).set('c', 3);
    expect(map.delete('b')).toBe(true);
    expect(map.delete('b')).toBe(false);
    map.clear();
    expect(removed).toEqual(['b:delete', 'a:delete', 'c:delete']);
    expect(map.size).toBe(0);
    expect(map.oldestKey).toBeUndefined();
  });

  it('getOrSet stores the created value once', () => {
    const map = new LruMap<string, number[]>(4);
    const first = map.getOrSet('list', () => []);
    first.push(1);
    expect(map.getOrSet('list', () => [99])).toEqual([1]);
  });

  it('counts hits and misses of get()', () => {
    const map = new LruMap<number, number>(2);
    map.set(1, 1);
    map.get(1);
    map.get(2);
    expect(map.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('grows past its initial capacity up to max, and reuses freed slots', () => {
    const map = new LruMap<number, number>(1000);
    for (let i = 0; i < 1000; i++) map.set(i, i);
    expect(map.size).toBe(1000);
    for (let i = 0; i < 500; i++) map.delete(i);
    for (let i = 1000; i < 1500; i++) map.set(i, i);
    expect(map.size).toBe(1000);
    expect(map.stats().evictions).toBe(0);
    map.set(2000, 2000);
    expect(map.has(500)).toBe(false);
    expect(map.get(1499)).toBe(1499);
  });

  it('rejects a max that is not a positive integer', () => {
    expect(() => new LruMap(0)).toThrow('LruMap: max must be an integer from 1 to 2^31 - 2, got 0');
    expect(() => new LruMap(1.5)).toThrow(RangeError);
    expect(() => new LruMap(Number.NaN)).toThrow(RangeError);
  });

  it('behaves like a reference model under random operations', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        key: fc.integer({ min: 0, max: 9 }),
        value: fc.integer(),
      }),
      fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 9 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 80 }), (max, ops) => {
        const map = new LruMap<number, number>(max);
        // The model: a Map whose insertion order is the recency order (oldest first).
        const model = new Map<number, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            model.delete(o.key);
            model.set(o.key, o.value);
            if (model.size > max) model.delete(model.keys().next().value as number);
            map.set(o.key, o.value);
          } else if (o.kind === 'get') {
            const expected = model.get(o.key);
            if (expected !== undefined) {
              model.delete(o.key);
              model.set(o.key, expected);
            }
            expect(map.get(o.key)).toBe(expected);
          } else {
            expect(map.delete(o.key)).toBe(model.delete(o.key));
          }
          expect([...map.keys()]).toEqual([...model.keys()].reverse());
        }
      }),
    );
  });
});
