import { CancelScope } from '../concurrency/cancel-scope.js';
import { TimeoutError } from '../concurrency/timeout-error.js';
import { checkFunction, checkOptionalFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkOptions } from '../internal/check-options.js';
import { currentClock } from '../internal/clock.js';
import { Deque } from '../internal/deque.js';
import { BatchCollector, checkBatchLimits } from './batch-collector.js';
import { BatchError } from './batch-error.js';

/**
 * Options of {@link Batcher}.
 *
 * @example
 * ```ts
 * import { Batcher, type BatcherOptions } from 'anysync/batch';
 *
 * const options: BatcherOptions<string> = {
 *   maxSize: 500,
 *   maxWait: 1000,
 *   dispatch: async (lines) => console.log(`writing ${lines.length} lines`),
 *   onError: (error, lines) => console.error(`lost ${lines.length} lines`, error),
 *   concurrency: 2,
 *   finalizeTimeout: 5000,
 * };
 * await using batcher = new Batcher(options);
 * ```
 */
export interface BatcherOptions<T> {
  /** Dispatch as soon as a batch has this many items. */
  readonly maxSize: number;
  /** Dispatch at the latest this many milliseconds after the batch's first item (0: once the promise jobs queued now have run). */
  readonly maxWait: number;
  /** Receives each batch. The signal aborts when `stop()`'s `finalizeTimeout` passes. */
  readonly dispatch: (items: T[], signal: AbortSignal) => unknown;
  /** Receives each failed batch's error; without it, `stop()` throws them all as a `BatchError`. */
  readonly onError?: ((error: unknown, items: T[]) => void) | undefined;
  /** How many dispatches may run at once (default: no limit); ready batches wait their turn. */
  readonly concurrency?: number | undefined;
  /** Milliseconds `stop()` gives the final dispatches (default: no bound). */
  readonly finalizeTimeout?: number | undefined;
}

/**
 * What `Batcher.stats()` reports.
 *
 * @example
 * ```ts
 * import { Batcher, type BatcherStats } from 'anysync/batch';
 *
 * const stats: BatcherStats = new Batcher({ maxSize: 10, maxWait: 100, dispatch: () => {} }).stats();
 * console.log(stats.buffered, stats.dispatched); // 0 0
 * ```
 */
export interface BatcherStats {
  /** Items gathered into the batch not yet dispatched. */
  readonly buffered: number;
  /** Complete batches waiting for a dispatch slot. */
  readonly queued: number;
  /** Dispatches running. */
  readonly running: number;
  /** Batches dispatched (settled), and the items they held. */
  readonly dispatched: number;
  readonly items: number;
  /** Batches whose dispatch failed (or that `stop()` had to drop). */
  readonly failed: number;
  readonly stopped: boolean;
}

/**
 * A volume-or-time batcher, async-utils' `Waterfall` done right: `add(item)` gathers items, and a batch
 * is dispatched when it holds `maxSize` items or `maxWait` milliseconds after its first item, whichever
 * comes first (a lone item waits `maxWait`, not nearly twice that). Dispatches may run concurrently, up
 * to `concurrency`. Failures go to `onError`, or are thrown together by `stop()`: never lost silently.
 * `stop()` (or the end of `await using`) stops accepting items, dispatches what is left in `maxSize`
 * chunks, and waits for every dispatch, at most `finalizeTimeout` ms; batches it could not dispatch in
 * time are reported as failed with a `TimeoutError`.
 *
 * @example
 * ```ts
 * import { Batcher } from 'anysync/batch';
 *
 * const written: number[][] = [];
 * {
 *   await using batcher = new Batcher<number>({
 *     maxSize: 3,
 *     maxWait: 50,
 *     dispatch: async (rows) => void written.push(rows),
 *   });
 *   for (let i = 1; i <= 7; i++) batcher.add(i);
 * } // the last, partial batch is flushed here
 * console.log(written); // [[1, 2, 3], [4, 5, 6], [7]]
 * ```
 */
export class Batcher<T> implements AsyncDisposable {
  readonly #collector: BatchCollector<T>;
  readonly #dispatch: (items: T[], signal: AbortSignal) => unknown;
  readonly #onError: ((error: unknown, items: T[]) => void) | undefined;
  readonly #concurrency: number;
  readonly #finalizeTimeout: number;
  readonly #queue = new Deque<T[]>();
  readonly #scope = new CancelScope();
  #errors: unknown[] = [];
  #running = 0;
  #dispatched = 0;
  #items = 0;
  #failed = 0;
  #stopping: Promise<void> | undefined;
  #onIdle: (() => void) | undefined;

