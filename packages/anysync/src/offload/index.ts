/**
 * `anysync/offload`: call blocking or CPU-heavy sync code from async code. A `WorkerPool` runs a module's
 * functions on worker threads and returns promises; its sync generators become lazy async iterators with
 * backpressure. The other direction (async code from sync code) is `anysync/synchronizer`; both speak the
 * same protocol.
 *
 * @module
 */
export {
  callSignal,
  ClosedError,
  CloneError,
  ModuleLoadError,
  TimeoutError,
  transfer,
  WorkerCrashError,
} from '../synchronizer/index.js';
export { QueueFullError } from './queue-full-error.js';
export type { Offloaded, OffloadedFunction, OffloadedGenerator, PoolCallOptions } from './types.js';
export { type PoolOptions, WorkerPool } from './worker-pool.js';
