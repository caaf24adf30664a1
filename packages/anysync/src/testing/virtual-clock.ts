import { checkFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkFinite, checkNumber } from '../internal/check-number.js';
import { checkOptions } from '../internal/check-options.js';
import { type Clock, installClock } from '../internal/clock.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { nextMacrotask } from '../internal/next-macrotask.js';

/**
 * Options of {@link VirtualClock}.
 *
 * @example
 * ```ts
 * import { VirtualClock, type VirtualClockOptions } from 'anysync/testing';
 *
 * const options: VirtualClockOptions = { start: 1000, dateStart: Date.UTC(2030, 0, 1), autojump: true };
 * const clock = new VirtualClock(options);
 * ```
 */
export interface VirtualClockOptions {
  /** The initial value of `now()` (default 0). */
  readonly start?: number | undefined;
  /** The initial value of `dateNow()`, in epoch milliseconds (default 2000-01-01T00:00:00Z). */
  readonly dateStart?: number | undefined;
  /**
   * Jump to the next timer by itself whenever the event loop has nothing else queued: `true`, or a number
   * of real milliseconds to wait first (for code that also waits on real I/O). Off by default.
   */
  readonly autojump?: boolean | number | undefined;
}

/**
 * What `VirtualClock.stats()` reports.
 *
 * @example
 * ```ts
 * import { VirtualClock, type VirtualClockStats } from 'anysync/testing';
 *
 * const stats: VirtualClockStats = new VirtualClock().stats();
 * console.log(stats); // { now: 0, pendingTimers: 0, firedTimers: 0 }
 * ```
 */
export interface VirtualClockStats {
  readonly now: number;
  /** Timers set and neither fired nor cleared: non-zero after a test means something leaked a timer. */
  readonly pendingTimers: number;
  readonly firedTimers: number;
}

interface VirtualTimer {
  readonly time: number;
  readonly order: number;
  readonly callback: () => void;
}

const DEFAULT_DATE_START = Date.UTC(2000, 0, 1);

/**
 * A clock for tests, the counterpart of Trio's `MockClock`: once installed, every anysync deadline, sleep
 * and timeout reads this clock, and time moves only when the test says so (`advance`, `runNext`, `runAll`)
 * or, with `autojump`, whenever the code under test is idle. Between timers it lets pending promise jobs
 * run, so the code reacts to each timer before the next one fires. Real timers (`setTimeout`) are not
 * touched.
 *
 * @example
 * ```ts
 * import { moveOnAfter, sleep } from 'anysync/concurrency';
 * import { VirtualClock } from 'anysync/testing';
 *
 * const clock = new VirtualClock();
 * using _installed = clock.install();
 * const result = moveOnAfter(5000, () => sleep(60_000));
 * await clock.advance(5000); // instant in real time
 * console.log(await result, clock.stats().pendingTimers); // undefined 0
 * ```
 */
export class VirtualClock implements Clock {
  #now: number;
  readonly #dateOffset: number;
  /** Pending timers sorted by (time, order); `order` keeps same-time timers first-set, first-fired. */
  readonly #timers: VirtualTimer[] = [];
  #order = 0;
  #fired = 0;
  #autojump: number | false;
  #jumpScheduled = false;

  constructor(options?: VirtualClockOptions) {
    checkOptions(options, 'VirtualClock', ['start', 'dateStart', 'autojump']);
    this.#now = checkFinite(options?.start ?? 0, 'VirtualClock: start');
    const dateStart = checkFinite(options?.dateStart ?? DEFAULT_DATE_START, 'VirtualClock: dateStart');
    this.#dateOffset = dateStart - this.#now;
    this.#autojump = VirtualClock.#threshold(options?.autojump, 'VirtualClock: autojump');
  }

  now(): number {
    return this.#now;
  }

  dateNow(): number {
    return this.#now + this.#dateOffset;
  }

