import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemovalReason } from '../../src/cache/lru-map.js';
import { TtlLruMap } from '../../src/cache/ttl-lru-map.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

let clock: VirtualClock;
let installed: Disposable;
beforeEach(() => {
  clock = new VirtualClock();
  installed = clock.install();
});
afterEach(() => installed[Symbol.dispose]());

describe('TtlLruMap', () => {
  it('expires entries ttl after they were set, and reads do not extend them', async () => {
    const map = new TtlLruMap<string, number>({ max: 10, ttl: 100 });
    map.set('a', 1);
    await clock.advance(60);
    expect(map.get('a')).toBe(1);
    map.set('b', 2);
    await clock.advance(40);
    expect(map.get('a')).toBeUndefined();
    expect(map.get('b')).toBe(2);
    expect(map.remainingTtl('b')).toBe(60);
    await clock.advance(60);
    expect(map.size).toBe(0);
    expect(map.stats()).toMatchObject({ size: 0, expirations: 2, ttl: 100 });
  });

  it('setting a key again restarts its time to live', async () => {
    const map = new TtlLruMap<string, number>({ max: 10, ttl: 100 });
    map.set('a', 1).set('b', 2);
    await clock.advance(90);
    map.set('a', 3);
    await clock.advance(20);
    expect(map.peek('b')).toBeUndefined();
    expect(map.peek('a')).toBe(3);
    expect(map.remainingTtl('a')).toBe(80);
  });

  it('still evicts the least recently used entry when full', () => {
    const map = new TtlLruMap<string, number>({ max: 2, ttl: 1000 });
    map.set('a', 1).set('b', 2);
    map.get('a');
    map.set('c', 3);
    expect([...map.keys()]).toEqual(['c', 'a']);
    expect(map.has('b')).toBe(false);
  });

  it('tells onRemove why each entry left', async () => {
    const removed: string[] = [];
    const map = new TtlLruMap<string, number>({
      max: 2,
      ttl: 50,
      onRemove: (key, value, reason: RemovalReason) => removed.push(`${key}=${value}:${reason}`),
    });
    map.set('a', 1).set('a', 2).set('b', 1).set('c', 1);
    map.delete('b');
    await clock.advance(50);
    expect(map.purgeExpired()).toBe(1);
    expect(removed).toEqual(['a=1:set', 'a=2:evict', 'b=1:delete', 'c=1:expire']);
  });

  it('drops expired entries on any operation, so memory follows activity', async () => {
    const map = new TtlLruMap<number, number>({ max: 1000, ttl: 10 });
    for (let i = 0; i < 500; i++) map.set(i, i);
    await clock.advance(10);
    map.set(1000, 0);
    expect(map.stats().size).toBe(1);
    expect([...map.entries()]).toEqual([[1000, 0]]);
    expect(map.purgeExpired()).toBe(0);
  });

  it('clear() empties both orders', async () => {
    const map = new TtlLruMap<string, number>({ max: 3, ttl: 10 });
    map.set('a', 1).set('b', 2);
    map.clear();
    map.set('c', 3);
    await clock.advance(10);
    expect(map.size).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects a ttl that is not a positive number', () => {
    expect(() => new TtlLruMap({ max: 1, ttl: 0 })).toThrow(
      'TtlLruMap: ttl must be a number of milliseconds > 0 (or Infinity), got 0',
    );
    expect(() => new TtlLruMap({ max: 0, ttl: 1 })).toThrow(
      'TtlLruMap: max must be an integer from 1 to 2^31 - 2, got 0',
    );
    expect(() => new TtlLruMap(undefined as never)).toThrow(
      'TtlLruMap: options must be an object such as { max, ttl }, got undefined',
    );
  });
});
