import type { BuildOutcome } from './bundler-suite.js';

/** Build outcomes in the order they finished; `next()` takes the oldest or waits for one. */
export class OutcomeQueue {
  readonly #ready: BuildOutcome[] = [];
  readonly #waiting: ((outcome: BuildOutcome) => void)[] = [];

  push(outcome: BuildOutcome): void {
    const waiter = this.#waiting.shift();
    if (waiter === undefined) this.#ready.push(outcome);
    else waiter(outcome);
  }

  next(): Promise<BuildOutcome> {
    const ready = this.#ready.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}
