import { checkFunction } from '../internal/check-function.js';

/**
 * Proof of holding a lock, semaphore tokens or a capacity-limiter token. Release it exactly where the work
 * ends, or bind it with `using` so it is released when the block exits. Releasing twice is a no-op.
 *
 * @example
 * ```ts
 * import { Semaphore } from 'anysync/primitives';
 *
 * const semaphore = new Semaphore(2);
 * {
 *   using permit = await semaphore.acquire();
 *   console.log(semaphore.value, permit.released); // 1 false
 * }
 * console.log(semaphore.value); // 2
 * ```
 */
export class Permit implements Disposable {
  #release: ((token: never) => void) | undefined;
  readonly #token: unknown;

  /** Primitives create permits; `release(token)` runs once, on the first `release()`. */
  constructor(release: (token: never) => void, token?: unknown) {
    this.#release = checkFunction(release, 'Permit: release');
    this.#token = token;
  }

  /** Whether `release()` was called. */
  get released(): boolean {
    return this.#release === undefined;
  }

  release(): void {
    const release = this.#release as ((token: unknown) => void) | undefined;
    if (release === undefined) return;
    this.#release = undefined;
    release(this.#token);
  }

  [Symbol.dispose](): void {
    this.release();
  }
}
