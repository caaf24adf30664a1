import { checkOptionalBoolean } from '../internal/check-boolean.js';
import { checkFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkIterable } from '../internal/check-iterable.js';
import { checkCallOptions, checkOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import { Semaphore } from '../primitives/semaphore.js';
import { CancelScope, leaveScope } from './cancel-scope.js';
import { runInScope } from './current-scope.js';
import { mapAsCompleted } from './map-as-completed.js';

/**
 * Options of {@link Executor}.
 *
 * @example
 * ```ts
 * import { Executor, type ExecutorOptions } from 'anysync/concurrency';
 *
 * const options: ExecutorOptions = { maxConcurrency: 8 };
 * await using executor = new Executor(options);
 * ```
 */
export interface ExecutorOptions {
  /** How many submitted functions may run at once (default: unlimited). */
  readonly maxConcurrency?: number | undefined;
  /** A foreign signal that cancels everything submitted. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What `Executor.stats()` reports.
 *
 * @example
 * ```ts
 * import { Executor, type ExecutorStats } from 'anysync/concurrency';
 *
 * const stats: ExecutorStats = new Executor({ maxConcurrency: 2 }).stats();
 * console.log(stats.maxConcurrency); // 2
 * ```
 */
export interface ExecutorStats {
  /** Submitted functions running now. */
  readonly running: number;
  /** Submitted functions waiting for a slot. */
  readonly queued: number;
  readonly maxConcurrency: number;
  readonly closed: boolean;
}

/**
 * Runs async functions with a concurrency cap, futures-style, after async-utils' `CurrentLoopExecutor`:
 * `submit(fn)` returns the result promise (already observed, so an ignored failure is never an unhandled
 * rejection), and `map(items, fn)` yields results as they complete. Leaving (`shutdown()` or the end of
 * `await using`) waits for everything submitted; `shutdown({ cancel: true })` cancels it instead.
 *
 * @example
 * ```ts
 * import { Executor } from 'anysync/concurrency';
 *
 * await using executor = new Executor({ maxConcurrency: 4 });
 * const urls = ['https://example.com/1', 'https://example.com/2'];
 * for await (const status of executor.map(urls, async (url, signal) => (await fetch(url, { signal })).status)) {
 *   console.log(status); // in completion order
 * }
 * ```
 */
export class Executor implements AsyncDisposable {
  readonly #scope: CancelScope;
  readonly #limit: Semaphore | undefined;
  readonly #maxConcurrency: number;
  #outstanding = 0;
  #running = 0;
  #closed = false;
  #idle: (() => void) | undefined;
  #shutdown: Promise<void> | undefined;
  readonly #settled = (): void => {
    if (--this.#outstanding === 0) this.#idle?.();
  };

  /**
   * Submits `fn` under `scope` (the executor's, or a `map()` call's child scope), so cancelling that scope
   * also rejects the call while it still waits for a slot.
   */
  readonly #submitIn = <T>(
    scope: CancelScope,
    fn: (signal: AbortSignal) => T | PromiseLike<T>,
  ): Promise<T> => {
    this.#checkOpen('submit');
    this.#outstanding++;
    const result = runInScope(scope, (signal) => this.#execute(fn, signal), scope.signal);
    result.then(this.#settled, this.#settled);
    return result;
  };

  constructor(options?: ExecutorOptions) {
    checkOptions(options, 'Executor', ['maxConcurrency', 'signal']);
    const max = options?.maxConcurrency ?? Number.POSITIVE_INFINITY;
    checkInteger(max, 'Executor: maxConcurrency', 1, Number.POSITIVE_INFINITY);
    checkSignal(options?.signal, 'Executor: signal');
    this.#maxConcurrency = max;
    this.#limit = Number.isFinite(max) ? new Semaphore(max) : undefined;
    this.#scope = new CancelScope({ signal: options?.signal }).enter();
  }

  /** Aborts when the executor is cancelled; every submitted function receives it. */
  get signal(): AbortSignal {
    return this.#scope.signal;
  }

  /** Runs `fn(signal)` when a slot is free; resolves or rejects with its outcome. */
  submit<T>(fn: (signal: AbortSignal) => T | PromiseLike<T>): Promise<T> {
    checkFunction(fn, 'Executor.submit(): fn');
    return this.#submitIn(this.#scope, fn);
  }

  /**
   * Runs `fn(item, signal)` for each item, at most `maxConcurrency` at a time, and yields the results in
   * the order they complete. Items are pulled lazily as slots free up. The first failure is thrown by the
   * iterator; stopping early (break, throw) cancels the calls still running and waits for them.
   */
  map<T, R>(
    items: Iterable<T> | AsyncIterable<T>,
    fn: (item: T, signal: AbortSignal) => R | PromiseLike<R>,
  ): AsyncGenerator<R, void, undefined> {
    this.#checkOpen('map');
    checkIterable(items, 'Executor.map(): items', true);
    checkFunction(fn, 'Executor.map(): fn');
    return mapAsCompleted(this.#submitIn, this.#scope, this.#maxConcurrency, items, fn);
  }

  /** Cancels everything submitted and not yet finished (queued calls reject without running). */
  cancel(reason?: unknown): void {
    this.#scope.cancel(reason);
  }

  /** Stops accepting work and waits for what was submitted; with `cancel: true`, cancels it first. */
  shutdown(options?: { readonly cancel?: boolean | undefined }): Promise<void> {
    checkCallOptions(options, 'Executor.shutdown()');
    checkOptionalBoolean(options?.cancel, 'Executor.shutdown(): cancel');
    this.#closed = true;
    if (options?.cancel === true) this.#scope.cancel('the executor was shut down');
    this.#shutdown ??= this.#drain();
    return this.#shutdown;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown();
  }

  stats(): ExecutorStats {
    return {
      running: this.#running,
      queued: this.#outstanding - this.#running,
      maxConcurrency: this.#maxConcurrency,
      closed: this.#closed,
    };
  }

  async #execute<T>(fn: (signal: AbortSignal) => T | PromiseLike<T>, signal: AbortSignal): Promise<T> {
    const permit = this.#limit === undefined ? undefined : await this.#limit.acquire();
    this.#running++;
    try {
      return await fn(signal);
    } finally {
      this.#running--;
      permit?.release();
    }
  }

  async #drain(): Promise<void> {
    if (this.#outstanding > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    this.#scope[leaveScope](false);
  }

  #checkOpen(method: string): void {
    if (this.#closed) throw new Error(`Executor.${method}(): the executor was shut down`);
  }
}
