/**
 * Where anysync reads the time and sets its timers. Every deadline, `sleep` and timeout goes through the
 * current clock, so a test can swap in `VirtualClock` from `anysync/testing` and advance time at will.
 *
 * @example
 * ```ts
 * import type { Clock } from 'anysync/testing';
 *
 * const frozen: Clock = {
 *   now: () => 0,
 *   dateNow: () => Date.UTC(2030, 0, 1),
 *   setTimer: (callback, delay) => setTimeout(callback, delay),
 *   clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
 * };
 * ```
 */
export interface Clock {
  /** Monotonic time in milliseconds; deadlines are expressed on this scale. */
  now(): number;
  /** Wall-clock time in milliseconds since the Unix epoch, like `Date.now()`. */
  dateNow(): number;
  /** Calls `callback` once, `delay` milliseconds from now; returns a handle for `clearTimer`. */
  setTimer(callback: () => void, delay: number): unknown;
  /** Cancels a timer; unknown or already fired handles are ignored. */
  clearTimer(handle: unknown): void;
}

/** setTimeout's largest delay; longer ones fire after 1 ms with a warning, so they are chained instead. */
const MAX_DELAY = 2 ** 31 - 1;

/** A timer whose delay exceeds what `setTimeout` accepts; re-armed until the target time. */
class LongTimer {
  id: ReturnType<typeof setTimeout>;

  constructor(
    readonly callback: () => void,
    readonly target: number,
  ) {
    this.id = setTimeout(this.#fire, MAX_DELAY);
  }

  #fire = (): void => {
    const remaining = this.target - performance.now();
    if (remaining > 0) this.id = setTimeout(this.#fire, Math.min(remaining, MAX_DELAY));
    else this.callback();
  };
}

/** The real clock: `performance.now()`, `Date.now()` and the host's timers. */
export const systemClock: Clock = {
  now: () => performance.now(),
  dateNow: () => Date.now(),
  setTimer(callback, delay) {
    if (delay > MAX_DELAY) return new LongTimer(callback, performance.now() + delay);
    return setTimeout(callback, Math.max(0, delay));
  },
  clearTimer(handle) {
    clearTimeout(handle instanceof LongTimer ? handle.id : (handle as ReturnType<typeof setTimeout>));
  },
};

let active: Clock = systemClock;

/** The clock anysync uses right now. */
export function currentClock(): Clock {
  return active;
}

/** Makes `clock` the current clock; the returned function restores the previous one. */
export function installClock(clock: Clock): () => void {
  const previous = active;
  active = clock;
  return () => {
    active = previous;
  };
}
