import {
  MemoryRateLimitStore,
  type RateLimitAlgorithm,
  type RateLimitDecision,
  type RateLimitRequest,
  type RateLimitStore,
} from 'anysync/rate-limit';
import { checkName, checkPositive, replyList } from './check-input.js';
import { GCRA } from './lua/gcra.js';
import { SLIDING_COUNTER } from './lua/sliding-counter.js';
import { SLIDING_LOG } from './lua/sliding-log.js';
import type { RedisStoreOptions } from './redis-store-options.js';
import { Script } from './script.js';
import { StoreCalls } from './store-calls.js';

const SCRIPTS: Record<RateLimitAlgorithm, Script> = {
  'sliding-log': new Script(SLIDING_LOG),
  'sliding-counter': new Script(SLIDING_COUNTER),
  gcra: new Script(GCRA),
};
const DELETE = new Script("return redis.call('DEL', unpack(KEYS))");
const CALLER = 'RedisRateLimitStore.consume()';

/** A request's script arguments; a limiter sends the same request object on every call, so they are kept. */
const ARGS = new WeakMap<RateLimitRequest, string[]>();
function argsOf(request: RateLimitRequest): string[] {
  let args = ARGS.get(request);
  if (args === undefined) {
    const { limit, interval, weight, peek } = request;
    args = [String(limit), String(interval), String(weight), peek === true ? '1' : '0'];
    // Only for requests that cannot change under us.
    if (Object.isFrozen(request)) ARGS.set(request, args);
  }
  return args;
}

/** A script's reply: integers in thousandths (µs for the durations and the clock), the cheapest replies. */
function toDecision(reply: unknown): RateLimitDecision {
  const [admitted, remaining, resetMs, retryAfterMs, at] = replyList(reply, CALLER);
  return {
    admitted: Number(admitted) === 1,
    remaining: Number(remaining) / 1000,
    resetMs: Number(resetMs) / 1000,
    retryAfterMs: Number(retryAfterMs) / 1000,
    at: Number(at) / 1000,
  };
}

/**
 * A {@link RateLimitStore} on Redis: every `RateLimiter` with this store and the same name, in any
 * process, shares one limit. Each decision is one Lua script (`EVALSHA`) that reads the time from Redis
 * (`TIME`), never from a client, at millisecond precision (`PX`); the keys of one limit share a hash tag,
 * so it works on a Redis Cluster, and every key expires once the limit is wholly free again. A refused
 * call costs three commands (EVALSHA, TIME and one read) whatever the algorithm.
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
  readonly #fallback = new MemoryRateLimitStore();

  constructor(options: RedisStoreOptions) {
    this.#calls = new StoreCalls(options, 'RedisRateLimitStore');
  }

  consume(name: string, request: RateLimitRequest): Promise<RateLimitDecision> {
    try {
      checkName(name, 'name', CALLER);
      if (typeof request !== 'object' || request === null || !(request.algorithm in SCRIPTS)) {
        throw new RangeError(
          `${CALLER}: algorithm must be 'sliding-log', 'sliding-counter' or 'gcra', got ${String(request?.algorithm)}`,
        );
      }
      checkPositive(request.limit, 'limit', CALLER);
      checkPositive(request.interval, 'interval', CALLER);
      checkPositive(request.weight, 'weight', CALLER, request.limit);
    } catch (error) {
      return Promise.reject(error);
    }
    const { algorithm, limit } = request;
    const args = argsOf(request);
    return this.#calls.guarded(
      'rate limit consume',
      () => this.#calls.raw(SCRIPTS[algorithm], this.#keys(algorithm, name), args).then(toDecision),
      () => this.#fallback.consume(name, request),
      () => ({ admitted: true, remaining: limit, resetMs: 0, retryAfterMs: 0 }),
    );
  }

  async reset(name: string): Promise<void> {
    checkName(name, 'name', 'RedisRateLimitStore.reset()');
    await this.#fallback.reset(name);
    for (const algorithm of Object.keys(SCRIPTS) as RateLimitAlgorithm[]) {
      await this.#calls.run('rate limit reset', DELETE, this.#keys(algorithm, name), []);
    }
  }

  #keys(algorithm: RateLimitAlgorithm, name: string): string[] {
    if (algorithm === 'sliding-log') {
      const tag = this.#calls.tag('rate-log', name);
      return [`${tag}:log`, `${tag}:sum`];
    }
    return [this.#calls.tag(algorithm === 'gcra' ? 'rate-gcra' : 'rate-counter', name)];
  }
}
