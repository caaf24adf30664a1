import { checkOptionalString } from '../internal/check-string.js';

/**
 * Thrown by `ResourceGuard.enter()` when another user is already inside: two tasks tried to use a resource
 * that allows one at a time (say, reading from the same socket).
 *
 * @example
 * ```ts
 * import { BusyResourceError, ResourceGuard } from 'anysync/primitives';
 *
 * const guard = new ResourceGuard('reading from');
 * using _first = guard.enter();
 * try {
 *   guard.enter();
 * } catch (error) {
 *   console.log(error instanceof BusyResourceError, (error as Error).message);
 *   // true 'Another task is already reading from this resource'
 * }
 * ```
 */
export class BusyResourceError extends Error {
  constructor(action = 'using') {
    checkOptionalString(action, 'BusyResourceError: action');
    super(`Another task is already ${action} this resource`);
    this.name = 'BusyResourceError';
  }
}
