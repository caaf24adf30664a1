import type { RedisClient } from './redis-client.js';
import type { RedisStoreError } from './redis-store-error.js';

/**
 * What a store does when Redis cannot answer (a timeout, or no connection): `'fail-closed'` rejects the
 * call with a `RedisStoreError` (nothing is admitted or granted without the store); `'fail-open'` answers
 * as if nothing limited it (admits, grants, treats the gate as open, computes locally); `'fallback'` uses
 * an in-process store meanwhile (limits then hold per process). Every next call tries Redis first, so the
 * store is used again as soon as it answers.
 *
 * @example
 * ```ts
 * import type { FailurePolicy } from '@anysync/redis';
 *
 * const forLogins: FailurePolicy = 'fail-closed'; // never let brute force through
 * const forAnalytics: FailurePolicy = 'fail-open'; // better over-count than drop events
 * ```
 */
export type FailurePolicy = 'fail-open' | 'fail-closed' | 'fallback';

/**
 * Options every Redis store takes.
 *
 * @example
 * ```ts
 * import { nodeRedisClient, RedisRateLimitStore, type RedisStoreOptions } from '@anysync/redis';
 * import { createClient } from 'redis';
 *
 * const redis = await createClient({ disableOfflineQueue: true }).connect();
 * const options: RedisStoreOptions = {
 *   client: nodeRedisClient(redis),
 *   prefix: 'shop',
 *   onFailure: 'fallback',
 *   timeoutMs: 250,
 *   onStoreError: (error) => console.warn(error.message),
 * };
 * const store = new RedisRateLimitStore(options);
 * ```
 */
export interface RedisStoreOptions {
  /** The client adapter: `nodeRedisClient(client)`, `ioredisClient(client)`, or your own. */
  readonly client: RedisClient;
  /** Prepended to every key and channel (default `'anysync'`). */
  readonly prefix?: string | undefined;
  /** What to do when Redis cannot answer (default `'fail-closed'`). */
  readonly onFailure?: FailurePolicy | undefined;
  /** Milliseconds a call may take before it counts as failed (default 500). */
  readonly timeoutMs?: number | undefined;
  /** Told of every failure, whatever the policy then does (for logs and metrics). */
  readonly onStoreError?: ((error: RedisStoreError) => void) | undefined;
}
