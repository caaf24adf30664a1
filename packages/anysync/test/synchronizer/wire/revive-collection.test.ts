import { describe, expect, it } from 'vitest';
import { reviveCollection } from '../../../src/synchronizer/wire/revive-collection.js';

const upper = (item: unknown) => (typeof item === 'string' ? item.toUpperCase() : item);

describe('reviveCollection', () => {
  it('revives a Map’s keys and values in place, in their order', () => {
    const map = new Map<unknown, unknown>([
      ['a', 1],
      [2, 'b'],
      ['c', 'd'],
    ]);
    reviveCollection(map, upper);
    expect([...map]).toEqual([
      ['A', 1],
      [2, 'B'],
      ['C', 'D'],
    ]);
  });

  it('revives a Set’s members in place, in their order', () => {
    const set = new Set<unknown>(['z', 1, 'a']);
    reviveCollection(set, upper);
    expect([...set]).toEqual(['Z', 1, 'A']);
  });
});
