/**
 * `anysync/shutdown`: graceful shutdown for a process (async-utils' `SignalService`). `ShutdownService`
 * runs startup hooks, waits for SIGINT/SIGTERM/SIGHUP or a request, then runs shutdown handlers and join
 * hooks in order; a second signal or a timeout forces the exit. `WorkerShutdown` lets worker threads see
 * the shutdown and request it. Needs Node's `process` (Node, Bun, Deno), read when a service runs, not at
 * import.
 *
 * @module
 */
export type { ShutdownCause } from './shutdown-cause.js';
export type { ShutdownHandle } from './shutdown-handle.js';
export {
  ShutdownService,
  type ShutdownServiceOptions,
  type ShutdownServiceStats,
} from './shutdown-service.js';
export { WorkerShutdown } from './worker-shutdown.js';
