import { AsyncLocal } from '../internal/async-local.js';
import { checkFunction } from '../internal/check-function.js';
import { checkNumber } from '../internal/check-number.js';

const ambient = new AsyncLocal<number>();

/**
 * Runs `fn` with an ambient priority that every `PrioritySemaphore` wait inside it uses when it is not
 * given one explicitly (the counterpart of async-utils' `priority_context`). Lower numbers are served
 * first. The priority follows the async call chain through AsyncLocalStorage, which is loaded the first
 * time this is called, never at import; where the runtime has none (browsers today), this throws, and
 * `acquire({ priority })` is the portable form.
 *
 * @example
 * ```ts
 * import { PrioritySemaphore, withPriority } from 'anysync/primitives';
 *
 * const database = new PrioritySemaphore(4);
 * async function query(sql: string) {
 *   return database.run(async () => sql); // uses the caller's ambient priority
 * }
 * await withPriority(0, () => query('SELECT 1')); // interactive: served before…
 * await withPriority(10, () => query('SELECT 2')); // …batch work
 * ```
 */
export function withPriority<T>(priority: number, fn: () => T): T {
  checkNumber(priority, 'withPriority(): priority');
  checkFunction(fn, 'withPriority(): fn');
  if (!AsyncLocal.supported) {
    throw new Error(
      'withPriority(): this runtime has no AsyncLocalStorage to carry an ambient priority; ' +
        'pass { priority } to PrioritySemaphore.acquire() instead',
    );
  }
  return ambient.run(priority, fn, undefined);
}

/**
 * The priority set by the innermost enclosing {@link withPriority}, or `undefined`.
 *
 * @example
 * ```ts
 * import { currentPriority, withPriority } from 'anysync/primitives';
 *
 * withPriority(3, () => console.log(currentPriority())); // 3
 * ```
 */
export function currentPriority(): number | undefined {
  return ambient.get();
}
