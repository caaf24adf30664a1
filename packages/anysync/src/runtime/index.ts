/**
 * `anysync/runtime`: which runtime the code runs on, whether it may block, a blocking sleep, a registry that
 * picks one backend per runtime, and the sync twins of `node:fs/promises` objects (file handle, directory,
 * line reader) that `anysync generate` maps to.
 *
 * @module
 */
export type { BackendLoaders, BackendRegistry } from './backend-registry.js';
export { createBackendRegistry } from './backend-registry.js';
export type { RuntimeInfo } from './current-runtime.js';
export { canBlock, currentRuntime } from './current-runtime.js';
export type { RuntimeName } from './runtime-name.js';
export { sleepSync } from './sleep-sync.js';
export { openSync } from './open-sync.js';
export { opendirSync } from './opendir-sync.js';
export { readLinesSync } from './read-lines-sync.js';
export type { ReadLinesSyncOptions } from './read-stream-options.js';
export { SyncDir } from './sync-dir.js';
export type {
  SyncFileEncodingOptions,
  SyncReadOptions,
  SyncReadResult,
  SyncWriteData,
  SyncWriteResult,
} from './sync-file-handle.js';
export { SyncFileHandle } from './sync-file-handle.js';
