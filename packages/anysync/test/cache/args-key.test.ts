import { describe, expect, it } from 'vitest';
import { argKey, argsKey } from '../../src/cache/args-key.js';

describe('argsKey()', () => {
  it('uses a lone argument as its own key', () => {
    const object = {};
    expect(argsKey(undefined, ['id'])).toBe('id');
    expect(argsKey(undefined, [42])).toBe(42);
    expect(argsKey(undefined, [object])).toBe(object);
  });

  it('encodes several arguments so that different lists never collide', () => {
    const keys = [
      argsKey(undefined, []),
      argsKey(undefined, ['a', 'b']),
      argsKey(undefined, ['a,s1:b']),
      argsKey(undefined, ['a', 'b', undefined]),
      argsKey(undefined, [1, 2]),
      argsKey(undefined, ['1', 2]),
      argsKey(undefined, [0, 0]),
      argsKey(undefined, [-0, 0]),
      argsKey(undefined, [null, undefined]),
      argsKey(undefined, [true, 1n]),
      argsKey(undefined, [Symbol.for('x'), 1]),
      argsKey(undefined, [Symbol('x'), 1]),
      argsKey(undefined, ['\u0000,s1:a']),
      argsKey(undefined, ['\u0000']),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(argsKey(undefined, ['a', 'b'])).toBe(argsKey(undefined, ['a', 'b']));
  });

  it('compares objects by identity, and includes a method receiver', () => {
    const a = { id: 1 };
    const b = { id: 1 };
    expect(argsKey(undefined, [a, 1])).toBe(argsKey(undefined, [a, 1]));
    expect(argsKey(undefined, [a, 1])).not.toBe(argsKey(undefined, [b, 1]));
    expect(argsKey(a, [1])).not.toBe(argsKey(b, [1]));
    expect(argsKey(globalThis, [1])).toBe(1);
  });

  it('keeps a lone string that starts with NUL apart from encoded lists', () => {
    expect(argsKey(undefined, ['\u0000'])).not.toBe(argsKey(undefined, []));
  });

  it('argKey(x) is argsKey(undefined, [x]), without the array', () => {
    const object = {};
    for (const value of [
      'id',
      '',
      '\u0000',
      '\u0000,s1:a',
      42,
      -0,
      null,
      undefined,
      object,
      Symbol.for('x'),
    ]) {
      expect(argKey(value)).toBe(argsKey(undefined, [value]));
    }
  });
});
