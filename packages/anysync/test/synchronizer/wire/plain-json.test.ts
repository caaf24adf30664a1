import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { plainJson, TOO_LARGE, textOrTooLarge } from '../../../src/synchronizer/wire/plain-json.js';

/** Own keys at every level, in order: `isDeepStrictEqual` ignores their order. */
function shape(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return Object.is(value, -0) ? '-0' : value;
  return [
    Object.getPrototypeOf(value),
    ...Reflect.ownKeys(value).map((key) => [key, shape(Reflect.get(value, key))]),
  ];
}

/** What the fast path must hold to: its text parses to exactly what structured clone makes. */
function expectExact(value: unknown): void {
  const text = plainJson(value);
  expect(text).toBeTypeOf('string');
  const parsed = JSON.parse(text as string);
  const cloned = structuredClone(value);
  expect(isDeepStrictEqual(parsed, cloned)).toBe(true);
  expect(shape(parsed)).toEqual(shape(cloned));
}

describe('plainJson: values JSON carries exactly', () => {
  it.each([
    ['an options bag', { filepath: '/src/a.ts', semi: false, printWidth: 100, plugins: ['x', 'y'] }],
    ['nested records and arrays', { a: [{ b: [1, 2, [3]] }, null, true], c: { d: { e: 'f' } } }],
    ['integer-like keys, which both put first', { b: 1, 2: 'two', a: 3, 1: 'one', '': 'empty' }],
    ['an own __proto__ key', JSON.parse('{"__proto__": {"x": 1}, "y": 2}')],
    ['a null-prototype record', Object.assign(Object.create(null), { a: 1 })],
    ['text beyond Latin-1, astral and lone surrogates', { s: 'ü€😀\ud800x\udfff', k: ['\u2028\u0000'] }],
    ['numbers JSON writes exactly', [0, -1, 1.5, 1e21, 5e-324, Number.MAX_VALUE, -Number.MAX_SAFE_INTEGER]],
    ['an empty record and an empty array', [{}, []]],
    ['the same string twice (strings have no identity)', ['s', 's']],
    ['text up to the length budget', { code: 'x'.repeat(7_000), map: null }],
    ['a list of 200 small records', Array.from({ length: 200 }, (_, id) => ({ id, name: `n${id}` }))],
  ])('%s', (_, value) => expectExact(value));

  it.each([
    ['quotes, backslashes and control characters', { s: '"q" \\ \t\n\r\b\f \u0000\u001f \u007f' }],
    ['keys that need escaping', { 'a"b': 1, 'c\\d': 2, '\n': 3, '\u0001': 4, 'é€': 5, '😀': 6 }],
    ['lone surrogates in keys and values', { '\ud800': '\udfff', x: ['\udbff\udc00', '\udc00\udbff'] }],
  ])('escapes what JSON must: %s', (_, value) => expectExact(value));

  it('stays exact past its cache of property names', () => {
    for (let i = 0; i < 3000; i++) expectExact({ [`key ${i} "${i % 7}"`]: i, shared: `value ${i}` });
    for (let i = 0; i < 100; i++) expectExact({ [`${'long key '.repeat(20)}${i}\n`]: i });
  });

  it('reads each property once, as structured clone does', () => {
    let reads = 0;
    const value = {
      get counted() {
        reads++;
        return reads;
      },
    };
    expect(JSON.parse(plainJson(value) as string)).toEqual({ counted: 1 });
    expect(reads).toBe(1);
  });

  it('skips non-enumerable and symbol-keyed properties, as structured clone does', () => {
    const value = { shown: 1, [Symbol('hidden')]: 2 };
    Object.defineProperty(value, 'quiet', { value: 3, enumerable: false });
    expectExact(value);
  });
});

