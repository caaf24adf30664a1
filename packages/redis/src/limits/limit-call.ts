import type { RateLimitDecision, RateLimitRequest } from 'anysync/rate-limit';
import type { Deadline } from '../deadlines.js';

/**
 * One `consume()` waiting in a `LimitBatcher`: its request, its promise's settlement, and its place in
 * the list of deadlines. It settles once: by its decision, by the failure policy, or by its timeout,
 * whichever comes first; later answers are ignored.
 */
export class LimitCall implements Deadline {
  deadline = 0;
  prev: Deadline | undefined;
  next: Deadline | undefined;
  #settled = false;
  readonly promise: Promise<RateLimitDecision>;
  #resolve!: (decision: RateLimitDecision | Promise<RateLimitDecision>) => void;
  #reject!: (error: unknown) => void;

  constructor(
    readonly name: string,
    readonly request: RateLimitRequest,
  ) {
    this.promise = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** Settles with `decision`, unless settled already. */
  decide(decision: RateLimitDecision): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#resolve(decision);
  }

  /** Settles with `answer()`'s decision, or its error, unless settled already. */
  settle(answer: () => RateLimitDecision | Promise<RateLimitDecision>): void {
    if (this.#settled) return;
    this.#settled = true;
    try {
      this.#resolve(answer());
    } catch (error) {
      this.#reject(error);
    }
  }
}
