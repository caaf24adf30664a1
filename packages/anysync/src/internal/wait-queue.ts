import type { CancelListener, CancelScope } from '../concurrency/cancel-scope.js';
import { currentScope } from '../concurrency/current-scope.js';

/**
 * The options every anysync wait accepts.
 *
 * @example
 * ```ts
 * import { Lock, type WaitOptions } from 'anysync/primitives';
 *
 * const options: WaitOptions = { signal: AbortSignal.timeout(1000) };
 * using _held = await new Lock().acquire(options);
 * ```
 */
export interface WaitOptions {
  /** Stop waiting when this signal aborts; the wait rejects with `signal.reason`. */
  readonly signal?: AbortSignal | undefined;
}

// A single shared executor instead of a closure per wait: with 100 000 tasks queued on a semaphore, every
// allocation per waiter shows up as garbage-collection time. The executor runs synchronously, so the two
// variables are read back before anything else can overwrite them.
let capturedResolve: (value: never) => void = () => {};
let capturedReject: (reason: unknown) => void = () => {};
function capture(resolve: (value: never) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/**
 * One pending wait, a node of a {@link WaitQueue}. It listens to its signal and to the cancel scope it was
 * started in (as an EventListener object and a CancelListener, so no closure is allocated) until it is
 * granted or aborted, then unsubscribes from both.
 */
export class Waiter<T, D> implements CancelListener {
  prev: Waiter<T, D> | undefined = undefined;
  next: Waiter<T, D> | undefined = undefined;
  queued = true;

  constructor(
    readonly queue: WaitQueue<T, D>,
    readonly data: D,
    readonly resolve: (value: T) => void,
    readonly reject: (reason: unknown) => void,
    readonly signal: AbortSignal | undefined,
    readonly scope: CancelScope | undefined,
    /** What the owner should grant this waiter with, when fixed at enqueue time (e.g. the task to run). */
    readonly payload: unknown,
  ) {}

  handleEvent(): void {
    this.queue.abort(this, this.signal?.reason);
  }

  onCancel(reason: unknown): void {
    this.queue.abort(this, reason);
  }
}

/**
 * A FIFO of abortable waits, the core of every anysync primitive. A wait that is aborted (signal or cancel
 * scope) leaves the queue at once and rejects, so it can never be handed a token; a wait that was granted
 * is resolved and no longer abortable, so its token is never lost. Owners grant by `shift()`ing the head
 * and calling its `resolve`.
 */
export class WaitQueue<T, D = undefined> {
  #head: Waiter<T, D> | undefined;
  #tail: Waiter<T, D> | undefined;
  #size = 0;
  readonly #onAbort: ((waiter: Waiter<T, D>) => void) | undefined;

  /** `onAbort` runs after a waiter left because it was aborted (e.g. to let smaller waiters through). */
  constructor(onAbort?: (waiter: Waiter<T, D>) => void) {
    this.#onAbort = onAbort;
  }

  get size(): number {
    return this.#size;
  }

  get head(): Waiter<T, D> | undefined {
    return this.#head;
  }

  /**
   * Queues a wait carrying `data`. Rejects at once, without queueing, when the signal is aborted or the
   * current cancel scope is cancelled: waiting inside a cancelled scope never blocks.
   */
  wait(data: D, options?: WaitOptions, payload?: unknown): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const scope = currentScope();
    if (scope?.cancelled) return Promise.reject(scope.cancelError);
    const promise = new Promise<T>(capture);
    const waiter = new Waiter(
      this,
      data,
      capturedResolve as (value: T) => void,
      capturedReject,
      signal,
      scope,
      payload,
    );
    this.#append(waiter);
    signal?.addEventListener('abort', waiter);
    scope?.addCancelListener(waiter);
    return promise;
  }

  /** Removes and returns the oldest waiter, unsubscribed; the caller settles it. */
  shift(): Waiter<T, D> | undefined {
    const waiter = this.#head;
    if (waiter !== undefined) this.#unlink(waiter);
    return waiter;
  }

  /** Grants the oldest waiter `value`; returns false when nobody waits. */
  resolveHead(value: T): boolean {
    const waiter = this.shift();
    if (waiter === undefined) return false;
    waiter.resolve(value);
    return true;
  }

  /** Removes `waiter` and rejects it with `reason`, unless it already left the queue. */
  abort(waiter: Waiter<T, D>, reason: unknown): void {
    if (!waiter.queued) return;
    this.#unlink(waiter);
    waiter.reject(reason);
    this.#onAbort?.(waiter);
  }

  /** Rejects every waiter with `reason` (used when a resource closes). */
  rejectAll(reason: unknown): void {
    for (let waiter = this.shift(); waiter !== undefined; waiter = this.shift()) waiter.reject(reason);
  }

  *[Symbol.iterator](): IterableIterator<Waiter<T, D>> {
    // Read `next` before yielding: the consumer may unlink the waiter it is given.
    for (let waiter = this.#head; waiter !== undefined; ) {
      const next = waiter.next;
      yield waiter;
      waiter = next;
    }
  }

  #append(waiter: Waiter<T, D>): void {
    waiter.prev = this.#tail;
    if (this.#tail === undefined) this.#head = waiter;
    else this.#tail.next = waiter;
    this.#tail = waiter;
    this.#size++;
  }

  #unlink(waiter: Waiter<T, D>): void {
    const { prev, next } = waiter;
    if (prev === undefined) this.#head = next;
    else prev.next = next;
    if (next === undefined) this.#tail = prev;
    else next.prev = prev;
    waiter.prev = undefined;
    waiter.next = undefined;
    waiter.queued = false;
    this.#size--;
    waiter.signal?.removeEventListener('abort', waiter);
    waiter.scope?.removeCancelListener(waiter);
  }
}
