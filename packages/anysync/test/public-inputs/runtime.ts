import * as fs from 'node:fs';
import {
  createBackendRegistry,
  opendirSync,
  openSync,
  readLinesSync,
  SyncDir,
  SyncFileHandle,
  sleepSync,
} from '../../src/runtime/index.js';
import type { Rows } from './row.js';

export const rows: Rows = {
  canBlock: { noInputs: 'reads the runtime' },
  currentRuntime: { noInputs: 'reads the runtime' },
  createBackendRegistry: {
    wrongType: [
      [
        () => createBackendRegistry('node' as never),
        TypeError,
        "createBackendRegistry(): loaders must be an object of loader functions by runtime, got 'node' (string)",
      ],
      [
        () => createBackendRegistry({ node: 'node.js' } as never),
        TypeError,
        "createBackendRegistry(): loaders.node must be a function that loads the backend, got 'node.js' (string)",
      ],
      [
        () => createBackendRegistry({}, 'node' as never),
        TypeError,
        "createBackendRegistry(): options must be an object or undefined, got 'node' (string)",
      ],
    ],
    outOfRange: [
      [
        () => createBackendRegistry({ nodejs: () => 1 } as never),
        RangeError,
        "createBackendRegistry(): loaders: key must be one of node, bun, deno, workerd, edge-light, fastly, netlify, browser, unknown, default, got 'nodejs' (string)",
      ],
      [
        () => createBackendRegistry({}, { runtime: 'Node' as never }),
        RangeError,
        "createBackendRegistry(): runtime must be 'node' or 'bun'",
      ],
    ],
  },
  sleepSync: {
    // Negative delays are due at once, as setTimeout's are in the async twin it stands in for.
    wrongType: [
      [
        () => sleepSync('10' as never),
        TypeError,
        "sleepSync(): ms must be a finite number, got '10' (string)",
      ],
    ],
    outOfRange: [
      [() => sleepSync(Number.NaN), RangeError, 'sleepSync(): ms must be a finite number, got NaN'],
      [
        () => sleepSync(Number.POSITIVE_INFINITY),
        RangeError,
        'sleepSync(): ms must be a finite number, got Infinity',
      ],
    ],
  },
  // The file counterparts of fs/promises throw what node:fs throws (the same class and code), so that both
  // twins of a library fail alike.
  openSync: {
    wrongType: [
      [
        () => openSync(42 as never),
        TypeError,
        'The "path" argument must be of type string or an instance of Buffer or URL. Received type number (42)',
      ],
    ],
    outOfRange: [
      [
        () => openSync('.', 'r', -1),
        RangeError,
        'The value of "mode" is out of range. It must be >= 0 && <= 4294967295. Received -1',
      ],
      [() => openSync('.', 'rz' as never), TypeError, "The argument 'flags' is invalid. Received 'rz'"],
    ],
  },
  opendirSync: {
    wrongType: [
      [
        () => opendirSync(42 as never),
        TypeError,
        'The "path" argument must be of type string or an instance of Buffer or URL. Received type number (42)',
      ],
    ],
    outOfRange: [
      [
        () => opendirSync('.', { bufferSize: 0 }),
        RangeError,
        'The value of "options.bufferSize" is out of range. It must be >= 1 && <= 4294967295. Received 0',
      ],
    ],
  },
  readLinesSync: {
    wrongType: [
      [
        () => readLinesSync(42 as never),
        TypeError,
        'readLinesSync: path must be a string, a Buffer or a URL, got 42',
      ],
      [
        () => readLinesSync('.', 5 as never),
        TypeError,
        'readLinesSync: options must be an object or an encoding string, got number',
      ],
    ],
    outOfRange: [
      [
        () => readLinesSync('.', { start: -1 }),
        RangeError,
        'readLinesSync: options.start must be an integer >= 0, got -1',
      ],
    ],
  },
  SyncDir: {
    wrongType: [
      [
        () => new SyncDir('.' as never),
        TypeError,
        "SyncDir: dir must be a Dir of node:fs (open one with opendirSync()), got '.' (string)",
      ],
    ],
    outOfRange: { none: 'wraps a Dir; there is no number to it' },
  },
  SyncFileHandle: {
    wrongType: [
      [
        () => new SyncFileHandle({} as never, 3),
        TypeError,
        'SyncFileHandle: fs must be the node:fs module, got an object',
      ],
      [
        () => new SyncFileHandle(fs, '3' as never),
        TypeError,
        "SyncFileHandle: fd must be an integer >= 0, got '3' (string)",
      ],
    ],
    outOfRange: [
      [() => new SyncFileHandle(fs, -1), RangeError, 'SyncFileHandle: fd must be an integer >= 0, got -1'],
    ],
  },
};
