import { describe, expect, it } from 'vitest';
import { locate, locateUncloneable } from '../../../src/synchronizer/wire/locate.js';

describe('locate()', () => {
  it('names the path of a value by identity', () => {
    const fn = () => {};
    const args = [1, { options: { 'on-progress': fn, list: [0, fn] } }];
    expect(locate(args, fn, 'arguments')).toBe('arguments[1].options["on-progress"]');
    expect(locate(args, 'absent', 'arguments')).toBe('arguments');
  });

  it('survives cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(locate([cyclic], 42, 'arguments')).toBe('arguments');
  });
});

describe('locateUncloneable()', () => {
  it('descends to the deepest value structured clone refuses', () => {
    expect(locateUncloneable([{ ok: 1, inner: { weak: new WeakMap() } }], 'arguments')).toBe(
      'arguments[0].inner.weak',
    );
    expect(locateUncloneable([new Map([['key', () => {}]])], 'arguments')).toBe('arguments[0].key');
  });
});
