import { batch, buffer, filter, map, merge, take, tee, zip } from '../../src/iterate/index.js';
import type { Rows } from './row.js';

const identity = (n: number): number => n;
const sources = { none: 'takes only iterables' };

export const rows: Rows = {
  batch: {
    wrongType: [
      [
        () => batch([1], undefined as never),
        TypeError,
        'batch(): options must be an object such as { size, maxWait }, got undefined',
      ],
      [
        () => batch(42 as never, { size: 2 }),
        TypeError,
        'batch(): source must be an iterable or async iterable, got 42',
      ],
      [() => batch([1], {}), TypeError, 'batch(): give a size, a maxWait, or both'],
    ],
    outOfRange: [
      [() => batch([1], { size: 0 }), RangeError, 'batch(): size must be an integer >= 1 or Infinity, got 0'],
      [
        () => batch([1], { maxWait: -1 }),
        RangeError,
        'batch(): maxWait must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
    ],
  },
  buffer: {
    wrongType: [
      [
        () => buffer([1], '4' as never),
        TypeError,
        "buffer(): size must be an integer >= 1 or Infinity, got '4' (string)",
      ],
    ],
    outOfRange: [
      [() => buffer([1], 0), RangeError, 'buffer(): size must be an integer >= 1 or Infinity, got 0'],
    ],
  },
  filter: {
    wrongType: [
      [() => filter([1], null as never), TypeError, 'filter(): predicate must be a function, got null'],
      [
        () => filter([1], Boolean, { ordered: 'yes' as never }),
        TypeError,
        "filter(): ordered must be true, false or undefined, got 'yes' (string)",
      ],
    ],
    outOfRange: [
      [
        () => filter([1], Boolean, { concurrency: -1 }),
        RangeError,
        'filter(): concurrency must be an integer >= 1 or Infinity, got -1',
      ],
    ],
  },
  map: {
    wrongType: [
      [() => map([1], 'x' as never), TypeError, "map(): fn must be a function, got 'x' (string)"],
      [
        () => map(undefined as never, identity),
        TypeError,
        'map(): source must be an iterable or async iterable, got undefined',
      ],
      [
        () => map([1], identity, { signal: 'x' as never }),
        TypeError,
        "map(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => map([1], identity, { concurrency: 0 }),
        RangeError,
        'map(): concurrency must be an integer >= 1 or Infinity, got 0',
      ],
      [
        () => map([1], identity, { concurency: 4 } as never),
        TypeError,
        "map(): unknown option 'concurency' (did you mean 'concurrency'?)",
      ],
    ],
  },
  merge: {
    wrongType: [
      [
        () => merge([1], 2 as never),
        TypeError,
        'merge(): sources[1] must be an iterable or async iterable, got 2',
      ],
    ],
    outOfRange: sources,
  },
  take: {
    wrongType: [
      [
        () => take([1], '2' as never),
        TypeError,
        "take(): count must be an integer >= 0 or Infinity, got '2' (string)",
      ],
    ],
    outOfRange: [
      [() => take([1], -1), RangeError, 'take(): count must be an integer >= 0 or Infinity, got -1'],
    ],
  },
  tee: {
    wrongType: [
      [
        () => tee([1], '2' as never),
        TypeError,
        "tee(): count must be an integer from 1 to 2^32 - 1, got '2' (string)",
      ],
    ],
    outOfRange: [
      [() => tee([1], 0), RangeError, 'tee(): count must be an integer from 1 to 2^32 - 1, got 0'],
    ],
  },
  zip: {
    wrongType: [
      [
        () => zip([1], null as never),
        TypeError,
        'zip(): sources[1] must be an iterable or async iterable, got null',
      ],
    ],
    outOfRange: sources,
  },
};
