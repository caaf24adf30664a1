import { describe, expect, it } from 'vitest';
import { distinctKeys, routeRepeats } from '../../src/batch/key-repeats.js';

/** The reference: a Map from each key to the index of its first occurrence among the distinct keys. */
function reference(keys: unknown[]): number[] | undefined {
  const indexOf = new Map<unknown, number>();
  const routes = keys.map((key) => {
    if (!indexOf.has(key)) indexOf.set(key, indexOf.size);
    return indexOf.get(key) as number;
  });
  return indexOf.size === keys.length ? undefined : routes;
}

describe('routeRepeats', () => {
  it('finds repeats among integers (the typed-array table) and any other keys (a Set), as a Map would', () => {
    const cases: unknown[][] = [
      [],
      [1],
      [1, 2, 3],
      [1, 2, 1],
      [0, -0],
      [-(2 ** 31), 5, -(2 ** 31)],
      [2 ** 31, 2 ** 31 + 1, 2 ** 31],
      [1.5, 1.5],
      [Number.NaN, Number.NaN],
      ['a', 'b', 'a'],
      [1, '1'],
      [1, 2, 'x', 2],
      Array.from({ length: 5000 }, (_, i) => i * 65_536),
      [...Array.from({ length: 3000 }, (_, i) => -i), 0],
    ];
    for (const keys of cases) {
      const routes = routeRepeats(keys);
      expect(routes && Array.from(routes)).toEqual(reference(keys));
    }
  });

  it('agrees with a Map on random integer batches of every size, the table being reused between them', () => {
    let state = 7;
    const random = (range: number) => {
      state = (state * 1_103_515_245 + 12_345) >>> 0;
      return state % range;
    };
    for (let batch = 0; batch < 300; batch++) {
      const size = random(200);
      const range = 1 + random(batch % 2 === 0 ? 100_000 : 400);
      const keys = Array.from({ length: size }, () => random(range) - (batch % 3 === 0 ? range >> 1 : 0));
      const routes = routeRepeats(keys);
      expect(routes && Array.from(routes)).toEqual(reference(keys));
      if (routes) expect(distinctKeys(keys, routes)).toEqual([...new Set(keys)]);
    }
  });
});
