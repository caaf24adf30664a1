import { currentScope } from '../concurrency/current-scope.js';
import { checkFunction } from '../internal/check-function.js';
import { checkIterable } from '../internal/check-iterable.js';
import { checkNonNegative } from '../internal/check-number.js';
import { checkOptions } from '../internal/check-options.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { checkWeight } from '../internal/check-weight.js';
import { contextSnapshots } from '../internal/context-snapshot.js';
import { DecimalUnits } from '../internal/decimal-units.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { mapWithLimit } from '../internal/map-with-limit.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { QueuedRunList } from '../internal/queued-run-list.js';
import { type Task, TokenRunner } from '../internal/token-runner.js';
import type { StoreAnswer } from '../internal/store-answer.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import type { LeaseLostError } from './lease-lost-error.js';
import { Permit } from './permit.js';
import { semaphoreBound } from './semaphore-bound.js';
import type { SemaphoreStore } from './semaphore-store.js';
import type { SharedPermit } from './shared-permit.js';
import type { SharedSemaphore } from './shared-semaphore.js';
import { localOnly, type SharedSemaphoreOptions, sharedSemaphore } from './shared-semaphore-options.js';

/** The permit a primitive hands out: a `SharedPermit` (fencing token, lease) when it lives in a store. */
export type PermitOf<Store> = Store extends undefined ? Permit : SharedPermit;

// One shared promise executor instead of a closure per queued call (see wait-queue.ts); it runs
// synchronously, so the variables are read back before anything else can overwrite them.
let capturedResolve: (value: never) => void = () => {};
function capture(resolve: (value: never) => void): void {
  capturedResolve = resolve;
}

/**
 * Options of {@link Semaphore}.
 *
 * @example
 * ```ts
 * import { Semaphore, type SemaphoreOptions } from 'anysync/primitives';
 *
 * const options: SemaphoreOptions = { maxValue: 4 };
 * const semaphore = new Semaphore(4, options);
 * ```
 */
export interface SemaphoreOptions<Store extends SemaphoreStore | undefined = undefined>
  extends SharedSemaphoreOptions {
  /**
   * The most tokens the semaphore may hold: releasing beyond it throws (a double release), and a weight
   * above it is refused at the call (a wait that could never end). Defaults to the initial value, or to
   * Infinity (unbounded) for a semaphore created with 0, whose tokens only ever come from `release()`.
   */
  readonly maxValue?: number | undefined;
  /**
   * Keep holders and waiters in this store (e.g. `@anysync/redis`): every process using the same store
   * and `name` shares the initial value's permits, FIFO, with leases that expire if a holder dies.
   * Permits are then `SharedPermit`s, and `tryAcquire()` returns a promise.
   */
  readonly store?: Store;
  /** The semaphore's name in the store (required with `store`). */
  readonly name?: string | undefined;
  /** Milliseconds a holder's lease lasts without renewal (renewed every third of it; default 30 000). */
  readonly leaseMs?: number | undefined;
  /** Called when a held permit's lease is lost (its `signal` aborts too). */
  readonly onLockLost?: ((error: LeaseLostError, permit: SharedPermit) => void) | undefined;
}

/**
 * Options of `Semaphore.acquire()` and `Semaphore.run()`.
 *
 * @example
 * ```ts
 * import { Semaphore, type SemaphoreAcquireOptions } from 'anysync/primitives';
 *
 * const options: SemaphoreAcquireOptions = { weight: 3, signal: AbortSignal.timeout(100) };
 * using _permit = await new Semaphore(5).acquire(options);
 * ```
 */
export interface SemaphoreAcquireOptions extends WaitOptions {
  /**
   * How many tokens to take at once (default 1): a number > 0 and at most `maxValue` (more could never be
   * granted, so it throws a `RangeError` at the call). Fractional weights are counted exactly.
   */
  readonly weight?: number | undefined;
}

/**
 * What `Semaphore.stats()` reports.
 *
 * @example
 * ```ts
 * import { Semaphore, type SemaphoreStats } from 'anysync/primitives';
 *
 * const stats: SemaphoreStats = new Semaphore(3).stats();
 * console.log(stats.value); // 3
 * ```
 */
