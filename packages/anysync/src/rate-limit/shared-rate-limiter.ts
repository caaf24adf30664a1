import { rejectIfCancelled } from '../internal/reject-if-cancelled.js';
import { Alarm } from '../internal/alarm.js';
import { type WaitOptions, WaitQueue } from '../internal/wait-queue.js';
import type {
  RateLimitAlgorithm,
  RateLimitDecision,
  RateLimitRequest,
  RateLimitStore,
} from './rate-limit-store.js';

/** What `RateLimiter.stats()` reports; the class re-declares it (kept structural here to avoid a cycle). */
interface SharedStats {
  readonly limit: number;
  readonly interval: number;
  readonly used: number;
  readonly waiting: number;
  readonly admitted: number;
}

/**
 * The engine of a `RateLimiter` with a `store`. A caller goes straight to the store while nobody here is
 * queued (many calls in flight at once); once one is refused, it and every later caller of this process
 * wait in one FIFO, whose head alone asks the store again, when the store said its weight would fit.
 * Refusals never poll: the store's `retryAfterMs` sets the one timer.
 */
export class SharedRateLimiter {
  // Made on first need: a limiter per API key is cheap until one of its callers has to wait.
  #waiting: WaitQueue<void, number> | undefined;
  #sleeper: Alarm | undefined;
  #pumping = false;
  #admitted = 0;
  /** The request of a weight-1 call, the common one, made once. */
  readonly #single: RateLimitRequest;

  constructor(
    readonly store: RateLimitStore,
    readonly name: string,
    readonly algorithm: RateLimitAlgorithm,
    readonly limit: number,
    readonly interval: number,
  ) {
    this.#single = Object.freeze({ algorithm, limit, interval, weight: 1, peek: false });
  }

  get #waiters(): WaitQueue<void, number> {
    this.#waiting ??= new WaitQueue<void, number>(() => this.#alarm.wake());
    return this.#waiting;
  }

  get #alarm(): Alarm {
    this.#sleeper ??= new Alarm();
    return this.#sleeper;
  }

  consume(weight: number, peek = false): Promise<RateLimitDecision> {
    const { algorithm, limit, interval } = this;
    const request = weight === 1 && !peek ? this.#single : { algorithm, limit, interval, weight, peek };
    return this.store.consume(this.name, request).then((decision) => {
      if (decision.admitted && !peek) this.#admitted++;
      return decision;
    });
  }

  async tryAcquire(weight: number): Promise<boolean> {
    if ((this.#waiting?.size ?? 0) > 0) return false;
    return (await this.consume(weight)).admitted;
  }

  acquire(weight: number, options: WaitOptions | undefined): Promise<void> {
    const cancelled = rejectIfCancelled(options);
    if (cancelled !== undefined) return cancelled;
    if ((this.#waiting?.size ?? 0) > 0) return this.#queue(weight, options);
    return this.consume(weight).then((decision) => {
      if (!decision.admitted) return this.#queue(weight, options);
    });
  }

  async delayFor(weight: number): Promise<number> {
    return (await this.consume(weight, true)).retryAfterMs;
  }

  async stats(): Promise<SharedStats> {
    const { remaining } = await this.consume(this.limit, true);
    return {
      limit: this.limit,
      interval: this.interval,
      used: this.limit - remaining,
      waiting: this.#waiting?.size ?? 0,
      admitted: this.#admitted,
    };
  }

  #queue(weight: number, options: WaitOptions | undefined): Promise<void> {
    const waiting = this.#waiters.wait(weight, options);
    if (!this.#pumping) void this.#pump();
    return waiting;
  }

  /**
   * Serves the queue from its head. A store error rejects the head alone (the next one tries again); an
   * admission won for a head that left meanwhile is spent (the limit is never exceeded, only under-used).
   */
  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      for (let head = this.#waiters.head; head !== undefined; head = this.#waiters.head) {
        let decision: RateLimitDecision;
        try {
          decision = await this.consume(head.data);
        } catch (error) {
          if (head.queued) this.#waiters.abort(head, error);
          continue;
        }
        if (decision.admitted) {
          if (head.queued) {
            this.#waiters.shift();
            head.resolve();
          }
        } else if (head.queued) {
          await this.#alarm.wait(decision.retryAfterMs);
        }
      }
    } finally {
      this.#pumping = false;
    }
  }
}
