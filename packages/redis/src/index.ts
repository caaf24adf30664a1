/**
 * `@anysync/redis`: Redis stores for anysync's rate limiters, lockouts, shared `memoize` and semaphores,
 * so that every process of a service shares one limit, one gate, one computation per key and one set of
 * permits. Each operation is one Lua script (EVALSHA, reloaded on NOSCRIPT) that reads the server's
 * clock, keys share a hash tag (Redis Cluster works) and expire, and each store has an explicit failure
 * policy with a per-call timeout. Adapters for node-redis (`redis` v5/v6) and ioredis.
 *
 * @module
 */
export { type ClientAdapterOptions, nodeRedisClient } from './clients/node-redis-client.js';
export { ioredisClient } from './clients/ioredis-client.js';
export type { RedisClient } from './redis-client.js';
export { RedisLockoutStore } from './redis-lockout-store.js';
export { RedisRateLimitStore, type RedisRateLimitStoreOptions } from './redis-rate-limit-store.js';
export { RedisSemaphoreStore } from './redis-semaphore-store.js';
export { RedisSingleFlightStore } from './redis-single-flight-store.js';
export { RedisStoreError, type RedisStoreErrorKind } from './redis-store-error.js';
export type { FailurePolicy, RedisStoreOptions } from './redis-store-options.js';
