/**
 * What `@anysync/redis` needs from a Redis client: run a script by SHA1 or by source (routed by its first
 * key on a cluster), and subscribe to a channel on a connection of its own. `nodeRedisClient()` and
 * `ioredisClient()` make one from the two common clients; write your own for any other.
 *
 * @example
 * ```ts
 * import type { RedisClient } from '@anysync/redis';
 * import { createClient } from 'redis';
 *
 * const raw = createClient({ disableOfflineQueue: true });
 * await raw.connect();
 * const client: RedisClient = {
 *   evalSha: (sha, keys, args) => raw.sendCommand(['EVALSHA', sha, String(keys.length), ...keys, ...args]),
 *   eval: (source, keys, args) => raw.sendCommand(['EVAL', source, String(keys.length), ...keys, ...args]),
 *   async subscribe(channel, listener) {
 *     const subscriber = raw.duplicate();
 *     await subscriber.connect();
 *     await subscriber.subscribe(channel, listener);
 *     return async () => void (await subscriber.close());
 *   },
 * };
 * ```
 */
export interface RedisClient {
  /** `EVALSHA sha numkeys ...keys ...args`: rejects with an error whose message starts with NOSCRIPT when unknown. */
  evalSha(sha: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  /** `EVAL source numkeys ...keys ...args` (which also caches the script on the server that ran it). */
  eval(source: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  /** Subscribes `listener` to `channel`; resolves, once subscribed, to a function that unsubscribes. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  /**
   * True when one server holds every key (a client of one Redis, not of a Cluster or of a proxy that
   * routes by key): a script may then touch keys of any hash slot, and the rate-limit store sends the
   * overlapping calls of different limits in one run. Left out, every run touches the keys of one limit.
   */
  readonly crossSlot?: boolean | undefined;
  /** Closes what the adapter opened for itself (its subscriber connection); the client stays yours. */
  close?(): Promise<void>;
}
