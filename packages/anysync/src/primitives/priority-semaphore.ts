import { checkFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkNumber } from '../internal/check-number.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { type Task, TokenRunner } from '../internal/token-runner.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import { Permit } from './permit.js';
import { currentPriority } from './with-priority.js';

/**
 * Options of `PrioritySemaphore.acquire()` and `run()`.
 *
 * @example
 * ```ts
 * import { PrioritySemaphore, type PriorityAcquireOptions } from 'anysync/primitives';
 *
 * const options: PriorityAcquireOptions = { priority: -1 }; // ahead of the default 0
 * using _permit = await new PrioritySemaphore(1).acquire(options);
 * ```
 */
export interface PriorityAcquireOptions extends WaitOptions {
  /** Lower is served first. Defaults to the ambient `withPriority()` value, else 0. */
  readonly priority?: number | undefined;
}

/**
 * What `PrioritySemaphore.stats()` reports.
 *
 * @example
 * ```ts
 * import { PrioritySemaphore, type PrioritySemaphoreStats } from 'anysync/primitives';
 *
 * const stats: PrioritySemaphoreStats = new PrioritySemaphore(2).stats();
 * console.log(stats.waitingByPriority); // {}
 * ```
 */
export interface PrioritySemaphoreStats {
  readonly value: number;
  readonly waiting: number;
  /** Queued waits per priority. */
  readonly waitingByPriority: Readonly<Record<number, number>>;
}

/** The options of a wait: a signal, and a priority that is a number (an absent one is ambient or 0). */
function checkPriorityOptions(options: PriorityAcquireOptions | undefined, label: string): void {
  if (options === undefined) return;
  checkWaitOptions(options, label);
  const priority = options.priority;
  if (priority !== undefined && (typeof priority !== 'number' || Number.isNaN(priority))) {
    checkNumber(priority, `${label}: priority`);
  }
  // Not in the type, but a JavaScript caller moving from Semaphore would otherwise get weight 1 in silence.
  if ((options as { weight?: unknown }).weight !== undefined) {
    throw new TypeError(
      `${label}: weight is not an option here (each wait takes one token); use a Semaphore`,
    );
  }
}

/**
 * A semaphore whose waiters are served by priority (lower number first) and first come, first served
 * within a priority, the counterpart of async-utils' `PrioritySemaphore`. The priority comes from the
 * wait's options or from the ambient `withPriority()` scope. Aborted waiters leave their queue at once and
 * never take a token.
 *
 * @example
 * ```ts
 * import { PrioritySemaphore } from 'anysync/primitives';
 *
 * const semaphore = new PrioritySemaphore(1);
 * const held = await semaphore.acquire();
 * const order: string[] = [];
 * const low = semaphore.run(() => order.push('low'), { priority: 5 });
 * const high = semaphore.run(() => order.push('high'), { priority: 1 });
 * held.release();
 * await Promise.all([low, high]);
 * console.log(order); // ['high', 'low']
 * ```
 */
export class PrioritySemaphore {
  #value: number;
  readonly #queues = new Map<number, WaitQueue<unknown>>();
  /** Priorities that have a non-empty queue, ascending. */
  readonly #priorities: number[] = [];
  #waiting = 0;
  readonly #releaseOne = (): void => this.release();
  readonly #runner = new TokenRunner(this.#releaseOne);

  constructor(initialValue = 1) {
    // Whole tokens only: each wait takes exactly one, so a fractional value would only drift.
    this.#value = checkInteger(initialValue, 'PrioritySemaphore: initialValue', 0);
  }

  get value(): number {
    return this.#value;
  }

  /** Waits for a token at the given (or ambient) priority; resolves with the permit that returns it. */
  acquire(options?: PriorityAcquireOptions): Promise<Permit> {
    checkPriorityOptions(options, 'PrioritySemaphore.acquire()');
    if (this.#waiting > 0 || this.#value < 1) return this.#enqueue(options, undefined) as Promise<Permit>;
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#value--;
    return Promise.resolve(new Permit(this.#releaseOne));
  }

  /** Takes a token if one is free right now and nobody waits; `undefined` otherwise. */
  tryAcquire(): Permit | undefined {
    if (this.#waiting > 0 || this.#value < 1) return undefined;
    this.#value--;
    return new Permit(this.#releaseOne);
  }

  /** Returns a token, waking the best-placed waiter. */
  release(): void {
    this.#value++;
    this.#grant();
  }

  /** Runs `fn` while holding a token and returns it however `fn` ends. */
  run<T>(fn: Task<T>, options?: PriorityAcquireOptions): Promise<T> {
    checkFunction(fn, 'PrioritySemaphore.run(): fn');
    checkPriorityOptions(options, 'PrioritySemaphore.run()');
    if (this.#waiting > 0 || this.#value < 1) {
      return (this.#enqueue(options, fn) as Promise<Task<T>>).then(this.#runner.start);
    }
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#value--;
    return this.#runner.run(fn);
  }

  stats(): PrioritySemaphoreStats {
    const waitingByPriority: Record<number, number> = {};
    for (const [priority, queue] of this.#queues) waitingByPriority[priority] = queue.size;
    return { value: this.#value, waiting: this.#waiting, waitingByPriority };
  }

  #enqueue(options: PriorityAcquireOptions | undefined, task: Task<unknown> | undefined): Promise<unknown> {
    const priority = options?.priority ?? currentPriority() ?? 0;
    const queue = this.#queue(priority);
    const before = queue.size;
    const wait = queue.wait(undefined, options, task);
    if (queue.size > before) this.#waiting++;
    else this.#forget(priority, queue); // rejected at once: do not keep an empty queue around
    return wait;
  }

  #queue(priority: number): WaitQueue<unknown> {
    let queue = this.#queues.get(priority);
    if (queue !== undefined) return queue;
    queue = new WaitQueue<unknown>(() => {
      this.#waiting--;
      this.#forget(priority, queue as WaitQueue<unknown>);
    });
    this.#queues.set(priority, queue);
    const priorities = this.#priorities;
    let index = priorities.length;
    while (index > 0 && (priorities[index - 1] as number) > priority) index--;
    priorities.splice(index, 0, priority);
    return queue;
  }

  #forget(priority: number, queue: WaitQueue<unknown>): void {
    if (queue.size > 0) return;
    this.#queues.delete(priority);
    this.#priorities.splice(this.#priorities.indexOf(priority), 1);
  }

  #grant(): void {
    while (this.#value >= 1 && this.#waiting > 0) {
      const priority = this.#priorities[0] as number;
      const queue = this.#queues.get(priority) as WaitQueue<unknown>;
      const waiter = queue.shift() as NonNullable<ReturnType<WaitQueue<unknown>['shift']>>;
      this.#waiting--;
      this.#value--;
      this.#forget(priority, queue);
      waiter.resolve(waiter.payload ?? new Permit(this.#releaseOne));
    }
  }
}