export interface SemaphoreStats {
  /** Tokens available now. */
  readonly value: number;
  readonly maxValue: number;
  /** Waits queued. */
  readonly waiting: number;
}

/**
 * A weighted, fair counting semaphore. Waits are served in arrival order: a heavy request at the head is
 * not overtaken by lighter ones behind it, so nobody starves. Every wait accepts `{ signal }` and rejects
 * inside a cancelled scope; an aborted waiter never takes tokens. `run()` is the fast path for limiting
 * concurrency: a queued call starts in the async context it was made in, so AsyncLocalStorage values and
 * the ambient cancel scope follow it, and one with no signal or scope costs just the promise it returns
 * and a captured context.
 *
 * @example
 * ```ts
 * import { Semaphore } from 'anysync/primitives';
 *
 * const limit = new Semaphore(10); // at most 10 downloads at once
 * const urls = ['https://example.com/a', 'https://example.com/b'];
 * const pages = await Promise.all(urls.map((url) => limit.run(() => fetch(url))));
 * ```
 */
export class Semaphore<Store extends SemaphoreStore | undefined = undefined> {
  /** Tokens free, in units (see DecimalUnits): fractional weights add and take away exactly. */
  #value = 0;
  readonly #maxValue: number;
  #maxUnits = 0;
  /** Set when the permits live in a store: the methods then delegate to it. */
  readonly #shared: SharedSemaphore | undefined;
  readonly #units: DecimalUnits;
  /** One token in units: 1 until a fractional weight makes the units finer. */
  #one = 1;
  /**
   * Waiters carry their weight as given, not in units (which may grow finer while they wait); a waiting
   * `run()` also carries its task, which it is granted with. Permits hold the weight as given too.
   */
  readonly #waiters = new WaitQueue<unknown, number>(() => this.#grant());
  /**
   * Queued `run()` calls of weight 1 that nothing can abort (no signal, no cancel scope): the common case,
   * kept without a waiter object or a gate promise. They are all older than every waiter in `#waiters`
   * (a call goes here only while `#waiters` is empty), so serving this queue first keeps arrival order.
   */
  readonly #tasks = new QueuedRunList();
  /** How many calls at the head of `#tasks` already hold their token and are about to start. */
  #reserved = 0;
  #startScheduled = false;
  readonly #releaseWeight = (weight: number): void => this.#give(this.#toUnits(weight), weight);
  readonly #single = new TokenRunner(() => this.#free(this.#one));
  /** A queued task settled: its token goes straight to the next ones, started here (already a microtask). */
  readonly #taskSettled = (): void => {
    this.#value += this.#one;
    this.#reserveTasks();
    this.#startReserved();
  };
  /** Starts, in a microtask, the calls that a `release()` or an abort reserved tokens for. */
  readonly #startLater = (): void => {
    this.#startScheduled = false;
    this.#startReserved();
  };

  constructor(initialValue = 1, options?: SemaphoreOptions<Store>) {
    checkNonNegative(initialValue, 'Semaphore: initialValue');
    checkOptions(options, 'Semaphore', ['maxValue', 'store', 'name', 'leaseMs', 'onLockLost']);
    this.#maxValue = semaphoreBound(initialValue, options?.maxValue);
    this.#units = new DecimalUnits(this.#maxValue, (factor) => {
      this.#value *= factor;
      this.#maxUnits *= factor;
      this.#one *= factor;
    });
    // Unbounded, the value may grow by releases up to where a number still counts every token.
    const finite = Number.isFinite(this.#maxValue);
    this.#maxUnits = finite ? this.#units.of(this.#maxValue) : Number.MAX_SAFE_INTEGER;
    this.#value = this.#units.of(initialValue);
    this.#shared = sharedSemaphore(options, initialValue, 'Semaphore');
  }

  /** The store the permits live in; `undefined` for an in-process semaphore. */
  get store(): Store {
    return this.#shared?.store as Store;
  }

  /** Tokens available now (in-process only: a store's count changes under every other process). */
  get value(): number {
    if (this.#shared !== undefined) throw localOnly('Semaphore.value', 'use tryAcquire()');
    return this.#units.quantity(this.#value);
  }

  /** Waits for `weight` tokens; resolves with the permit that gives them back. */
  acquire(options?: SemaphoreAcquireOptions): Promise<PermitOf<Store>> {
    checkWaitOptions(options, 'Semaphore.acquire()');
    const weight = options?.weight ?? 1;
    const units = this.#weight(weight, 'Semaphore.acquire(): weight');
    if (this.#shared !== undefined) return this.#shared.acquire(weight, options) as Promise<PermitOf<Store>>;
    if (this.#waiting() > 0 || this.#value < units)
      return this.#waiters.wait(weight, options) as Promise<PermitOf<Store>>;
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#value -= units;
    return Promise.resolve(new Permit(this.#releaseWeight, weight) as PermitOf<Store>);
  }

  /** Takes `weight` tokens if they are free right now and nobody waits; `undefined` otherwise. */
  tryAcquire(weight = 1): StoreAnswer<Store, PermitOf<Store> | undefined> {
    const units = this.#weight(weight, 'Semaphore.tryAcquire(): weight');
    if (this.#shared !== undefined) return this.#shared.tryAcquire(weight) as never;
    if (this.#waiting() > 0 || this.#value < units) return undefined as never;
    this.#value -= units;
    return new Permit(this.#releaseWeight, weight) as never;
  }

  /** Returns `weight` tokens and wakes the waiters they satisfy. Throws past `maxValue`. */
  release(weight = 1): void {
    if (this.#shared !== undefined)
      throw localOnly('Semaphore.release()', "release the acquisition's permit");
    this.#give(this.#weight(weight, 'Semaphore.release(): weight'), weight);
  }

  /**
   * Runs `fn` while holding `weight` tokens and gives them back however `fn` ends. A call that has to wait
   * starts `fn` in the async context it was made in.
   */
  run<T>(fn: Task<T>, options?: SemaphoreAcquireOptions): Promise<T> {
    checkFunction(fn, 'Semaphore.run(): fn');
    checkWaitOptions(options, 'Semaphore.run()');
    const weight = options?.weight ?? 1;
    const units = this.#weight(weight, 'Semaphore.run(): weight');
    if (this.#shared !== undefined) return this.#shared.run(fn, weight, options);
    return this.#run(fn, options, weight, units);
  }

  /** `run()` with its inputs checked: `map()` checks them once, not for every item. */
  #run<T>(
    fn: Task<T>,
    options: SemaphoreAcquireOptions | undefined,
    weight: number,
    units: number,
  ): Promise<T> {
    if (this.#waiting() > 0 || this.#value < units) {
      const Snapshot = contextSnapshots();
      if (
        weight === 1 &&
        options?.signal === undefined &&
        this.#waiters.size === 0 &&
        Snapshot !== null &&
        currentScope() === undefined
      ) {
        // One promise per queued call (the caller's); the task starts in the caller's async context.
        const promise = new Promise<T>(capture);
        this.#tasks.push(capturedResolve as (value: unknown) => void, fn, new Snapshot());
        return promise;
      }
      const runner = weight === 1 ? this.#single : this.#runnerFor(weight);
      return (this.#waiters.wait(weight, options, fn) as Promise<Task<T>>).then(runner.start);
    }
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    this.#value -= units;
    return (weight === 1 ? this.#single : this.#runnerFor(weight)).run(fn);
  }

  /**
   * Calls `fn(item, index)` for every item, each call holding `weight` tokens, and resolves with the
   * results in input order (`p-limit`'s `limit.map`). Items are pulled only as tokens free up, so a huge
   * or lazy iterable costs no more memory than the calls that can run. The first failure stops pulling
   * and rejects once the calls in flight have settled.
   */
  map<T, R>(
    items: Iterable<T>,
    fn: (item: T, index: number) => R | PromiseLike<R>,
    options?: SemaphoreAcquireOptions,
  ): Promise<R[]> {
    checkIterable(items, 'Semaphore.map(): items', false);
    checkFunction(fn, 'Semaphore.map(): fn');
    checkWaitOptions(options, 'Semaphore.map()');
    const weight = options?.weight ?? 1;
    this.#weight(weight, 'Semaphore.map(): weight');
    const shared = this.#shared;
    return mapWithLimit(
      {
        run: (task) =>
          shared === undefined
            ? this.#run(task, options, weight, this.#toUnits(weight))
            : shared.run(task, weight, options),
        hasRoom: () =>
          shared === undefined
            ? this.#waiting() === 0 && this.#value >= this.#toUnits(weight)
            : (shared.running + 1) * weight <= shared.permits,
      },
      items,
      fn,
    );
  }

  stats(): SemaphoreStats {
    if (this.#shared !== undefined) throw localOnly('Semaphore.stats()', 'the store holds the count');
    return { value: this.value, maxValue: this.#maxValue, waiting: this.#waiting() };
  }

  /** Waits not yet served (calls holding a token but not started yet are served). */
  #waiting(): number {
    return this.#tasks.size - this.#reserved + this.#waiters.size;
  }

  #free(units: number): void {
    this.#value += units;
    if (this.#waiting() > 0) this.#grant();
  }

  /** Gives back `units` (`weight` tokens), refusing to go past `maxValue`. */
  #give(units: number, weight: number): void {
    if (this.#value + units > this.#maxUnits) {
      const bound = Number.isFinite(this.#maxValue)
        ? `maxValue ${this.#maxValue}`
        : 'the most an unbounded semaphore counts exactly (2^53 - 1)';
      throw new RangeError(`Semaphore.release(): releasing ${weight} would exceed ${bound}`);
    }
    this.#free(units);
  }

  #runnerFor(weight: number): TokenRunner {
    return new TokenRunner(() => this.#free(this.#toUnits(weight)));
  }

  /**
   * Serves waits in order while the head one fits; runs after releases and after an aborted head. Queued
   * tasks get their tokens now but start in a microtask, not inside the caller's `release()`; the waiters
   * behind them are served once they have started, so tasks start in arrival order too.
   */
  #grant(): void {
    this.#reserveTasks();
    if (this.#reserved === 0) this.#serveWaiters();
    else if (!this.#startScheduled) {
      this.#startScheduled = true;
      queueMicrotask(this.#startLater);
    }
  }

  #reserveTasks(): void {
    while (this.#value >= this.#one && this.#tasks.size > this.#reserved) {
      this.#value -= this.#one;
      this.#reserved++;
    }
  }

  #startReserved(): void {
    // Re-read on every turn: a task may release, queue or run more synchronously.
    while (this.#reserved > 0) {
      this.#reserved--;
      this.#tasks.startHead(this.#taskSettled);
    }
    this.#serveWaiters();
  }

  #serveWaiters(): void {
    if (this.#tasks.size > 0) return; // every queued task is older than every waiter
    for (let head = this.#waiters.head; head !== undefined; head = this.#waiters.head) {
      const units = this.#toUnits(head.data);
      if (units > this.#value) return;
      this.#value -= units;
      this.#waiters.shift();
      head.resolve(head.payload ?? new Permit(this.#releaseWeight, head.data));
    }
  }

  /** A weight already checked, in units. */
  #toUnits(weight: number): number {
    return weight === 1 ? this.#one : this.#units.of(weight);
  }

  /** `weight` checked against `maxValue` (a heavier one could never be served), in units. */
  #weight(weight: number, label: string): number {
    if (weight === 1 && this.#maxValue >= 1) return this.#one;
    // The common case, inline: a weight that is whole units already and fits maxValue.
    if (typeof weight === 'number') {
      const units = weight * this.#one;
      if (units === Math.floor(units) && units > 0 && units <= this.#maxUnits) return units;
    }
    if (Number.isFinite(this.#maxValue))
      return checkWeight(weight, label, this.#units, this.#maxValue, 'maxValue');
    if (!Number.isSafeInteger(weight) || (weight as number) < 1) {
      const wanted =
        'a whole number >= 1 on an unbounded semaphore (fractional weights need a finite maxValue)';
      throw invalidArgument(typeof weight === 'number' ? 'range' : 'type', label, wanted, weight);
    }
    return weight;
  }
}
