import { DualQueue } from '../../src/dual-queue/index.js';
import type { Rows } from './row.js';

export const rows: Rows = {
  DualQueue: {
    wrongType: [
      [
        () => new DualQueue({ bytes: '1024' as never }),
        TypeError,
        "DualQueue: bytes must be an integer from 16 to 2^31 - 1, got '1024' (string)",
      ],
      [
        () => new DualQueue({ codec: JSON as never }),
        TypeError,
        'DualQueue: codec must be an object with encode and decode functions, or undefined, got an object',
      ],
      [
        () => DualQueue.from({} as never),
        TypeError,
        'DualQueue.from(): handle must be the `handle` of a DualQueue',
      ],
      [
        () => new DualQueue().get({ signal: 'x' as never }),
        TypeError,
        "DualQueue.get(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new DualQueue({ bytes: 8 }),
        RangeError,
        'DualQueue: bytes must be an integer from 16 to 2^31 - 1, got 8',
      ],
      [
        () => new DualQueue({ maxItems: 0 }),
        RangeError,
        'DualQueue: maxItems must be an integer >= 1 or Infinity, got 0',
      ],
      [
        () => new DualQueue().getSync({ timeout: -1 }),
        RangeError,
        'DualQueue.getSync(): timeout must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
    ],
  },
};