describe('plainJson: values it leaves to the serializer', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const shared = { x: 1 };
  const withExtra = Object.assign([1, 2], { extra: true });
  // biome-ignore lint/suspicious/noSparseArray: a hole is the point
  const holey = [1, , 3];
  class Point {
    x = 1;
  }
  const tagged = { [Symbol.toStringTag]: 'Custom', a: 1 };
  it.each([
    ['undefined in a record (JSON drops the key)', { a: undefined }],
    ['undefined in an array (JSON writes null)', [undefined]],
    ['a hole', holey],
    ['-0', [-0]],
    ['NaN and the infinities', [Number.NaN]],
    ['Infinity', { a: Number.POSITIVE_INFINITY }],
    ['a cycle', cyclic],
    ['an object reached twice (structured clone keeps it shared)', [shared, shared]],
    ['an array with a named property', withExtra],
    ['a class instance', { p: new Point() }],
    ['a Date', { d: new Date(0) }],
    ['a Map', new Map([[1, 2]])],
    ['a typed array', { bytes: new Uint8Array(2) }],
    ['a boxed string', { s: Object('x') }],
    ['a bigint', { n: 1n }],
    ['a symbol value', { s: Symbol('x') }],
    ['a function', { f: () => 1 }],
    ['an Error', new Error('x')],
    ['a proxy of a record', new Proxy({ a: 1 }, {})],
    ['a proxy of an array', [new Proxy([1], {})]],
    ['a custom string tag', tagged],
    [
      'an arguments object',
      (function (..._: unknown[]) {
        // biome-ignore lint/complexity/noArguments: the object under test
        return arguments;
      })(1),
    ],
    ['an array subclass', Object.setPrototypeOf([1], Object.create(Array.prototype))],
    ['a value past the node budget', { list: Array.from({ length: 1100 }, (_, i) => i % 10) }],
    ['a value past the length budget', { text: 'x'.repeat(10_000) }],
    [
      'strings that together pass the length budget',
      ['x'.repeat(3_000), 'y'.repeat(3_000), 'z'.repeat(3_000)],
    ],
    ['a long string deep inside', { a: [{ b: 'x'.repeat(9_000) }] }],
    ['a value nested past the depth limit', JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`)],
  ])('%s', (_, value) => {
    expect(plainJson(value)).toBeUndefined();
  });

  it('tells a value refused for its size apart (textOrTooLarge), as plainJson does not', () => {
    expect(textOrTooLarge({ code: 'x'.repeat(10_000) })).toBe(TOO_LARGE);
    expect(textOrTooLarge(['x'.repeat(3_000), 'y'.repeat(3_000), 'z'.repeat(3_000)])).toBe(TOO_LARGE);
    expect(textOrTooLarge({ list: Array.from({ length: 1100 }, () => 1) })).toBe(TOO_LARGE);
    expect(textOrTooLarge(Array.from({ length: 300 }, (_, id) => ({ id, ok: true, name: 'n' })))).toBe(
      TOO_LARGE,
    );
    // The size is what is found first here; a value refused for anything else first is not `TOO_LARGE`.
    expect(textOrTooLarge({ code: 'x'.repeat(10_000), table: new Map() })).toBe(TOO_LARGE);
    expect(textOrTooLarge({ table: new Map(), code: 'x'.repeat(10_000) })).toBeUndefined();
    expect(textOrTooLarge({ a: undefined, list: Array.from({ length: 1100 }, () => 1) })).toBeUndefined();
    expect(textOrTooLarge({ code: 'x'.repeat(100) })).toBe(plainJson({ code: 'x'.repeat(100) }));
    expect(plainJson({ code: 'x'.repeat(10_000) })).toBeUndefined();
    expect(plainJson({ list: Array.from({ length: 1100 }, () => 1) })).toBeUndefined();
  });

  it('leaves primitives alone (the codec writes them itself)', () => {
    for (const value of ['s', 1, true, null, undefined]) expect(plainJson(value)).toBeUndefined();
  });

  it('lets a throwing getter throw, as structured clone would', () => {
    const value = {
      get broken(): never {
        throw new RangeError('no');
      },
    };
    expect(() => plainJson(value)).toThrow(RangeError);
  });
});

describe('plainJson: random values', () => {
  // A small deterministic generator (no dependency): values of every kind the fast path sees, refused
  // ones included, checked against structured clone whenever it accepts one.
  let seed = 0x2f6b_1d3c;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const leaves = [0, -0, 1.25, -7, 1e300, Number.NaN, '', 'a"b\\c', 'ß€😀', true, false, null, undefined];
  function random(depth: number): unknown {
    const roll = next();
    if (depth > 3 || roll < 0.45) return pick(leaves);
    if (roll < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => random(depth + 1));
    const record: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 4); i > 0; i--)
      record[pick(['a', 'b', '1', '0', 'key', '__x'])] = random(depth + 1);
    return record;
  }

  it('is exact whenever it accepts, over 5,000 values', () => {
    let accepted = 0;
    for (let i = 0; i < 5_000; i++) {
      const value = [random(0)];
      const text = plainJson(value);
      if (text === undefined) continue;
      accepted++;
      const parsed = JSON.parse(text);
      const cloned = structuredClone(value);
      expect(isDeepStrictEqual(parsed, cloned)).toBe(true);
      expect(shape(parsed)).toEqual(shape(cloned));
    }
    // Both outcomes were exercised.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(4_900);
  });
});
