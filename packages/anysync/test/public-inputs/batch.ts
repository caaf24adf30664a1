import { BatchError, Batcher, BatchLoader } from '../../src/batch/index.js';
import type { Rows } from './row.js';

const dispatch = (): void => {};
const load = (keys: number[]): number[] => keys;

export const rows: Rows = {
  BatchError: {
    wrongType: [
      [
        () => new BatchError(new Error('x') as never),
        TypeError,
        'BatchError: errors must be an array of at least one error, got an instance of Error',
      ],
    ],
    outOfRange: [
      [
        () => new BatchError([]),
        RangeError,
        'BatchError: errors must be an array of at least one error, got an array (length 0)',
      ],
    ],
  },
  Batcher: {
    wrongType: [
      // Issue 14: this said "Cannot destructure property 'maxSize' of undefined".
      [
        () => new (Batcher as new () => unknown)(),
        TypeError,
        'Batcher: options must be an object such as { maxSize, maxWait, dispatch }, got undefined',
      ],
      [
        () => new Batcher({ maxSize: 10, maxWait: 5 } as never),
        TypeError,
        'Batcher: dispatch must be a function, got undefined',
      ],
      [
        () => new Batcher({ maxSize: '10' as never, maxWait: 5, dispatch }),
        TypeError,
        "Batcher: maxSize must be an integer >= 1 or Infinity, got '10' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new Batcher({ maxSize: 0, maxWait: 5, dispatch }),
        RangeError,
        'Batcher: maxSize must be an integer >= 1 or Infinity, got 0',
      ],
      [
        () => new Batcher({ maxSize: 10, maxWait: Number.POSITIVE_INFINITY, dispatch }),
        RangeError,
        'Batcher: maxWait must be a finite number of milliseconds >= 0, got Infinity',
      ],
      [
        () => new Batcher({ maxSize: 10, maxWait: 5, dispatch, concurrency: 0 }),
        RangeError,
        'Batcher: concurrency must be an integer >= 1 or Infinity, got 0',
      ],
    ],
  },
  BatchLoader: {
    wrongType: [
      [
        () => new BatchLoader({ load: 'users' as never }),
        TypeError,
        "BatchLoader: load must be a function, got 'users' (string)",
      ],
      [
        () => new BatchLoader({ load }).load(1, { signal: 'x' as never }),
        TypeError,
        "BatchLoader.load(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
      [
        () => new BatchLoader({ load }).loadMany(5 as never),
        TypeError,
        'BatchLoader.loadMany(): keys must be an iterable, got 5',
      ],
    ],
    outOfRange: [
      [
        () => new BatchLoader({ load, maxWait: -1 }),
        RangeError,
        'BatchLoader: maxWait must be a finite number of milliseconds >= 0, got -1',
      ],
      [
        () => new BatchLoader({ load, concurrency: 0 }),
        RangeError,
        'BatchLoader: concurrency must be an integer >= 1 or Infinity, got 0',
      ],
    ],
  },
};
