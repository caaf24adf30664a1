import { checkFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { Permit } from './permit.js';

/**
 * The permit of a `Semaphore` or `Lock` whose state lives in a store. Its lease is renewed in the
 * background while it is held; if a renewal finds the lease gone (the process stalled longer than the
 * lease, or the store lost it), the permit is `lost`: its `signal` aborts and the primitive's `onLockLost`
 * is called, so the work can stop. `fencingToken` grows with every grant: pass it to the resource you
 * guard, which refuses writes carrying a smaller one than it has seen.
 *
 * @example
 * ```ts
 * import { Lock, MemorySemaphoreStore, type SharedPermit } from 'anysync/primitives';
 *
 * const lock = new Lock({ store: new MemorySemaphoreStore(), name: 'ledger' });
 * const permit: SharedPermit = await lock.acquire();
 * try {
 *   console.log(permit.fencingToken > 0, permit.signal.aborted); // true false
 * } finally {
 *   await permit.releaseAsync();
 * }
 * ```
 */
export class SharedPermit extends Permit implements AsyncDisposable {
  /** Made on first need: most permits are released without anyone reading their signal. */
  #controller: AbortController | undefined;
  readonly #releaseAsync: () => Promise<void>;
  #releasing: Promise<void> | undefined;

  /** Made by shared primitives: `release()` gives the permits back to the store. */
  constructor(
    release: () => Promise<void>,
    /** The grant's fencing token (0 when it was granted without the store, by a fail-open policy). */
    readonly fencingToken: number,
    /** The acquisition's place in the shared arrival order. */
    readonly ticket: number,
  ) {
    checkFunction(release, 'SharedPermit: release');
    checkInteger(fencingToken, 'SharedPermit: fencingToken', 0);
    checkInteger(ticket, 'SharedPermit: ticket', 0);
    super(() => {
      this.#releasing ??= release();
    });
    this.#releaseAsync = () => {
      this.release();
      return this.#releasing ?? Promise.resolve();
    };
  }

  /** Aborts when the lease is lost. */
  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  /** Whether the lease was lost while held. */
  get lost(): boolean {
    return this.#controller?.signal.aborted === true;
  }

  /** Releases and resolves once the store has taken the permits back. */
  releaseAsync(): Promise<void> {
    return this.#releaseAsync();
  }

  /** `await using permit = await semaphore.acquire()` releases it and waits for the store. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.releaseAsync();
  }

  /** Marks the lease lost (the shared primitive calls it when a renewal fails). */
  loseLease(reason: unknown): void {
    this.#controller ??= new AbortController();
    this.#controller.abort(reason);
  }
}
