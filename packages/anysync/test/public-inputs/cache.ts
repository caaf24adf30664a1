import {
  AsyncCache,
  jsonCodec,
  LazyResult,
  LruMap,
  MemorySingleFlightStore,
  memoize,
  memoizeLazy,
  TtlLruMap,
} from '../../src/cache/index.js';
import type { Rows } from './row.js';

const compute = async (): Promise<number> => 1;

export const rows: Rows = {
  AsyncCache: {
    wrongType: [
      [
        () => new AsyncCache({ max: '10' as never }),
        TypeError,
        "AsyncCache: max must be an integer from 1 to 2^31 - 2, got '10' (string)",
      ],
      [
        () => new AsyncCache({ errors: true as never }),
        TypeError,
        "AsyncCache: errors must be 'evict' or 'keep', got true (boolean)",
      ],
      [
        () => new AsyncCache().get('k', 'compute' as never),
        TypeError,
        "AsyncCache.get(): compute must be a function, got 'compute' (string)",
      ],
      [
        () => new AsyncCache().getWith('k', compute, 1, { signal: 'x' as never }),
        TypeError,
        "AsyncCache.getWith(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new AsyncCache({ max: 0 }),
        RangeError,
        'AsyncCache: max must be an integer from 1 to 2^31 - 2, got 0',
      ],
      [
        () => new AsyncCache({ ttl: -1 }),
        RangeError,
        'AsyncCache: ttl must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
      [
        () => new AsyncCache({ errors: 'kept' as never }),
        RangeError,
        "AsyncCache: errors must be 'evict' or 'keep', got 'kept' (string)",
      ],
    ],
  },
  LazyResult: {
    wrongType: [
      [
        () => new LazyResult('start' as never),
        TypeError,
        "LazyResult: start must be a function, got 'start' (string)",
      ],
    ],
    outOfRange: { none: 'takes one function' },
  },
  LruMap: {
    wrongType: [
      [
        () => new LruMap('100' as never),
        TypeError,
        "LruMap: max must be an integer from 1 to 2^31 - 2, got '100' (string)",
      ],
      [
        () => new LruMap(10, { onRemove: 'log' as never }),
        TypeError,
        "LruMap: onRemove must be a function or undefined, got 'log' (string)",
      ],
      [
        () => new LruMap(10).getOrSet('k', 1 as never),
        TypeError,
        'LruMap.getOrSet(): create must be a function, got 1',
      ],
    ],
    outOfRange: [
      [() => new LruMap(0), RangeError, 'LruMap: max must be an integer from 1 to 2^31 - 2, got 0'],
      [() => new LruMap(2 ** 31), RangeError, 'got 2147483648'],
    ],
  },
  memoize: {
    wrongType: [
      [() => memoize('fn' as never), TypeError, "memoize(): fn must be a function, got 'fn' (string)"],
      [
        () => memoize(compute, { key: 'id' as never }),
        TypeError,
        "memoize(): key must be a function or undefined, got 'id' (string)",
      ],
      [
        () => memoize(compute).withSignal('x' as never),
        TypeError,
        "memoize().withSignal(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => memoize(compute, { ttl: -5 }),
        RangeError,
        'memoize(): ttl must be a number of milliseconds >= 0 (or Infinity), got -5',
      ],
      [
        () => memoize(compute, { max: 0.5 }),
        RangeError,
        'memoize(): max must be an integer from 1 to 2^31 - 2, got 0.5',
      ],
      [
        () => memoize(compute, { tll: 5 } as never),
        TypeError,
        "memoize(): unknown option 'tll' (did you mean 'ttl'?)",
      ],
    ],
  },
  memoizeLazy: {
    wrongType: [
      [
        () => memoizeLazy(undefined as never),
        TypeError,
        'memoizeLazy(): fn must be a function, got undefined',
      ],
      [
        () => memoizeLazy(compute).withSignal(1 as never),
        TypeError,
        'memoizeLazy().withSignal(): signal must be an AbortSignal or undefined, got 1',
      ],
    ],
    outOfRange: [
      [
        () => memoizeLazy(compute, { max: 0 }),
        RangeError,
        'memoizeLazy(): max must be an integer from 1 to 2^31 - 2, got 0',
      ],
    ],
  },
  TtlLruMap: {
    wrongType: [
      [
        () => new TtlLruMap(undefined as never),
        TypeError,
        'TtlLruMap: options must be an object such as { max, ttl }, got undefined',
      ],
      [
        () => new TtlLruMap({ max: 10, ttl: '1s' as never }),
        TypeError,
        "TtlLruMap: ttl must be a number of milliseconds > 0 (or Infinity), got '1s' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new TtlLruMap({ max: 10, ttl: 0 }),
        RangeError,
        'TtlLruMap: ttl must be a number of milliseconds > 0 (or Infinity), got 0',
      ],
      [
        () => new TtlLruMap({ max: -1, ttl: 10 }),
        RangeError,
        'TtlLruMap: max must be an integer from 1 to 2^31 - 2, got -1',
      ],
    ],
  },
  jsonCodec: {
    wrongType: [
      [() => jsonCodec.decode(42 as never), TypeError, 'jsonCodec.decode(): text must be a string, got 42'],
      [() => jsonCodec.encode(new Map()), TypeError, 'jsonCodec: the value is a Map'],
      [
        () => jsonCodec.encode(Number.NaN),
        TypeError,
        'jsonCodec: the value is NaN, which JSON turns into null',
      ],
    ],
    // What JSON cannot carry as it is (NaN, a Map, a cycle) is refused as a TypeError, NaN included.
    outOfRange: { none: 'the codec refuses what JSON would change, by kind (TypeError), NaN included' },
  },
  MemorySingleFlightStore: {
    wrongType: [
      [
        () => new MemorySingleFlightStore().begin(42 as never, 'me', 1000),
        TypeError,
        'MemorySingleFlightStore.begin(): name must be a non-empty string, got 42',
        'rejects',
      ],
    ],
    outOfRange: [
      [
        () => new MemorySingleFlightStore().begin('k', 'me', -1),
        RangeError,
        'MemorySingleFlightStore.begin(): leaseMs must be a finite number of milliseconds > 0, got -1',
        'rejects',
      ],
    ],
  },
};
