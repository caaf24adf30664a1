import { QueueFullError, WorkerPool } from '../../src/offload/index.js';
import type { Rows } from './row.js';

const synchronizer = 'anysync/synchronizer (the same class or function, re-exported)';

export const rows: Rows = {
  callSignal: { coveredBy: synchronizer },
  ClosedError: { coveredBy: synchronizer },
  CloneError: { coveredBy: synchronizer },
  ModuleLoadError: { coveredBy: synchronizer },
  TimeoutError: { coveredBy: synchronizer },
  transfer: { coveredBy: synchronizer },
  WorkerCrashError: { coveredBy: synchronizer },
  QueueFullError: {
    wrongType: [
      [
        () => new QueueFullError(3 as never),
        TypeError,
        'QueueFullError: message must be a string or undefined, got 3',
      ],
    ],
    outOfRange: { none: 'any string is a message' },
  },
  WorkerPool: {
    wrongType: [
      [
        () => new WorkerPool({ size: 'x' as never }),
        TypeError,
        "WorkerPool: size must be an integer >= 1, got 'x' (string)",
      ],
      [
        () => new WorkerPool({ terminateOnAbort: 'no' as never }),
        TypeError,
        "WorkerPool: terminateOnAbort must be true, false or undefined, got 'no' (string)",
      ],
      [
        () => new WorkerPool({ execArgv: '--inspect' as never }),
        TypeError,
        "WorkerPool: execArgv must be an array of strings or undefined, got '--inspect' (string)",
      ],
      [
        () => new WorkerPool().load(42 as never),
        TypeError,
        'must be a URL, a path or a package name, got 42',
      ],
    ],
    outOfRange: [
      [() => new WorkerPool({ size: 0 }), RangeError, 'WorkerPool: size must be an integer >= 1, got 0'],
      [
        () => new WorkerPool({ maxQueue: 0 }),
        RangeError,
        'WorkerPool: maxQueue must be an integer >= 1 or Infinity, got 0',
      ],
      [
        () => new WorkerPool({ timeout: -1 }),
        RangeError,
        'WorkerPool: timeout must be a number of milliseconds > 0 (or Infinity), got -1',
      ],
      [
        () => new WorkerPool({ sise: 2 } as never),
        TypeError,
        "WorkerPool: unknown option 'sise' (did you mean 'size'?)",
      ],
    ],
  },
};
