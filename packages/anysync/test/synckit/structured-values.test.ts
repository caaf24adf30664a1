import { describe, expect, it } from 'vitest';
import { needsStructuredClone } from '../../src/synckit/structured-values.js';

class WithMethod {
  value = 1;
  read() {
    return this.value;
  }
}

class DataOnly {
  value = 1;
}

describe('needsStructuredClone: where the Synchronizer and structured clone part ways', () => {
  it('is false for what both carry alike', () => {
    for (const value of [
      undefined,
      null,
      'text',
      1n,
      [1, { a: [2] }],
      { when: new Date(0), bytes: new Uint8Array(2) },
      new Map([[{ key: 1 }, new Set([{ value: 2 }])]]),
      new DataOnly(),
      Object.assign(new Error('e'), { cause: { plain: true } }),
    ]) {
      expect(needsStructuredClone(value)).toBe(false);
    }
  });

  it('is true for a function, a symbol or an object with methods, however deep, in maps and sets too', () => {
    expect(needsStructuredClone(() => 1)).toBe(true);
    expect(needsStructuredClone([Symbol('s')])).toBe(true);
    expect(needsStructuredClone(new WithMethod())).toBe(true);
    expect(needsStructuredClone([{ nested: [new WithMethod()] }])).toBe(true);
    expect(needsStructuredClone({ run: () => 1 })).toBe(true);
    expect(needsStructuredClone(new Map([[new WithMethod(), 1]]))).toBe(true);
    expect(needsStructuredClone(new Set([{ visit: () => 1 }]))).toBe(true);
    expect(needsStructuredClone(new Set([[1, 2, () => 3]]))).toBe(true);
    expect(needsStructuredClone(new Map([[1, [2, 3, new WithMethod()]]]))).toBe(true);
    expect(needsStructuredClone(new Error('e', { cause: new WithMethod() }))).toBe(true);
  });

  it('ends on cycles and on deep values without using the stack', () => {
    const node: { parent?: unknown; children: unknown[] } = { children: [] };
    node.children.push({ parent: node, children: [] });
    expect(needsStructuredClone(node)).toBe(false);
    let deep: unknown = new WithMethod();
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(needsStructuredClone(deep)).toBe(true);
  });
});
