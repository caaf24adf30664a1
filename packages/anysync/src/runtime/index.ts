/**
 * `anysync/runtime`: which runtime the code runs on, whether it may block, a blocking sleep, and a
 * registry that picks one backend per runtime.
 *
 * @module
 */
export type { BackendLoaders, BackendRegistry } from './backend-registry.js';
export { createBackendRegistry } from './backend-registry.js';
export type { RuntimeInfo } from './current-runtime.js';
export { canBlock, currentRuntime } from './current-runtime.js';
export type { RuntimeName } from './runtime-name.js';
export { sleepSync } from './sleep-sync.js';
