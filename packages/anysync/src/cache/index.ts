/**
 * `anysync/cache`: caches for asynchronous results and the maps under them. `memoize` (eager, like
 * async-utils' `taskcache`) and `memoizeLazy` (runs on first await, like `corocache`) share running work
 * between concurrent callers, keep results for a time counted from settlement within an LRU bound, cache
 * errors only if asked, and cancel work only once every caller has left. `AsyncCache` is their core;
 * `LruMap` and `TtlLruMap` are the bounded maps. With a `store` (`MemorySingleFlightStore`, or
 * `@anysync/redis` for every process), `memoize` shares its work and results across processes.
 * Browser-safe: nothing here imports a Node built-in.
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
export { jsonCodec, type MemoizeCodec } from './memoize-codec.js';
export { type LazyMemoizedFunction, LazyResult, memoizeLazy } from './memoize-lazy.js';
export { MemorySingleFlightStore } from './memory-single-flight-store.js';
export type { SingleFlightBegin, SingleFlightStore, SingleFlightWatch } from './single-flight-store.js';
export { TtlLruMap, type TtlLruMapOptions, type TtlLruMapStats } from './ttl-lru-map.js';
