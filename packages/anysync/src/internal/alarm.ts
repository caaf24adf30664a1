import { currentClock } from './clock.js';

/**
 * A delay that can be cut short: `wait(ms)` resolves after `ms` milliseconds of anysync's clock, or as soon
 * as `wake()` is called. It ignores signals and cancel scopes on purpose: background loops (a shared
 * limiter's queue, a lease's renewal) use it, and no single caller's cancellation may stop them.
 */
export class Alarm {
  #resolve: (() => void) | undefined;
  #timer: unknown;

  wait(ms: number): Promise<void> {
    this.wake();
    const clock = currentClock();
    return new Promise<void>((resolve) => {
      this.#resolve = resolve;
      this.#timer = clock.setTimer(() => this.wake(), Math.max(0, ms));
    });
  }

  /** Ends the current wait now (no-op when nothing waits). */
  wake(): void {
    const resolve = this.#resolve;
    if (resolve === undefined) return;
    this.#resolve = undefined;
    currentClock().clearTimer(this.#timer);
    resolve();
  }
}
