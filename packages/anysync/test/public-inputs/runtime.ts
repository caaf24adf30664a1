import { createBackendRegistry, sleepSync } from '../../src/runtime/index.js';
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
};
