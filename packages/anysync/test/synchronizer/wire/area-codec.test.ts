import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARK, Tag } from '../../../src/synchronizer/protocol.js';
import { AreaReader, writeValues } from '../../../src/synchronizer/wire/area-codec.js';
import { SharedArea } from '../../../src/synchronizer/wire/shared-area.js';

const roundTrip = (values: unknown[], area = new SharedArea(SharedArea.allocate(1 << 20))) => {
  const written = writeValues(area, values);
  expect(written).toBeGreaterThanOrEqual(0);
  const reader = new AreaReader(new SharedArea(area.buffer));
  return reader.readAll(values.length);
};

describe('writeValues / AreaReader', () => {
  it('writes a handle marker that names its shape and layout as four words, flags and keys intact', () => {
    const area = new SharedArea(SharedArea.allocate(1 << 16));
    const markers = [
      { [MARK]: 'handle', id: 7, kind: 'object', shapeKey: 3, layoutKey: 0 },
      { [MARK]: 'handle', id: 8, kind: 'object', shapeKey: 3, layoutKey: 1_000_000, pinned: true },
      { [MARK]: 'handle', id: 9, kind: 'iterator', pinned: true },
      { [MARK]: 'handle', id: 10, kind: 'class' },
    ];
    expect(writeValues(area, markers, true)).toBe(markers.length * 24);
    const reader = new AreaReader(new SharedArea(area.buffer));
    expect(reader.readAll(markers.length)).toEqual(markers);
    expect(reader.marked).toBe(true);
  });

  it('round-trips scalars, strings and structured values', () => {
    const values = [
      undefined,
      null,
      true,
      false,
      1.5,
      -0,
      '',
      'ascii',
      'café ÿ\u0080\u00a0',
      'ünï 🚀',
      { a: [1n, new Date(0)] },
      7,
      8,
      9,
    ];
    expect(roundTrip(values)).toEqual(values);
  });

  it('round-trips arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double(),
            fc.string(),
            fc.string({ unit: 'grapheme' }),
            fc.boolean(),
            fc.constant(null),
            fc.object(),
          ),
        ),
        (values) => {
          expect(roundTrip(values)).toEqual(values);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives back exactly what structured clone makes, whether a value went as JSON or serialized', () => {
    /** Own keys at every level, in order (the equality matchers ignore their order). */
    const order = (value: unknown): unknown =>
      typeof value === 'object' && value !== null
        ? Reflect.ownKeys(value).map((key) => [key, order(Reflect.get(value, key))])
        : Object.is(value, -0)
          ? '-0'
          : value;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
            fc.object({ values: [fc.constantFrom(undefined, -0, Number.NaN, 1, 'x', null)] }),
          ),
        ),
        (values) => {
          const back = roundTrip(values);
          const cloned = structuredClone(values);
          expect(back).toStrictEqual(cloned);
          expect(order(back)).toEqual(order(cloned));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('carries lone surrogates in JSON text intact, in keys and values', () => {
    const area = new SharedArea(SharedArea.allocate(1 << 20));
    const value = { '\ud800': 'a\udfffb', list: ['\udbff', 'ok', '😀'], é: '\u2028"\\' };
    expect(writeValues(area, [value], false)).toBeGreaterThan(0);
    // The astral character makes the text UTF-8, which could not carry a lone surrogate unescaped.
    expect(area.i32[0]).toBe(Tag.jsonUtf8);
    const [read] = new AreaReader(new SharedArea(area.buffer)).readAll(1);
    expect(read).toStrictEqual(structuredClone(value));
    expect(Object.keys(read as object)).toEqual(Object.keys(value));
  });

  it('keeps lone surrogates in strings written as they are, which UTF-8 would turn into U+FFFD', () => {
    const values = ['a\ud800b', '\udc00', 'tail \ud83d', '\ud83d\ude80 pair', 'é\udfff', 'plain'];
    expect(roundTrip(values)).toStrictEqual(values);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (strings) => {
        expect(roundTrip(strings)).toStrictEqual(strings);
      }),
      { numRuns: 200 },
    );
  });

  it('gives typed arrays, Buffers and DataViews memory of their own, not views of the area', () => {
    const area = new SharedArea(SharedArea.allocate(1 << 20));
    const reader = new AreaReader(new SharedArea(area.buffer));
    const values = [
      Buffer.from('first'),
      {
        bytes: new Uint8Array([1, 2, 3]),
        wide: new Float64Array([0.5]),
        view: new DataView(new ArrayBuffer(2)),
      },
    ];
    writeValues(area, values);
    const [buffer, record] = reader.readAll(2) as [
      Buffer,
      { bytes: Uint8Array; wide: Float64Array; view: DataView },
    ];
    // The next call writes over the same bytes of the area.
    writeValues(area, [
      Buffer.from('SECOND'),
      { bytes: new Uint8Array([9, 9, 9]), wide: new Float64Array([7]) },
    ]);
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.toString()).toBe('first');
    expect(record.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(record.wide).toEqual(new Float64Array([0.5]));
    for (const view of [buffer, record.bytes, record.wide, record.view]) {
      expect(view.buffer).toBeInstanceOf(ArrayBuffer);
      expect(view.buffer.byteLength).toBe(view.byteLength);
    }
  });

  it('writes a small record of plain data as JSON text, and anything else serialized', () => {
    const area = new SharedArea(SharedArea.allocate(1 << 20));
    writeValues(area, [{ filepath: '/src/a.ts', tabs: [2, 4] }]);
    expect(area.i32[0]).toBe(Tag.jsonLatin1);
    writeValues(area, [{ price: '5 €' }]);
    expect(area.i32[0]).toBe(Tag.jsonUtf8);
    writeValues(area, [{ when: new Date(0) }]);
    expect(area.i32[0]).toBe(Tag.serialized);
    for (const record of [
      { name: 'ünï', list: [1, 'two', null] },
      { price: '5 €', lone: '\ud800' },
    ]) {
      expect(roundTrip([record])).toStrictEqual([record]);
    }
  });

  it('grows the area for large payloads, and refuses what exceeds its maximum', () => {
    const area = new SharedArea(SharedArea.allocate(4 << 20));
    const big = 'z'.repeat(3 << 20);
    expect(roundTrip([big], area)).toEqual([big]);
    expect(area.buffer.byteLength).toBeGreaterThan(3 << 20);
    expect(writeValues(area, ['z'.repeat(5 << 20)])).toBe(-1);
    expect(writeValues(area, [new Uint8Array(5 << 20)])).toBe(-1);
  });

  it('leaves a structured value larger than a JSON text may be to a message, unless told to serialize it', () => {
    const area = new SharedArea(SharedArea.allocate(1 << 20));
    const record = { code: 'c'.repeat(20_000), map: null };
    expect(writeValues(area, ['first', record])).toBe(-1);
    expect(writeValues(area, [['m'.repeat(3_000), 'n'.repeat(3_000), 'o'.repeat(3_000)]])).toBe(-1);
    expect(writeValues(area, [Array.from({ length: 2_000 }, (_, id) => ({ id }))])).toBe(-1);
    // With the texts tried already (arguments), a value without one is serialized: it fits.
    expect(writeValues(area, ['first', record], false, [undefined, undefined])).toBeGreaterThan(20_000);
    const reader = new AreaReader(new SharedArea(area.buffer));
    expect(reader.readAll(2)).toEqual(['first', record]);
    // A long plain string is written as it is, and a long text JSON cannot carry anyway is serialized.
    expect(roundTrip(['s'.repeat(20_000)])).toEqual(['s'.repeat(20_000)]);
    const withMap = { table: new Map([[1, 'x'.repeat(20_000)]]) };
    expect(roundTrip([withMap])).toEqual([withMap]);
  });

  it('lets the reader follow growth made by the writer', () => {
    const writer = new SharedArea(SharedArea.allocate(8 << 20));
    const reader = new AreaReader(new SharedArea(writer.buffer));
    expect(writeValues(writer, ['small'])).toBeGreaterThan(0);
    expect(reader.readAll(1)).toEqual(['small']);
    const large = 'L'.repeat(2 << 20);
    writeValues(writer, [large]);
    expect(reader.readAll(1)).toEqual([large]);
  });

  it('lets the reader follow growth that puts headers and number runs past its views', () => {
    const writer = new SharedArea(SharedArea.allocate(8 << 20));
    const reader = new AreaReader(new SharedArea(writer.buffer));
    expect(reader.readAll(writeValues(writer, [1]) > 0 ? 1 : 0)).toEqual([1]);
    // The first value fills the initial 64 KiB, so every later header and payload lies beyond the
    // reader's views as they were built.
    const values = ['x'.repeat(200_000), 2.5, 'tail', 3, 4, 5, true, { nested: ['object'] }];
    expect(writeValues(writer, values)).toBeGreaterThan(200_000);
    expect(reader.readAll(values.length)).toEqual(values);
  });

  it('leaves values that share memory to a message (-1), where they stay shared', () => {
    const area = new SharedArea(SharedArea.allocate(1 << 20));
    const memory = new SharedArrayBuffer(8);
    expect(writeValues(area, [1, { views: [new Uint8Array(memory)] }])).toBe(-1);
    expect(writeValues(area, ['text', new Map([['m', memory]])])).toBe(-1);
    expect(writeValues(area, [new Uint8Array(8)])).toBeGreaterThan(0);
  });

  it('flags values that carry markers', () => {
    const area = new SharedArea(SharedArea.allocate(1 << 20));
    writeValues(area, [{ marker: true }], true);
    const reader = new AreaReader(area);
    reader.readAll(1);
    expect(reader.marked).toBe(true);
    writeValues(area, [{ marker: false }]);
    reader.readAll(1);
    expect(reader.marked).toBe(false);
  });
});
