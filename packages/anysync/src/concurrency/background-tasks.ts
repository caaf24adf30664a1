import { checkFunction, checkOptionalFunction } from '../internal/check-function.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import { currentClock } from '../internal/clock.js';
import { CancelScope, leaveScope } from './cancel-scope.js';
import { runInScope } from './current-scope.js';
import { isCancellationBy } from './is-cancellation.js';
import { TaskGroupError } from './task-group-error.js';

/**
 * Options of {@link BackgroundTasks}.
 *
 * @example
 * ```ts
 * import { BackgroundTasks, type BackgroundTasksOptions } from 'anysync/concurrency';
 *
 * const options: BackgroundTasksOptions = { exitTimeout: 5000, onError: (error) => console.error(error) };
 * await using tasks = new BackgroundTasks(options);
 * ```
 */
export interface BackgroundTasksOptions {
  /** Milliseconds `join()` waits before cancelling the tasks still running (then it waits for them). */
  readonly exitTimeout?: number | undefined;
  /** Receives each failure as it happens; `join()` then does not throw them. */
  readonly onError?: ((error: unknown) => void) | undefined;
  /** A foreign signal that cancels every task. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What `BackgroundTasks.stats()` reports.
 *
 * @example
 * ```ts
 * import { BackgroundTasks, type BackgroundTasksStats } from 'anysync/concurrency';
 *
 * const stats: BackgroundTasksStats = new BackgroundTasks().stats();
 * console.log(stats.running); // 0
 * ```
 */
export interface BackgroundTasksStats {
  readonly running: number;
  readonly failed: number;
  readonly closed: boolean;
}

/**
 * A task group without sibling cancellation, after async-utils' `BGTasks`: a failing task never disturbs
 * the others, and leaving (`join()` or the end of `await using`) waits for all of them. With
 * `exitTimeout`, tasks still running that long after the exit began are cancelled, then awaited. Failures
 * go to `onError` as they happen, or are thrown together by `join()` as a `TaskGroupError`; cancellations
 * caused by the exit timeout are not failures.
 *
 * @example
 * ```ts
 * import { BackgroundTasks, sleep } from 'anysync/concurrency';
 *
 * {
 *   await using tasks = new BackgroundTasks({ exitTimeout: 1000 });
 *   const answer = tasks.spawn(async () => 42);
 *   tasks.spawn(() => sleep(60_000)); // cancelled one second after the block ends
 *   console.log(await answer); // 42
 * }
 * ```
 */
export class BackgroundTasks implements AsyncDisposable {
  readonly #scope: CancelScope;
  readonly #exitTimeout: number | undefined;
  readonly #onError: ((error: unknown) => void) | undefined;
  #running = 0;
  #failures: unknown[] | undefined;
  #cancellation: unknown;
  #cancelled = false;
  #closing = false;
  #closed = false;
  #joined: Promise<void> | undefined;
  #idle: (() => void) | undefined;
  readonly #onFulfilled = (): void => this.#finish();
  readonly #onRejected = (error: unknown): void => this.#fail(error);

  constructor(options?: BackgroundTasksOptions) {
    checkOptions(options, 'BackgroundTasks', ['exitTimeout', 'onError', 'signal']);
    const exitTimeout = options?.exitTimeout;
    if (exitTimeout !== undefined) checkMilliseconds(exitTimeout, 'BackgroundTasks: exitTimeout', true);
    this.#exitTimeout = exitTimeout;
    this.#onError = checkOptionalFunction(options?.onError, 'BackgroundTasks: onError');
    checkSignal(options?.signal, 'BackgroundTasks: signal');
    this.#scope = new CancelScope({ signal: options?.signal }).enter();
  }

  /** The signal every task receives; aborts on `cancel()`, at the exit timeout, or from outside. */
  get signal(): AbortSignal {
    return this.#scope.signal;
  }

  /** Cancels every running task. */
  cancel(reason?: unknown): void {
    this.#scope.cancel(reason);
  }

  /**
   * Starts `fn(signal)` now and returns its result. The promise is already observed: ignoring it is safe,
   * and its failure is still reported through `onError` or `join()`.
   */
  spawn<T>(fn: (signal: AbortSignal) => T | PromiseLike<T>): Promise<T> {
    checkFunction(fn, 'BackgroundTasks.spawn(): fn');
    if (this.#closed) throw new Error('BackgroundTasks.spawn(): the tasks were already joined');
    this.#running++;
    const scope = this.#scope;
    const result = new Promise<T>((resolve) => resolve(runInScope(scope, fn, scope.signal)));
    result.then(this.#onFulfilled, this.#onRejected);
    return result;
  }

  /** Waits for every task (cancelling stragglers after `exitTimeout`), then reports failures. */
  join(): Promise<void> {
    this.#joined ??= this.#join();
    return this.#joined;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.join();
  }

  stats(): BackgroundTasksStats {
    return { running: this.#running, failed: this.#failures?.length ?? 0, closed: this.#closed };
  }

  async #join(): Promise<void> {
    this.#closing = true;
    if (this.#running > 0) {
      const idle = new Promise<void>((resolve) => (this.#idle = resolve));
      if (this.#exitTimeout !== undefined) this.#scope.deadline = currentClock().now() + this.#exitTimeout;
      await idle;
    }
    this.#closed = true;
    if (this.#failures !== undefined) {
      this.#scope[leaveScope](false);
      throw new TaskGroupError(this.#failures, 'BackgroundTasks');
    }
    this.#scope[leaveScope](this.#cancelled, this.#cancellation);
  }

  #finish(): void {
    if (--this.#running > 0 || !this.#closing) return;
    this.#closed = true;
    this.#idle?.();
  }

  #fail(error: unknown): void {
    const scope = this.#scope;
    if (scope.cancelled && isCancellationBy(error, scope.cancelError)) {
      this.#cancelled = true;
      this.#cancellation = error;
    } else if (this.#onError !== undefined) {
      try {
        this.#onError(error);
      } catch (handlerError) {
        this.#failures ??= [];
        this.#failures.push(handlerError);
      }
    } else {
      this.#failures ??= [];
      this.#failures.push(error);
    }
    this.#finish();
  }
}