  setTimer(callback: () => void, delay: number): unknown {
    checkFunction(callback, 'VirtualClock.setTimer(): callback');
    // Negative delays are due now, as with setTimeout: anysync computes some from deadlines already past.
    checkNumber(delay, 'VirtualClock.setTimer(): delay');
    const timer: VirtualTimer = { time: this.#now + Math.max(0, delay), order: this.#order++, callback };
    const timers = this.#timers;
    let index = timers.length;
    while (index > 0 && (timers[index - 1] as VirtualTimer).time > timer.time) index--;
    timers.splice(index, 0, timer);
    this.#scheduleJump();
    return timer;
  }

  clearTimer(handle: unknown): void {
    const index = this.#timers.indexOf(handle as VirtualTimer);
    if (index >= 0) this.#timers.splice(index, 1);
  }

  /** Timers set and not yet fired or cleared. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Turns autojump on (`true` or a real-time threshold in ms) or off. */
  set autojump(value: boolean | number) {
    this.#autojump = VirtualClock.#threshold(value, 'VirtualClock.autojump');
    this.#scheduleJump();
  }

  /** Makes this the clock anysync uses until the returned handle is disposed. */
  install(): Disposable {
    const restore = installClock(this);
    let installed = true;
    return {
      [Symbol.dispose]: () => {
        if (installed) restore();
        installed = false;
      },
    };
  }

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  advance(ms: number): Promise<void> {
    checkMilliseconds(ms, 'VirtualClock.advance(): ms', false);
    return this.#advanceTo(this.#now + ms);
  }

  /** Moves time forward to `time`, firing every timer due on the way, in order. */
  advanceTo(time: number): Promise<void> {
    return this.#advanceTo(checkFinite(time, 'VirtualClock.advanceTo(): time'));
  }

  async #advanceTo(time: number): Promise<void> {
    await this.settle();
    for (let next = this.#timers[0]; next !== undefined && next.time <= time; next = this.#timers[0]) {
      this.#fire(next);
      await this.settle();
    }
    this.#now = Math.max(this.#now, time);
    await this.settle();
  }

  /** Jumps to the next pending timer and fires it; false when there was none. */
  async runNext(): Promise<boolean> {
    await this.settle();
    const next = this.#timers[0];
    if (next === undefined) return false;
    this.#fire(next);
    await this.settle();
    return true;
  }

  /**
   * Fires timers in order, jumping time forward, until none is left. Throws after `limit` timers (default
   * 10 000), which usually means something re-arms a timer forever.
   */
  runAll(options?: { readonly limit?: number | undefined }): Promise<void> {
    checkOptions(options, 'VirtualClock.runAll()', ['limit']);
    return this.#runAll(checkInteger(options?.limit ?? 10_000, 'VirtualClock.runAll(): limit', 1));
  }

  async #runAll(limit: number): Promise<void> {
    for (let fired = 0; await this.runNext(); fired++) {
      if (fired >= limit) throw new Error(`VirtualClock.runAll(): still timers pending after ${limit} fired`);
    }
  }

  /** Lets every queued promise job run (one real macrotask), without moving time. */
  settle(): Promise<void> {
    return nextMacrotask();
  }

  stats(): VirtualClockStats {
    return { now: this.#now, pendingTimers: this.#timers.length, firedTimers: this.#fired };
  }

  #fire(timer: VirtualTimer): void {
    this.#timers.shift();
    this.#now = Math.max(this.#now, timer.time);
    this.#fired++;
    timer.callback();
  }

  #scheduleJump(): void {
    if (this.#autojump === false || this.#jumpScheduled || this.#timers.length === 0) return;
    this.#jumpScheduled = true;
    const jump = (): void => {
      this.#jumpScheduled = false;
      const next = this.#timers[0];
      if (this.#autojump === false || next === undefined) return;
      this.#fire(next);
      this.#scheduleJump();
    };
    if (this.#autojump === 0) void nextMacrotask().then(jump);
    else setTimeout(jump, this.#autojump);
  }

  static #threshold(value: boolean | number | undefined, label: string): number | false {
    if (value === undefined || value === false) return false;
    if (value === true) return 0;
    const expected = 'true, false or a finite number of real milliseconds >= 0';
    if (typeof value !== 'number') throw invalidArgument('type', label, expected, value);
    if (!(value >= 0 && value !== Number.POSITIVE_INFINITY))
      throw invalidArgument('range', label, expected, value);
    return value;
  }
}
