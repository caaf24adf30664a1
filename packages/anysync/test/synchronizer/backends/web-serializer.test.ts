import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { SharedMemoryValue } from '../../../src/synchronizer/backends/shared-memory.js';
import { serialize as serializeShared } from '../../../src/synchronizer/backends/structured-bytes.js';
import { deserializeWeb, serializeWeb } from '../../../src/synchronizer/backends/web-serializer.js';

/** What browsers use instead of v8.serialize; checked here against v8's own round trip. */
const roundTrip = (value: unknown) => deserializeWeb(serializeWeb(value));

describe('serializeWeb / deserializeWeb', () => {
  it('round-trips what the structured clone does, like v8.serialize', () => {
    const sparse = [1, 2, 3];
    delete sparse[1];
    const value = {
      numbers: [0, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY],
      text: ['', 'ascii', 'é ü ✓ 😀'],
      flags: [true, false, null, undefined],
      big: [0n, -(2n ** 70n)],
      sparse,
      when: new Date(1_700_000_000_000),
      pattern: /a+b/gi,
      map: new Map<unknown, unknown>([
        ['k', 1],
        [2, { nested: true }],
      ]),
      set: new Set(['x', 3]),
      bytes: new Uint8Array([1, 2, 255]),
      floats: new Float64Array([0.5, -2]),
      view: new DataView(new ArrayBuffer(4)),
      buffer: new ArrayBuffer(3),
      nested: { deep: { deeper: ['a'] } },
      '\u0000anysync': 'handle',
    };
    const copy = roundTrip(value);
    expect(copy).toEqual(deserialize(serialize(value)));
    expect(1 in (copy as { sparse: unknown[] }).sparse).toBe(false);
    expect(Object.is((copy as { numbers: number[] }).numbers[1], -0)).toBe(true);
  });

  it('keeps lone surrogates, which UTF-8 would turn into U+FFFD, wherever text goes', () => {
    const value = {
      '\udc00key': ['a\ud800b', '\ud83d\ude80', 'tail \ud83d'],
      pattern: /\ud800/u,
      error: new Error('lost \udfff'),
    };
    const back = deserializeWeb(serializeWeb(value)) as typeof value;
    expect(Object.keys(back)).toEqual(Object.keys(value));
    expect(back['\udc00key']).toStrictEqual(value['\udc00key']);
    expect(back.pattern.source).toBe(value.pattern.source);
    expect(back.error.message).toBe('lost \udfff');
    const long = '\ud800'.repeat(20_000);
    expect(deserializeWeb(serializeWeb(long))).toBe(long);
  });

  it('keeps shared and circular references', () => {
    const shared = { name: 'shared' };
    const cycle: Record<string, unknown> = { shared, again: shared };
    cycle.self = cycle;
    const buffer = new ArrayBuffer(8);
    cycle.views = [new Uint8Array(buffer, 2, 4), new Uint16Array(buffer)];
    const copy = roundTrip(cycle) as typeof cycle & { views: [Uint8Array, Uint16Array] };
    expect(copy.self).toBe(copy);
    expect(copy.again).toBe(copy.shared);
    expect(copy.views[0].buffer).toBe(copy.views[1].buffer);
    expect([copy.views[0].byteOffset, copy.views[0].length]).toEqual([2, 4]);
  });

  it('rebuilds errors with their class, message, stack and cause', () => {
    const error = new RangeError('too far', { cause: new Error('root') });
    const copy = roundTrip(error) as RangeError;
    expect(copy).toBeInstanceOf(RangeError);
    expect([copy.message, copy.stack, (copy.cause as Error).message]).toEqual([
      'too far',
      error.stack,
      'root',
    ]);
  });

  it('refuses what postMessage refuses, with a DataCloneError', () => {
    for (const value of [() => 1, Symbol('s'), new WeakMap(), Promise.resolve(), { nested: [() => 1] }]) {
      expect(() => serializeWeb(value)).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    }
  });

  it('gives shared memory up to a message (bytes would copy it), like the serializer used on Node', () => {
    const memory = new SharedArrayBuffer(8);
    for (const value of [memory, new Int32Array(memory), { deep: new Map([[1, new DataView(memory)]]) }]) {
      expect(() => serializeWeb(value)).toThrow(SharedMemoryValue);
      expect(() => serializeShared(value)).toThrow(SharedMemoryValue);
    }
    expect(roundTrip(new Int32Array(2))).toEqual(new Int32Array(2));
  });
});
