import type { RedisClient } from './redis-client.js';
import { RedisStoreError, type RedisStoreErrorKind } from './redis-store-error.js';
import type { FailurePolicy, RedisStoreOptions } from './redis-store-options.js';
import type { Script } from './script.js';
import { Deadlines, Timeout } from './deadlines.js';

const POLICIES: readonly unknown[] = ['fail-open', 'fail-closed', 'fallback'];
/** Replies that mean "not now" (a node loading, failing over, a busy script), not "wrong request". */
const TRANSIENT_REPLY = /^(LOADING|CLUSTERDOWN|MASTERDOWN|TRYAGAIN|READONLY|BUSY)\b/;

function kindOf(error: unknown): RedisStoreErrorKind {
  for (let proto = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const name = proto?.constructor?.name;
    if (name === 'ErrorReply' || name === 'ReplyError') {
      return TRANSIENT_REPLY.test((error as Error).message) ? 'unavailable' : 'reply';
    }
  }
  return 'unavailable';
}

/**
 * How a Redis store calls Redis: every call bounded by the timeout, every failure turned into a
 * `RedisStoreError`, and the failure policy applied to the transient ones.
 */
export class StoreCalls {
  readonly client: RedisClient;
  readonly prefix: string;
  readonly policy: FailurePolicy;
  readonly timeoutMs: number;
  readonly #onStoreError: ((error: RedisStoreError) => void) | undefined;
  readonly #deadlines: Deadlines;

  constructor(options: RedisStoreOptions, store: string) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`${store}: options must be an object with a client, got ${String(options)}`);
    }
    const { client, prefix = 'anysync', onFailure = 'fail-closed', timeoutMs = 500, onStoreError } = options;
    if (typeof client?.evalSha !== 'function' || typeof client.subscribe !== 'function') {
      throw new TypeError(
        `${store}: client must be a RedisClient (nodeRedisClient(...) or ioredisClient(...))`,
      );
    }
    if (typeof prefix !== 'string' || prefix === '' || /[{}]/.test(prefix)) {
      throw new TypeError(
        `${store}: prefix must be a non-empty string without braces, got ${String(prefix)}`,
      );
    }
    if (!POLICIES.includes(onFailure)) {
      throw new RangeError(
        `${store}: onFailure must be 'fail-open', 'fail-closed' or 'fallback', got ${String(onFailure)}`,
      );
    }
    if (!(typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs))) {
      throw new RangeError(`${store}: timeoutMs must be a finite number > 0, got ${String(timeoutMs)}`);
    }
    if (client.crossSlot !== undefined && typeof client.crossSlot !== 'boolean') {
      throw new TypeError(
        `${store}: client.crossSlot must be a boolean or left out, got ${String(client.crossSlot)}`,
      );
    }
    if (onStoreError !== undefined && typeof onStoreError !== 'function') {
      throw new TypeError(`${store}: onStoreError must be a function, got ${typeof onStoreError}`);
    }
    this.client = client;
    this.prefix = prefix;
    this.policy = onFailure;
    this.timeoutMs = timeoutMs;
    this.#onStoreError = onStoreError;
    this.#deadlines = new Deadlines(timeoutMs);
  }

  /** `prefix:{kind:name}`: every key of one operation shares this hash tag, so one cluster node holds them. */
  tag(kind: string, name: string): string {
    return `${this.prefix}:{${kind}:${name}}`;
  }

  /** Runs `script`, unbounded: for callers that bound it themselves. */
  raw(script: Script, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    return script.run(this.client, keys, args);
  }

  /** Runs `script` within the timeout; any failure becomes a `RedisStoreError`. */
  run(operation: string, script: Script, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    return this.bounded(operation, () => script.run(this.client, keys, args));
  }

  bounded<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return this.#deadlines.within(start(call)).then(undefined, (error: unknown) => {
      throw this.#failure(operation, error);
    });
  }

  /**
   * `call()`, or by the policy when Redis cannot answer: `open()` for fail-open, `fallback()` for
   * fallback, the `RedisStoreError` for fail-closed (and for every `'reply'` error).
   */
  guarded<T>(
    operation: string,
    call: () => Promise<T>,
    fallback: () => Promise<T>,
    open: () => T | Promise<T>,
  ): Promise<T> {
    return this.#deadlines
      .within(start(call))
      .then(undefined, (cause: unknown) => this.failed(operation, cause, fallback, open));
  }

  /**
   * What the policy answers for a call that failed with `cause`: `open()` for fail-open, `fallback()` for
   * fallback; throws the `RedisStoreError` for fail-closed (and for every `'reply'` error).
   */
  failed<T>(
    operation: string,
    cause: unknown,
    fallback: () => Promise<T>,
    open: () => T | Promise<T>,
  ): T | Promise<T> {
    const error = this.#failure(operation, cause);
    try {
      this.#onStoreError?.(error);
    } catch {
      // A failing logger must not turn a policy's answer into a crash.
    }
    if (error.kind === 'reply' || this.policy === 'fail-closed') throw error;
    return this.policy === 'fallback' ? fallback() : open();
  }

  #failure(operation: string, error: unknown): RedisStoreError {
    return error instanceof RedisStoreError
      ? error
      : new RedisStoreError(operation, error instanceof Timeout ? 'timeout' : kindOf(error), {
          cause: error,
        });
  }
}

/** `call()`'s promise, or a rejected one if it threw. */
function start<T>(call: () => Promise<T>): Promise<T> {
  try {
    return call();
  } catch (error) {
    return Promise.reject(error);
  }
}
