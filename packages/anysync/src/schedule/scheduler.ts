import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkOptions } from '../internal/check-options.js';
import { checkWaitOptions } from '../internal/check-wait-options.js';
import { type Clock, currentClock } from '../internal/clock.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { Deque } from '../internal/deque.js';
import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import { ClosedResourceError } from '../primitives/closed-resource-error.js';
import type { TryReceiveResult } from '../primitives/receive-channel.js';
import { EntryHeap, type HeapEntry } from './entry-heap.js';
import { ScheduleToken, settleToken } from './schedule-token.js';

/**
 * What `Scheduler.stats()` reports.
 *
 * @example
 * ```ts
 * import { Scheduler, type SchedulerStats } from 'anysync/schedule';
 *
 * const stats: SchedulerStats = new Scheduler().stats();
 * console.log(stats); // { scheduled: 0, ready: 0, waiting: 0, delivered: 0, closed: false }
 * ```
 */
export interface SchedulerStats {
  /** Payloads (and intervals) waiting for their time. */
  readonly scheduled: number;
  /** Payloads due and not yet taken by a consumer. */
  readonly ready: number;
  /** Consumers waiting for a payload. */
  readonly waiting: number;
  /** Payloads handed to consumers so far. */
  readonly delivered: number;
  readonly closed: boolean;
}

interface Entry<T> extends HeapEntry {
  readonly payload: T;
  readonly token: ScheduleToken;
  /** In the ready queue; an interval due again meanwhile is coalesced with it. */
  queued: boolean;
  inHeap: boolean;
}

/** Timers are re-armed at least this often, so a wall clock that jumps forward is noticed. */
const RECHECK_MS = 60_000;
const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

function wallTime(time: Date | number, label: string): number {
  const expected = 'a valid Date or finite epoch milliseconds';
  const ms = time instanceof Date ? time.getTime() : time;
  if (typeof ms !== 'number') throw invalidArgument('type', label, expected, time);
  if (!Number.isFinite(ms)) throw invalidArgument('range', label, expected, time);
  return ms;
}

/**
 * Delivers payloads at wall-clock times, as an async iterable: async-utils' `Scheduler`, without polling.
 * `at(time, payload)`, `after(ms, payload)` and `every(ms, payload)` return a `ScheduleToken` to cancel
 * it; consumers take due payloads with `for await (const payload of scheduler)` or `take()`, each payload
 * going to one consumer. One timer is set for the earliest payload; times are compared with the wall clock
 * when it fires (and at least every minute), so a clock adjustment neither fires early nor delays much.
 * An interval whose previous payload is still waiting for a consumer is not queued twice. `close()` (or
 * the end of `await using`) cancels everything and ends every iteration. Time is anysync's clock, so
 * `VirtualClock` drives it in tests.
 *
 * @example
 * ```ts
 * import { Scheduler } from 'anysync/schedule';
 *
 * await using scheduler = new Scheduler<string>();
 * scheduler.after(20, 'second');
 * scheduler.at(new Date(Date.now() + 10), 'first');
 * const cancelled = scheduler.after(15, 'never');
 * cancelled.cancel();
 * for await (const message of scheduler) {
 *   console.log(message); // 'first', then 'second'
 *   if (message === 'second') break;
 * }
 * ```
 */
