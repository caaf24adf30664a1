import { createBackendRegistry } from '../../runtime/backend-registry.js';
import { nodeThreadBackend, nodeThreadSide } from './node-thread.js';
import type { ThreadBackend, ThreadSide } from './thread-backend.js';
import { webThreadBackend, webThreadSide } from './web-thread.js';

/** Node, Bun and Deno implement `node:worker_threads`; everything else gets Web Workers. */
const callers = createBackendRegistry<ThreadBackend>({
  node: () => nodeThreadBackend,
  bun: () => nodeThreadBackend,
  deno: () => nodeThreadBackend,
  default: () => webThreadBackend,
});

const workers = createBackendRegistry<() => ThreadSide>({
  node: () => nodeThreadSide,
  bun: () => nodeThreadSide,
  deno: () => nodeThreadSide,
  default: () => webThreadSide,
});

/** The thread backend of this runtime, chosen once. */
export function threadBackend(): ThreadBackend {
  return callers.getSync();
}

/** The worker's side of its thread, for the entry module of a synchronizer or pool worker. */
export function threadSide(): ThreadSide {
  return workers.getSync()();
}
