import { checkFunction } from '../internal/check-function.js';
import { checkOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import { isPromiseLike } from '../internal/is-promise-like.js';
import { CancelScope, leaveScope } from './cancel-scope.js';
import { runInScope } from './current-scope.js';
import { isCancellationBy } from './is-cancellation.js';
import { TaskGroupError } from './task-group-error.js';

/**
 * Options of {@link TaskGroup} and `withTaskGroup`.
 *
 * @example
 * ```ts
 * import { TaskGroup, type TaskGroupOptions } from 'anysync/concurrency';
 *
 * const options: TaskGroupOptions = { signal: AbortSignal.timeout(10_000) };
 * await using group = new TaskGroup(options);
 * ```
 */
export interface TaskGroupOptions {
  /** A foreign signal that cancels the whole group; its reason propagates out of `join()`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What `TaskGroup.stats()` reports.
 *
 * @example
 * ```ts
 * import { TaskGroup, type TaskGroupStats } from 'anysync/concurrency';
 *
 * const stats: TaskGroupStats = new TaskGroup().stats();
 * console.log(stats.running); // 0
 * ```
 */
export interface TaskGroupStats {
  /** Tasks started and not yet settled. */
  readonly running: number;
  /** Tasks that failed (cancellations excluded). */
  readonly failed: number;
  /** Whether the group's scope is cancelled. */
  readonly cancelled: boolean;
  /** Whether the group finished: no more tasks may be spawned. */
  readonly closed: boolean;
}

const NONE: unique symbol = Symbol('none');

/** Settles a task outcome once, whatever a foreign thenable does with its callbacks. */
function observe(result: PromiseLike<unknown>, onFulfilled: () => void, onRejected: (e: unknown) => void) {
  (result instanceof Promise ? result : Promise.resolve(result)).then(onFulfilled, onRejected);
}

/**
 * A nursery of concurrent tasks, Trio/AnyIO style, usable with `await using`. Every task runs inside the
 * group's cancel scope and receives its `signal`. The first failure cancels the group (so every sibling's
 * waits reject); leaving the group (`join()`, or the end of the `await using` block) waits for every task,
 * then throws a {@link TaskGroupError} carrying each failure. No task outlives its group, and every task
 * promise is observed the moment it exists, so no rejection goes unhandled.
 *
 * Tasks start synchronously inside `spawn()`, like calling an async function. Disposal cannot see an
 * error thrown by the block itself; use `withTaskGroup(body)` when the body's failure must cancel the tasks.
 *
 * @example
 * ```ts
 * import { TaskGroup, sleep } from 'anysync/concurrency';
 *
 * {
 *   await using group = new TaskGroup();
 *   group.spawn(async (signal) => {
 *     const response = await fetch('https://example.com', { signal });
 *     console.log(response.status);
 *   });
 *   group.spawn(() => sleep(100));
 * } // waits for both tasks here
 * ```
 */
export class TaskGroup implements AsyncDisposable {
  readonly #scope: CancelScope;
  #running = 0;
  #failures: unknown[] | undefined;
  #cancellation: unknown = NONE;
  #closing = false;
  #closed = false;
  #joined: Promise<void> | undefined;
  #idle: (() => void) | undefined;
  readonly #onFulfilled = (): void => this.#finish();
  readonly #onRejected = (error: unknown): void => this.#fail(error);

  constructor(options?: TaskGroupOptions) {
    checkOptions(options, 'TaskGroup', ['signal']);
    checkSignal(options?.signal, 'TaskGroup: signal');
    this.#scope = new CancelScope({ signal: options?.signal }).enter();
  }

  /** The group's cancel scope: set a `deadline` on it, or `shield` it. */
  get cancelScope(): CancelScope {
    return this.#scope;
  }

  /** The signal every task receives; aborts when the group is cancelled. */
  get signal(): AbortSignal {
    return this.#scope.signal;
  }

  /** Cancels every task of the group; the group then ends normally unless a task failed. */
  cancel(reason?: unknown): void {
    this.#scope.cancel(reason);
  }

  /** Starts `fn(signal)` as a task of the group. Throws if the group already finished. */
  spawn(fn: (signal: AbortSignal) => unknown): void {
    checkFunction(fn, 'TaskGroup.spawn(): fn');
    this.#admit('spawn');
    let result: unknown;
    try {
      result = runInScope(this.#scope, fn, this.#scope.signal);
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (isPromiseLike(result)) observe(result, this.#onFulfilled, this.#onRejected);
    else this.#finish();
  }

  /**
   * Starts `fn(ready, signal)` as a task and resolves with the value it passes to `ready()` (e.g. "the
   * server is listening on port N"); the task keeps running in the group. If the task fails or finishes
   * before calling `ready()`, this rejects and the group is not affected.
   */
  start<T = void>(fn: (ready: (value: T) => void, signal: AbortSignal) => unknown): Promise<T> {
    checkFunction(fn, 'TaskGroup.start(): fn');
    this.#admit('start');
    return new Promise<T>((resolve, reject) => {
      let started = false;
      let settled = false;
      const ready = (value: T): void => {
        if (started || settled)
          throw new Error('TaskGroup.start(): ready() may be called once, while the task runs');
        started = true;
        resolve(value);
      };
      const onFulfilled = (): void => {
        settled = true;
        if (!started) reject(new Error('TaskGroup.start(): the task finished without calling ready()'));
        this.#finish();
      };
      const onRejected = (error: unknown): void => {
        settled = true;
        if (started) {
          this.#fail(error);
          return;
        }
        reject(error);
        this.#finish();
      };
      let result: unknown;
      try {
        result = runInScope(this.#scope, (signal) => fn(ready, signal), this.#scope.signal);
      } catch (error) {
        onRejected(error);
        return;
      }
      if (isPromiseLike(result)) observe(result, onFulfilled, onRejected);
      else onFulfilled();
    });
  }

  /**
   * Waits for every task, including tasks spawned while waiting, then closes the group. Rejects with a
   * {@link TaskGroupError} if any task failed, or with the cancellation of an enclosing scope that cut the
   * tasks short. Calling it again returns the same promise.
   */
  join(): Promise<void> {
    this.#joined ??= this.#join();
    return this.#joined;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.join();
  }

  stats(): TaskGroupStats {
    return {
      running: this.#running,
      failed: this.#failures?.length ?? 0,
      cancelled: this.#scope.cancelled,
      closed: this.#closed,
    };
  }

  async #join(): Promise<void> {
    this.#closing = true;
    if (this.#running > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    this.#closed = true;
    if (this.#failures !== undefined) {
      this.#scope[leaveScope](false);
      throw new TaskGroupError(this.#failures);
    }
    if (this.#cancellation === NONE) this.#scope[leaveScope](false);
    else this.#scope[leaveScope](true, this.#cancellation);
  }

  #admit(method: string): void {
    if (this.#closed) {
      throw new Error(
        `TaskGroup.${method}(): the group has finished; spawn tasks before or while it is joined`,
      );
    }
    this.#running++;
  }

  #finish(): void {
    if (--this.#running > 0 || !this.#closing) return;
    // Close synchronously, so nothing can be spawned between the last task and the end of join().
    this.#closed = true;
    this.#idle?.();
  }

  #fail(error: unknown): void {
    const scope = this.#scope;
    if (scope.cancelled && isCancellationBy(error, scope.cancelError)) {
      if (this.#cancellation === NONE) this.#cancellation = error;
    } else {
      this.#failures ??= [];
      this.#failures.push(error);
      if (this.#failures.length === 1) scope.cancel(error);
    }
    this.#finish();
  }
}