export class Scheduler<T> implements AsyncIterable<T>, AsyncDisposable {
  readonly #heap = new EntryHeap<Entry<T>>();
  readonly #ready = new Deque<Entry<T>>();
  readonly #waiters = new WaitQueue<IteratorResult<T>>();
  readonly #onTimer = (): void => {
    this.#timer = undefined;
    this.#fire();
  };
  #timer: unknown;
  #timerClock: Clock | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #order = 0;
  #cancelledInHeap = 0;
  #delivered = 0;
  #closed = false;

  /** Delivers `payload` at wall-clock `time` (a Date or epoch ms); a time in the past means now. */
  at(time: Date | number, payload: T): ScheduleToken {
    return this.#schedule(wallTime(time, 'Scheduler.at(): time'), undefined, payload, 'Scheduler.at()');
  }

  /** Delivers `payload` `ms` milliseconds from now. */
  after(ms: number, payload: T): ScheduleToken {
    checkMilliseconds(ms, 'Scheduler.after(): ms', false);
    return this.#schedule(currentClock().dateNow() + ms, undefined, payload, 'Scheduler.after()');
  }

  /**
   * Delivers `payload` every `ms` milliseconds, first at `firstAt` (default: one period from now). Ticks are
   * aligned on the first one; ticks missed while the process was busy or suspended are skipped, not
   * bunched.
   */
  every(ms: number, payload: T, options?: { readonly firstAt?: Date | number | undefined }): ScheduleToken {
    checkMilliseconds(ms, 'Scheduler.every(): ms', false, true);
    checkOptions(options, 'Scheduler.every()', ['firstAt']);
    const first =
      options?.firstAt === undefined
        ? currentClock().dateNow() + ms
        : wallTime(options.firstAt, 'Scheduler.every(): firstAt');
    return this.#schedule(first, ms, payload, 'Scheduler.every()');
  }

  /** The next due payload, waiting for one; rejects with ClosedResourceError once the scheduler is closed. */
  take(options?: WaitOptions): Promise<T> {
    checkWaitOptions(options, 'Scheduler.take()');
    return this.#take(options);
  }

  async #take(options: WaitOptions | undefined): Promise<T> {
    const step = await this.#next(options);
    if (step.done === true) throw new ClosedResourceError('Scheduler.take(): the scheduler is closed');
    return step.value;
  }

  /** The next due payload if there is one now (`ok: false` otherwise, or once closed); never waits. */
  tryTake(): TryReceiveResult<T> {
    for (let entry = this.#ready.shift(); entry !== undefined; entry = this.#ready.shift()) {
      entry.queued = false;
      if (entry.token.active) return { ok: true, value: this.#hand(entry).value };
    }
    return { ok: false };
  }

  /** Iterates the due payloads until the scheduler is closed; `break` ends the loop, not the scheduler. */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    const iterator: AsyncIterableIterator<T> = {
      next: () => this.#next(undefined),
      return: async () => DONE,
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Cancels every payload and interval, and ends every iteration. Calling it again does nothing. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#clearTimer();
    for (let entry = this.#heap.pop(); entry !== undefined; entry = this.#heap.pop()) entry.token.cancel();
    for (let entry = this.#ready.shift(); entry !== undefined; entry = this.#ready.shift())
      entry.token.cancel();
    while (this.#waiters.resolveHead(DONE));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }

  get closed(): boolean {
    return this.#closed;
  }

  stats(): SchedulerStats {
    return {
      scheduled: this.#heap.size - this.#cancelledInHeap,
      ready: this.#ready.length,
      waiting: this.#waiters.size,
      delivered: this.#delivered,
      closed: this.#closed,
    };
  }

  #schedule(at: number, interval: number | undefined, payload: T, what: string): ScheduleToken {
    if (this.#closed) throw new ClosedResourceError(`${what}: the scheduler is closed`);
    const token = new ScheduleToken(at, interval, () => this.#cancelled(entry));
    const entry: Entry<T> = { at, order: this.#order++, payload, token, queued: false, inHeap: true };
    this.#heap.push(entry);
    if (at < this.#timerAt) this.#arm();
    return token;
  }

  #next(options: WaitOptions | undefined): Promise<IteratorResult<T>> {
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    for (let entry = this.#ready.shift(); entry !== undefined; entry = this.#ready.shift()) {
      entry.queued = false;
      if (entry.token.active) return Promise.resolve(this.#hand(entry));
    }
    if (this.#closed) return Promise.resolve(DONE);
    return this.#waiters.wait(undefined, options);
  }

  /** Counts a delivery and settles a one-off token. */
  #hand(entry: Entry<T>): IteratorYieldResult<T> {
    this.#delivered++;
    if (entry.token.interval === undefined) entry.token[settleToken]();
    return { done: false, value: entry.payload };
  }

  /** Moves every due payload to a consumer or the ready queue, re-queues intervals, re-arms. */
  #fire(): void {
    const now = currentClock().dateNow();
    for (let top = this.#heap.peek(); top !== undefined && top.at <= now; top = this.#heap.peek()) {
      this.#heap.pop();
      top.inHeap = false;
      if (!top.token.active) {
        this.#cancelledInHeap--;
        continue;
      }
      this.#deliver(top);
      const interval = top.token.interval;
      if (interval !== undefined && top.token.active) {
        top.at += interval * Math.max(1, Math.floor((now - top.at) / interval) + 1);
        top.token.nextAt = top.at;
        top.inHeap = true;
        this.#heap.push(top);
      }
    }
    this.#arm();
  }

  #deliver(entry: Entry<T>): void {
    if (entry.queued) return; // the previous tick of this interval has not been taken yet
    if (this.#waiters.size > 0) {
      this.#waiters.resolveHead(this.#hand(entry));
      return;
    }
    entry.queued = true;
    this.#ready.push(entry);
  }

  #cancelled(entry: Entry<T>): void {
    if (this.#closed || !entry.inHeap) return;
    this.#cancelledInHeap++;
    // Cancelled entries leave the heap lazily; sweep when they are most of it, so it cannot grow unbounded.
    if (this.#cancelledInHeap > 32 && this.#cancelledInHeap * 2 > this.#heap.size) {
      this.#heap.retain((candidate) => {
        candidate.inHeap = candidate.token.active;
        return candidate.inHeap;
      });
      this.#cancelledInHeap = 0;
    }
    if (this.#heap.peek() === entry || this.#heap.size === this.#cancelledInHeap) this.#arm();
  }

  #arm(): void {
    this.#clearTimer();
    let top = this.#heap.peek();
    while (top !== undefined && !top.token.active) {
      this.#heap.pop();
      top.inHeap = false;
      this.#cancelledInHeap--;
      top = this.#heap.peek();
    }
    if (top === undefined || this.#closed) return;
    const clock = currentClock();
    this.#timerClock = clock;
    this.#timerAt = top.at;
    this.#timer = clock.setTimer(this.#onTimer, Math.min(RECHECK_MS, Math.max(0, top.at - clock.dateNow())));
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#timerClock?.clearTimer(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }
}
