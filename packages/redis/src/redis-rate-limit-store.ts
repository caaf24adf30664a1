import {
  MemoryRateLimitStore,
  type RateLimitAlgorithm,
  type RateLimitDecision,
  type RateLimitRequest,
  type RateLimitStore,
} from 'anysync/rate-limit';
import { checkName, checkPositive } from './check-input.js';
import { gcraLimit } from './limits/gcra-limit.js';
import { LimitBatcher } from './limits/limit-batcher.js';
import type { LimitScript } from './limits/limit-script.js';
import { slidingCounterLimit } from './limits/sliding-counter-limit.js';
import { slidingLogLimit } from './limits/sliding-log-limit.js';
import type { RedisStoreOptions } from './redis-store-options.js';
import { Script } from './script.js';
import { StoreCalls } from './store-calls.js';

const LIMITS: Record<RateLimitAlgorithm, LimitScript> = {
  'sliding-log': slidingLogLimit,
  'sliding-counter': slidingCounterLimit,
  gcra: gcraLimit,
};
const DELETE = new Script("return redis.call('DEL', unpack(KEYS))");
const CALLER = 'RedisRateLimitStore.consume()';
/** Replies carry durations in ns as integers, which Redis holds up to 2^63: about 292 years. */
const MAX_INTERVAL = 1e12;

/**
 * Options of a {@link RedisRateLimitStore}: those of every store, and whether decisions tell their time.
 *
 * @example
 * ```ts
 * import { nodeRedisClient, RedisRateLimitStore, type RedisRateLimitStoreOptions } from '@anysync/redis';
 * import { createClient } from 'redis';
 *
 * const redis = await createClient({ disableOfflineQueue: true }).connect();
 * const options: RedisRateLimitStoreOptions = { client: nodeRedisClient(redis), reportTime: true };
 * const store = new RedisRateLimitStore(options);
 * ```
 */
export interface RedisRateLimitStoreOptions extends RedisStoreOptions {
  /**
   * Tell every decision's time on the server's clock (`at`, ms since the epoch). The sliding log and the
   * sliding counter read the clock anyway and always tell it; GCRA reads it through its key's TTL and
   * tells it only when asked (one command more, Redis 7 or later).
   */
  readonly reportTime?: boolean | undefined;
}

/**
 * A {@link RateLimitStore} on Redis: every `RateLimiter` with this store and the same name, in any
 * process, shares one limit. Each decision is one Lua script (`EVALSHA`) that reads the time from Redis
 * (`TIME`, or for GCRA its key's TTL), never from a client, at millisecond precision (`PX`); the keys of
 * one limit share a hash tag, so it works on a Redis Cluster, and every key expires once the limit has
 * been wholly free for a while (at most an interval). A refused call costs three commands (EVALSHA and
 * two more) whatever the algorithm. Calls of one process share script runs: those made in one turn of
 * the event loop go together at its end, and while two runs are on their way the next calls wait for one
 * to come back (up to 256 a run); the script decides each limit's calls in arrival order, exactly as if
 * sent one by one. A run holds the calls of one limit on a cluster, of any limits on one server
 * (`crossSlot`, which the adapters set for a plain client).
 *
 * @example
 * ```ts
 * import { nodeRedisClient, RedisRateLimitStore } from '@anysync/redis';
 * import { RateLimiter } from 'anysync/rate-limit';
 * import { createClient } from 'redis';
 *
 * const redis = await createClient({ disableOfflineQueue: true }).connect();
 * const store = new RedisRateLimitStore({ client: nodeRedisClient(redis), onFailure: 'fail-open' });
 * const perKey = (key: string) => new RateLimiter({ limit: 100, interval: 60_000, store, name: `api:${key}`, algorithm: 'gcra' });
 * const decision = await perKey('alice').consume();
 * if (!decision.admitted) console.log(`429, Retry-After: ${Math.ceil(decision.retryAfterMs / 1000)}`);
 * ```
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #calls: StoreCalls;
  readonly #batcher: LimitBatcher;
  readonly #fallback = new MemoryRateLimitStore();
  readonly #reportTime: boolean;
  /** The last request's settings and its script arguments. */
  #last: { readonly request: RateLimitRequest; readonly args: readonly string[] } | undefined;

  constructor(options: RedisRateLimitStoreOptions) {
    const calls = new StoreCalls(options, 'RedisRateLimitStore');
    this.#calls = calls;
    this.#batcher = new LimitBatcher({
      send: (limit, keys, args) => calls.raw(limit.script, keys, args),
      timeoutMs: calls.timeoutMs,
      crossSlot: calls.client.crossSlot === true,
      onFailure: (cause, name, request) =>
        calls.failed(
          'rate limit consume',
          cause,
          () => this.#fallback.consume(name, request),
          () => ({ admitted: true, remaining: request.limit, resetMs: 0, retryAfterMs: 0 }),
        ),
    });
    const { reportTime = false } = options;
    if (typeof reportTime !== 'boolean') {
      throw new TypeError(`RedisRateLimitStore: reportTime must be a boolean, got ${String(reportTime)}`);
    }
    this.#reportTime = reportTime;
  }

  consume(name: string, request: RateLimitRequest): Promise<RateLimitDecision> {
    let limit: LimitScript;
    try {
      checkName(name, 'name', CALLER);
      if (typeof request !== 'object' || request === null || !Object.hasOwn(LIMITS, request.algorithm)) {
        throw new RangeError(
          `${CALLER}: algorithm must be 'sliding-log', 'sliding-counter' or 'gcra', got ${String(request?.algorithm)}`,
        );
      }
      limit = LIMITS[request.algorithm];
      checkPositive(request.limit, 'limit', CALLER);
      checkPositive(request.interval, 'interval', CALLER, MAX_INTERVAL);
      checkPositive(request.weight, 'weight', CALLER, request.limit);
    } catch (error) {
      return Promise.reject(error);
    }
    const keys = limit.keys(this.#calls.tag(limit.kind, name));
    return this.#batcher.call(limit, name, keys, this.#argsOf(limit, request), request);
  }

  async reset(name: string): Promise<void> {
    checkName(name, 'name', 'RedisRateLimitStore.reset()');
    await this.#fallback.reset(name);
    for (const limit of Object.values(LIMITS)) {
      await this.#calls.run('rate limit reset', DELETE, limit.keys(this.#calls.tag(limit.kind, name)), []);
    }
  }

  #argsOf(limit: LimitScript, request: RateLimitRequest): readonly string[] {
    const last = this.#last;
    // Limiters made by the thousand (one per API key) share their settings: the last arguments serve.
    if (
      last !== undefined &&
      last.request.algorithm === request.algorithm &&
      last.request.limit === request.limit &&
      last.request.interval === request.interval &&
      last.request.weight === request.weight &&
      (last.request.peek === true) === (request.peek === true)
    ) {
      return last.args;
    }
    const args = limit.args(request, this.#reportTime);
    // A copy: the request is the caller's and could change under us.
    this.#last = { request: { ...request }, args };
    return args;
  }
}
