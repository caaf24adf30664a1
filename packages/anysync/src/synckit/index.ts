/**
 * `anysync/synckit`: synckit's `createSyncFn` and `runAsWorker`, with its options (`timeout`, `execArgv`,
 * `tsRunner`, `transferList`) and environment variables, on top of anysync's `Synchronizer`. Migrating a
 * tool from synckit is an import change; what it gains is listed in the guide.
 *
 * @module
 */
export { createSyncFn } from './create-sync-fn.js';
export { extractProperties } from './extract-properties.js';
export { runAsWorker } from './run-as-worker.js';
export { type SynckitOptions, TsRunner } from './synckit-options.js';
