/**
 * Why a Redis store call failed: `'timeout'` (no answer within the store's `timeoutMs`), `'unavailable'`
 * (the client could not reach Redis: disconnected, connection refused) or `'reply'` (Redis answered with
 * an error, e.g. a key of the wrong type).
 *
 * @example
 * ```ts
 * import type { RedisStoreErrorKind } from '@anysync/redis';
 *
 * const transient: RedisStoreErrorKind[] = ['timeout', 'unavailable'];
 * ```
 */
export type RedisStoreErrorKind = 'timeout' | 'unavailable' | 'reply';

/**
 * A Redis store could not answer. It is never a "limited" or "locked" answer: a rate limiter that rejects
 * with it did not decide anything, so map it to a 503, not a 429. Failure policies act on the `'timeout'`
 * and `'unavailable'` kinds; a `'reply'` error (a bug or a misconfiguration) is always thrown.
 *
 * @example
 * ```ts
 * import { RedisStoreError } from '@anysync/redis';
 *
 * function status(error: unknown): number {
 *   return error instanceof RedisStoreError ? 503 : 500;
 * }
 * ```
 */
export class RedisStoreError extends Error {
  constructor(
    /** What the store was doing, e.g. `'rate limit consume'`. */
    readonly operation: string,
    readonly kind: RedisStoreErrorKind,
    options: { readonly cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`Redis store ${operation} failed (${kind}): ${reason}`, options);
    this.name = 'RedisStoreError';
  }
}
