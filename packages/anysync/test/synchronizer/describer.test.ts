import { describe, expect, it } from 'vitest';
import type { HandleMarker } from '../../src/synchronizer/protocol.js';
import { Describer } from '../../src/synchronizer/worker/describer.js';
import { NameTable } from '../../src/synchronizer/worker/name-table.js';
import { ObjectTable } from '../../src/synchronizer/worker/object-table.js';

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}

  length(): number {
    return Math.hypot(this.x, this.y);
  }
}

class Bag {
  constructor(entries: Record<string, unknown>) {
    Object.assign(this, entries);
  }

  keys(): string[] {
    return Object.keys(this);
  }
}

const describer = () => new Describer(new NameTable(), new ObjectTable());

describe('Describer: own-property layouts of instances', () => {
  it('gives instances with the same own properties one layout, sent once', () => {
    const d = describer();
    const first = d.marker(new Point(1, 2), 'object');
    const second = d.marker(new Point(3, 4), 'object');
    expect(first.layout?.members.map((m) => [m.name, m.kind])).toEqual([
      ['x', 'field'],
      ['y', 'field'],
    ]);
    expect(second.layoutKey).toBe(first.layoutKey);
    expect(first.fields).toBeUndefined();
    d.compact(first);
    d.compact(second);
    expect(first.layout).toBeDefined();
    // Already sent: only its key goes, and a caller that lost it can ask for it.
    expect(second.layout).toBeUndefined();
    expect(d.describe(second.layoutKey as number)).toBe(first.layout);
  });

  it('records functions held in own properties as methods of the layout', () => {
    const d = describer();
    const value = { __proto__: Point.prototype, x: 1, scale: (k: number) => k } as object;
    const marker: HandleMarker = d.marker(value, 'object');
    expect(marker.layout?.members).toEqual([
      { name: 'x', nameId: expect.any(Number), kind: 'field' },
      { name: 'scale', nameId: expect.any(Number), kind: 'function', length: 1 },
    ]);
  });

  it('leaves instances without own properties with no layout, and dictionaries past 64 layouts with lists', () => {
    const d = describer();
    expect(d.marker(new Bag({}), 'object').layoutKey).toBeUndefined();
    const keys = new Set<number>();
    for (let i = 0; i < 64; i++) keys.add(d.marker(new Bag({ [`k${i}`]: i }), 'object').layoutKey as number);
    expect(keys.size).toBe(64);
    const past = d.marker(new Bag({ extra: 1 }), 'object');
    expect(past.layoutKey).toBeUndefined();
    expect(past.fields?.map(([name]) => name)).toEqual(['extra']);
  });
});
