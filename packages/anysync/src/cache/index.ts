/**
 * `anysync/cache`: caches for asynchronous results and the maps under them. `memoize` (eager, like
 * async-utils' `taskcache`) and `memoizeLazy` (runs on first await, like `corocache`) share running work
 * between concurrent callers, keep results for a time counted from settlement within an LRU bound, cache
 * errors only if asked, and cancel work only once every caller has left. `AsyncCache` is their core;
 * `LruMap` and `TtlLruMap` are the bounded maps. Browser-safe: nothing here imports a Node built-in.
 *
 * @module
 */
export { AsyncCache, type AsyncCacheOptions, type AsyncCacheStats } from './async-cache.js';
export type { ComputeContext } from './flight.js';
export {
  LruMap,
  type LruMapOptions,
  type LruMapStats,
  type RemovalReason,
} from './lru-map.js';
export { type MemoizedFunction, type MemoizeOptions, memoize } from './memoize.js';
export { type LazyMemoizedFunction, LazyResult, memoizeLazy } from './memoize-lazy.js';
export { TtlLruMap, type TtlLruMapOptions, type TtlLruMapStats } from './ttl-lru-map.js';
