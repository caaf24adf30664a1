import { currentScope } from './current-scope.js';

/**
 * The earliest deadline that applies to the calling code: the minimum over the current scope and its
 * ancestors, up to and including the first shielded one. `-Infinity` when already cancelled, `Infinity`
 * when no deadline applies.
 *
 * @example
 * ```ts
 * import { currentEffectiveDeadline, currentTime, moveOnAfter } from 'anysync/concurrency';
 *
 * await moveOnAfter(1000, () => moveOnAfter(5000, () => {
 *   console.log(currentEffectiveDeadline() - currentTime() <= 1000); // true: the nearest deadline wins
 * }));
 * ```
 */
export function currentEffectiveDeadline(): number {
  let deadline = Number.POSITIVE_INFINITY;
  for (let scope = currentScope(); scope !== undefined; scope = scope.parent) {
    if (scope.cancelled) return Number.NEGATIVE_INFINITY;
    deadline = Math.min(deadline, scope.deadline);
    if (scope.shield) break;
  }
  return deadline;
}
