import { checkErrorList } from '../internal/check-error-list.js';
import { checkOptionalString } from '../internal/check-string.js';

function summary(errors: readonly unknown[], what: string): string {
  const first = errors[0];
  const detail = first instanceof Error ? first.message : String(first);
  const count = errors.length === 1 ? `1 task failed` : `${errors.length} tasks failed`;
  return `${count} in ${what}; first: ${detail}`;
}

/**
 * Every failure of a `TaskGroup` (or `BackgroundTasks`) reported together: an `AggregateError` whose
 * `errors` hold each task's error, in the order they failed. Cancellations caused by the group itself are
 * not failures and do not appear.
 *
 * @example
 * ```ts
 * import { TaskGroupError, withTaskGroup } from 'anysync/concurrency';
 *
 * try {
 *   await withTaskGroup((group) => {
 *     group.spawn(() => Promise.reject(new Error('a')));
 *     group.spawn(() => Promise.reject(new Error('b')));
 *   });
 * } catch (error) {
 *   if (error instanceof TaskGroupError) console.log(error.errors.map((e) => (e as Error).message)); // ['a', 'b']
 * }
 * ```
 */
export class TaskGroupError extends AggregateError {
  constructor(errors: readonly unknown[], what = 'a TaskGroup') {
    checkErrorList(errors, 'TaskGroupError: errors');
    checkOptionalString(what, 'TaskGroupError: what');
    super(errors, summary(errors, what));
    this.name = 'TaskGroupError';
  }
}
