import { checkOptionalBoolean } from '../internal/check-boolean.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { CancelScope } from './cancel-scope.js';

function describe(reason: unknown, deadlineExceeded: boolean): string {
  if (deadlineExceeded) return 'Cancelled: the deadline passed';
  if (reason === undefined) return 'Cancelled';
  if (reason instanceof Error) return `Cancelled: ${reason.message}`;
  return `Cancelled: ${String(reason)}`;
}

/**
 * The error every wait inside a cancelled {@link CancelScope} rejects with, and the `reason` of the scope's
 * `signal`. Its `name` is `'AbortError'`, so code that recognises aborts by name (as with `fetch`) treats
 * it as one. The scope that was cancelled recognises its own error when it propagates out of its body and
 * swallows it (that is how `moveOnAfter` "moves on").
 *
 * @example
 * ```ts
 * import { CancelScope, CancelledError, sleep } from 'anysync/concurrency';
 *
 * const scope = new CancelScope();
 * scope.cancel('shutting down');
 * try {
 *   await sleep(10, { signal: scope.signal });
 * } catch (error) {
 *   console.log(error instanceof CancelledError, (error as CancelledError).reason); // true 'shutting down'
 * }
 * ```
 */
export class CancelledError extends Error {
  /** The scope whose cancellation this is. */
  readonly scope: CancelScope;
  /** What was passed to `scope.cancel(reason)`; `'deadline exceeded'` when the deadline passed. */
  readonly reason: unknown;
  /** True when the scope's deadline passed, false when `cancel()` was called. */
  readonly deadlineExceeded: boolean;

  constructor(scope: CancelScope, reason: unknown, deadlineExceeded = false) {
    // Read at construction only (cancel-scope.ts imports this module too; neither needs the other sooner).
    if (!(scope instanceof CancelScope))
      throw invalidArgument('type', 'CancelledError: scope', 'a CancelScope', scope);
    checkOptionalBoolean(deadlineExceeded, 'CancelledError: deadlineExceeded');
    super(describe(reason, deadlineExceeded), reason instanceof Error ? { cause: reason } : undefined);
    this.name = 'AbortError';
    this.scope = scope;
    this.reason = reason;
    this.deadlineExceeded = deadlineExceeded;
  }
}