  constructor(options: BatcherOptions<T>) {
    const known = ['maxSize', 'maxWait', 'dispatch', 'onError', 'concurrency', 'finalizeTimeout'];
    checkOptions(options, 'Batcher', known, '{ maxSize, maxWait, dispatch }');
    const { maxSize, maxWait } = options;
    checkBatchLimits(maxSize, maxWait, 'Batcher');
    this.#dispatch = checkFunction(options.dispatch, 'Batcher: dispatch');
    this.#onError = checkOptionalFunction(options.onError, 'Batcher: onError');
    const concurrency = options.concurrency ?? Number.POSITIVE_INFINITY;
    checkInteger(concurrency, 'Batcher: concurrency', 1, Number.POSITIVE_INFINITY);
    const finalizeTimeout = options.finalizeTimeout ?? Number.POSITIVE_INFINITY;
    checkMilliseconds(finalizeTimeout, 'Batcher: finalizeTimeout', true);
    this.#concurrency = concurrency;
    this.#finalizeTimeout = finalizeTimeout;
    this.#collector = new BatchCollector<T>(maxSize, maxWait, (items) => this.#ready(items));
  }

  /** Adds an item to the current batch. Throws once `stop()` was called. */
  add(item: T): void {
    if (this.#stopping !== undefined) {
      throw new Error('Batcher.add(): the batcher is stopped; create a new one to batch more items');
    }
    this.#collector.add(item);
  }

  /** Dispatches the current partial batch now, without waiting for its size or window. */
  flush(): void {
    this.#collector.flush();
  }

  /**
   * Stops accepting items, dispatches what is left (in `maxSize` chunks) and waits for every dispatch, at
   * most `finalizeTimeout` ms. Rejects with a `BatchError` if batches failed and no `onError` took them.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  stats(): BatcherStats {
    return {
      buffered: this.#collector.size,
      queued: this.#queue.length,
      running: this.#running,
      dispatched: this.#dispatched,
      items: this.#items,
      failed: this.#failed,
      stopped: this.#stopping !== undefined,
    };
  }

  #ready(items: T[]): void {
    if (this.#running < this.#concurrency) this.#run(items);
    else this.#queue.push(items);
  }

  #run(items: T[]): void {
    this.#running++;
    let result: unknown;
    try {
      result = this.#dispatch(items, this.#scope.signal);
    } catch (error) {
      result = Promise.reject(error);
    }
    Promise.resolve(result).then(
      () => this.#settled(items, false, undefined),
      (error: unknown) => this.#settled(items, true, error),
    );
  }

  #settled(items: T[], failed: boolean, error: unknown): void {
    this.#running--;
    this.#dispatched++;
    this.#items += items.length;
    if (failed) this.#fail(error, items);
    const next = this.#queue.shift();
    if (next !== undefined) this.#run(next);
    else if (this.#running === 0) this.#onIdle?.();
  }

  #fail(error: unknown, items: T[]): void {
    this.#failed++;
    if (this.#onError === undefined) {
      this.#errors.push(error);
      return;
    }
    try {
      this.#onError(error, items);
    } catch (handlerError) {
      this.#errors.push(handlerError);
    }
  }

  async #stop(): Promise<void> {
    const rest = this.#collector.take();
    const size = this.#collector.maxSize;
    for (let start = 0; start < rest.length; start += size) this.#ready(rest.slice(start, start + size));
    if (this.#running > 0) await this.#finalize();
    if (this.#errors.length > 0) throw new BatchError(this.#errors);
  }

  /** Waits for the dispatches to settle, or for the finalize timeout, whichever comes first. */
  async #finalize(): Promise<void> {
    const clock = currentClock();
    let timer: unknown;
    await new Promise<void>((resolve) => {
      this.#onIdle = resolve;
      if (this.#finalizeTimeout !== Number.POSITIVE_INFINITY) {
        timer = clock.setTimer(resolve, this.#finalizeTimeout);
      }
    });
    clock.clearTimer(timer);
    this.#onIdle = undefined;
    if (this.#running === 0) return;
    const late = new TimeoutError(`Batcher.stop(): finalizeTimeout (${this.#finalizeTimeout} ms) passed`);
    this.#scope.cancel(late);
    for (let items = this.#queue.shift(); items !== undefined; items = this.#queue.shift()) {
      this.#fail(new TimeoutError(`${late.message} before this batch could be dispatched`), items);
    }
  }
}
