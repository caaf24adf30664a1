/**
 * `anysync/batch`: batching by volume or time. `Batcher` (async-utils' `Waterfall`) gathers items and
 * dispatches a batch at `maxSize` items or `maxWait` ms after its first item, with bounded concurrency,
 * errors that are never lost, and a `stop()` that flushes within a bounded time. `BatchLoader` coalesces
 * `load(key)` calls into batch requests, like DataLoader, with the same window. Browser-safe.
 *
 * @module
 */
export { BatchError } from './batch-error.js';
export {
  BatchLoader,
  type BatchLoaderOptions,
  type BatchLoaderStats,
  type BatchResults,
} from './batch-loader.js';
export { Batcher, type BatcherOptions, type BatcherStats } from './batcher.js';
