/**
 * `anysync/synchronizer`: call async code from sync code. A `Synchronizer` runs modules on a worker thread
 * and hands back blocking proxies of their functions, generators and classes, each with a
 * promise-returning `.async` twin. The reverse direction (blocking code from async code) is
 * `anysync/offload`.
 *
 * @module
 */
export { Future } from './caller/future.js';
export { synchronize } from './caller/synchronize.js';
export { Synchronizer } from './caller/synchronizer.js';
export type { LoadOptions, SynchronizerOptions } from './caller/synchronizer-options.js';
export { type CallContext, callSignal } from './call-signal.js';
export {
  ClosedError,
  CloneError,
  DeadlockError,
  ModuleLoadError,
  TimeoutError,
  WorkerCrashError,
} from './errors.js';
export { expose, type ModuleLocation } from './expose.js';
export { transfer } from './transfer.js';
export type {
  AsyncView,
  CallOptions,
  HasMethods,
  Passable,
  SyncClass,
  SyncFunction,
  SyncHandle,
  Synchronized,
  Syncify,
  SyncMember,
} from './types.js';
export type { ErrorClass } from './wire/error-record.js';
