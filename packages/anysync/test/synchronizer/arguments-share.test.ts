import { describe, expect, it } from 'vitest';
import { argumentsShare } from '../../src/synchronizer/caller/arguments-share.js';
import { HandleTable } from '../../src/synchronizer/caller/handle-table.js';
import { prepareArgs } from '../../src/synchronizer/caller/prepare-args.js';

const table = new HandleTable(() => {});

describe('argumentsShare: whether arguments must travel packed', () => {
  it('is false with fewer than two object arguments', () => {
    expect(argumentsShare([1, 'a', null, undefined])).toBe(false);
    expect(argumentsShare([new Map(), 'a', 2])).toBe(false);
  });

  it('is false when every object argument has JSON text (texts never share)', () => {
    expect(argumentsShare([{ a: 1 }, { b: 2 }], ['{"a":1}', '{"b":2}'])).toBe(false);
  });

  it('is true when an object argument without text may hold objects and another object is passed', () => {
    const entry = { n: 1 };
    expect(argumentsShare([entry, new Map([[1, entry]])], ['{"n":1}', undefined])).toBe(true);
    // Without texts nothing is known: two records may share.
    expect(argumentsShare([{ a: 1 }, { b: 2 }])).toBe(true);
  });

  it('tells distinct built-ins that hold no objects apart from one passed twice', () => {
    const bytes = new Uint8Array(4);
    expect(
      argumentsShare(
        [bytes, new Uint8Array(4), new Date(0), { a: 1 }],
        [undefined, undefined, undefined, '{"a":1}'],
      ),
    ).toBe(false);
    // Views of one buffer cross as copies of their own bytes either way: packing them gains nothing.
    expect(argumentsShare([bytes.subarray(0, 2), bytes.subarray(2)])).toBe(false);
    expect(argumentsShare([bytes, bytes])).toBe(true);
    const when = new Date(0);
    expect(argumentsShare([when, 'x', when])).toBe(true);
  });

  it('leaves signals out: the worker substitutes its own for each', () => {
    const signal = new AbortController().signal;
    expect(argumentsShare([signal, signal, { a: 1 }], [undefined, undefined, '{"a":1}'])).toBe(false);
  });
});

describe('prepareArgs packs only arguments that may share', () => {
  it('keeps JSON text for records that share nothing', () => {
    const prepared = prepareArgs([{ a: 1 }, { b: [2] }], table, undefined, true);
    expect(prepared.packed).toBeFalsy();
    expect(prepared.json).toEqual(['{"a":1}', '{"b":[2]}']);
  });

  it('packs, without JSON text, records that share an object', () => {
    const part = { a: 1 };
    const prepared = prepareArgs([part, { part }], table, undefined, true);
    expect(prepared.packed).toBe(true);
    expect(prepared.json).toBeUndefined();
    expect(prepared.values).toEqual([part, { part }]);
  });
});
