import { ShutdownService, WorkerShutdown } from '../../src/shutdown/index.js';
import type { Rows } from './row.js';

const worker = (): WorkerShutdown => WorkerShutdown.from(new ShutdownService().handle);

export const rows: Rows = {
  ShutdownService: {
    wrongType: [
      [
        () => new ShutdownService({ signals: 'SIGINT' as never }),
        TypeError,
        "ShutdownService: signals must be an array of signal names, got 'SIGINT' (string)",
      ],
      [
        () => new ShutdownService({ exit: 1 as never }),
        TypeError,
        'ShutdownService: exit must be a function or undefined, got 1',
      ],
      [
        () => new ShutdownService().addShutdownHandler('close' as never),
        TypeError,
        "ShutdownService.addShutdownHandler(): fn must be a function, got 'close' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new ShutdownService({ timeout: -1 }),
        RangeError,
        'ShutdownService: timeout must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
      [
        () => new ShutdownService({ signals: ['sigterm'] }),
        RangeError,
        "ShutdownService: signals must be signal names such as 'SIGINT' or 'SIGTERM', got 'sigterm' (string)",
      ],
      [
        () => new ShutdownService().requestShutdown(256),
        RangeError,
        'ShutdownService.requestShutdown(): code must be an integer from 0 to 255, got 256',
      ],
    ],
  },
  WorkerShutdown: {
    wrongType: [
      [
        () => WorkerShutdown.from({} as never),
        TypeError,
        'WorkerShutdown.from(): handle must be the `handle` of a ShutdownService',
      ],
      [
        () => worker().wait({ signal: 'x' as never }),
        TypeError,
        "WorkerShutdown.wait(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => worker().request(-1),
        RangeError,
        'WorkerShutdown.request(): code must be an integer from 0 to 255, got -1',
      ],
      [
        () => worker().waitSync(-1),
        RangeError,
        'WorkerShutdown.waitSync(): timeout must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
    ],
  },
};
