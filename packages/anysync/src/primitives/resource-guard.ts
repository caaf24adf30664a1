import { checkFunction } from '../internal/check-function.js';
import { checkOptionalString } from '../internal/check-string.js';
import { BusyResourceError } from './busy-resource-error.js';

/**
 * What `ResourceGuard.stats()` reports.
 *
 * @example
 * ```ts
 * import { ResourceGuard, type ResourceGuardStats } from 'anysync/primitives';
 *
 * const stats: ResourceGuardStats = new ResourceGuard().stats();
 * console.log(stats.busy); // false
 * ```
 */
export interface ResourceGuardStats {
  readonly busy: boolean;
}

/**
 * Detects concurrent use of something that allows one user at a time (a stream being read, a connection
 * being written): entering while another user is inside throws {@link BusyResourceError} instead of
 * silently interleaving. It never waits; it reports a bug.
 *
 * @example
 * ```ts
 * import { ResourceGuard } from 'anysync/primitives';
 *
 * class Connection {
 *   readonly #receiving = new ResourceGuard('receiving from');
 *   async receive(): Promise<string> {
 *     using _inside = this.#receiving.enter(); // a second concurrent receive() throws
 *     return 'message';
 *   }
 * }
 * ```
 */
export class ResourceGuard {
  #busy = false;
  readonly #action: string;

  /** `action` completes the error message: "Another task is already <action> this resource". */
  constructor(action = 'using') {
    this.#action = checkOptionalString(action, 'ResourceGuard: action') as string;
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** Marks the resource busy until the returned handle is disposed; throws if it already is. */
  enter(): Disposable {
    if (this.#busy) throw new BusyResourceError(this.#action);
    this.#busy = true;
    let inside = true;
    return {
      [Symbol.dispose]: () => {
        if (!inside) return;
        inside = false;
        this.#busy = false;
      },
    };
  }

  /** Runs `fn` as the resource's only user; throws at once if it is busy. */
  run<T>(fn: () => T | PromiseLike<T>): Promise<T> {
    checkFunction(fn, 'ResourceGuard.run(): fn');
    return this.#run(fn);
  }

  async #run<T>(fn: () => T | PromiseLike<T>): Promise<T> {
    using _inside = this.enter();
    return await fn();
  }

  stats(): ResourceGuardStats {
    return { busy: this.#busy };
  }
}
