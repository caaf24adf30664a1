import { type Clock, currentClock } from '../internal/clock.js';
import { nextMacrotask } from '../internal/next-macrotask.js';

/** Checks the two limits every batcher shares; `what` names the caller in the message. */
export function checkBatchLimits(maxSize: number, maxWait: number, what: string): void {
  if (!(maxSize === Number.POSITIVE_INFINITY || (Number.isInteger(maxSize) && maxSize >= 1))) {
    throw new RangeError(`${what}: maxSize must be an integer >= 1 (or Infinity), got ${String(maxSize)}`);
  }
  if (!(typeof maxWait === 'number' && maxWait >= 0 && Number.isFinite(maxWait))) {
    throw new RangeError(
      `${what}: maxWait must be a finite number of milliseconds >= 0, got ${String(maxWait)}`,
    );
  }
}

/**
 * Gathers items into batches and hands each one over when it reaches `maxSize` items or when `maxWait`
 * milliseconds have passed since its **first** item, whichever comes first. The window is one timer set
 * when a batch starts, so a lone item waits exactly `maxWait`, never more (async-utils' `Waterfall` lets
 * it wait nearly twice as long). `maxWait: 0` means "the end of this turn of the event loop": every item
 * added by the code running now, its promise callbacks included, goes into one batch.
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
    void nextMacrotask().then(() => {
      if (generation === this.#generation) this.flush();
    });
  }
}
