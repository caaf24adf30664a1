import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { type Clock, currentClock } from '../internal/clock.js';
import { nextMacrotask } from '../internal/next-macrotask.js';

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * Runs `callback` once the promise jobs queued now have run, before the event loop moves on: the moment
 * DataLoader dispatches at (a `process.nextTick` queued from a promise job). Where there is no
 * `process.nextTick` (browsers), on the next macrotask.
 */
function afterPromiseJobs(callback: () => void): void {
  const nextTick = (globalThis as { process?: { nextTick?: (callback: () => void) => void } }).process
    ?.nextTick;
  if (nextTick === undefined) void nextMacrotask().then(callback);
  else void RESOLVED.then(() => nextTick(callback));
}

/** Checks the two limits every batcher shares; `what` names the caller in the message. */
export function checkBatchLimits(maxSize: number, maxWait: number, what: string): void {
  checkInteger(maxSize, `${what}: maxSize`, 1, Number.POSITIVE_INFINITY);
  checkMilliseconds(maxWait, `${what}: maxWait`, false);
}

/**
 * Gathers items into batches and hands each one over when it reaches `maxSize` items or when `maxWait`
 * milliseconds have passed since its **first** item, whichever comes first. The window is one timer set
 * when a batch starts, so a lone item waits exactly `maxWait`, never more (async-utils' `Waterfall` lets
 * it wait nearly twice as long). `maxWait: 0` means "once the code running now and the promise callbacks
 * it queued are done", before the event loop moves on (as DataLoader batches): they all go into one batch.
 */
export class BatchCollector<T> {
  #items: T[] = [];
  #timer: unknown;
  #timerClock: Clock | undefined;
  /** Bumped on every hand-over, so a pending end-of-turn callback for an older batch does nothing. */
  #generation = 0;
  readonly #onWindowEnd = (): void => {
    this.#timer = undefined;
    this.flush();
  };

  constructor(
    readonly maxSize: number,
    readonly maxWait: number,
    readonly onBatch: (items: T[]) => void,
  ) {}

  /** Items gathered and not yet handed over. */
  get size(): number {
    return this.#items.length;
  }

  /** The items gathered and not yet handed over (not a copy: do not change it). */
  get items(): readonly T[] {
    return this.#items;
  }

  add(item: T): void {
    const items = this.#items;
    items.push(item);
    if (items.length >= this.maxSize) this.flush();
    else if (items.length === 1) this.#openWindow();
  }

  /** Hands the current batch over now (if it has anything). */
  flush(): void {
    const items = this.take();
    if (items.length > 0) this.onBatch(items);
  }

  /** Removes and returns the current batch without handing it over, and closes its window. */
  take(): T[] {
    const items = this.#items;
    this.#items = [];
    this.#generation++;
    if (this.#timer !== undefined) {
      this.#timerClock?.clearTimer(this.#timer);
      this.#timer = undefined;
    }
    return items;
  }

  #openWindow(): void {
    if (this.maxWait > 0) {
      const clock = currentClock();
      this.#timerClock = clock;
      this.#timer = clock.setTimer(this.#onWindowEnd, this.maxWait);
      return;
    }
    const generation = this.#generation;
    afterPromiseJobs(() => {
      if (generation === this.#generation) this.flush();
    });
  }
}
