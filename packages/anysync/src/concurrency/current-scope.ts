import { AsyncLocal } from '../internal/async-local.js';
import type { CancelScope } from './cancel-scope.js';

const ambient = new AsyncLocal<CancelScope>();

/**
 * The innermost cancel scope the calling code runs in (entered with `CancelScope.run`, `moveOnAfter`,
 * `failAfter`, or as a task of a `TaskGroup`), or `undefined` outside any. Where the runtime has no
 * AsyncLocalStorage (browsers today) there is no ambient scope and this is always `undefined`.
 *
 * @example
 * ```ts
 * import { currentScope, moveOnAfter } from 'anysync/concurrency';
 *
 * await moveOnAfter(1000, async (scope) => {
 *   console.log(currentScope() === scope); // true
 * });
 * ```
 */
export function currentScope(): CancelScope | undefined {
  return ambient.get();
}

/**
 * The `AbortSignal` of the current scope, for APIs that take a signal (`fetch`, streams, child processes);
 * `undefined` outside any scope. It aborts when the scope or an unshielded ancestor is cancelled.
 *
 * @example
 * ```ts
 * import { currentSignal, failAfter } from 'anysync/concurrency';
 *
 * const page = await failAfter(5000, () => fetch('https://example.com', { signal: currentSignal() }));
 * ```
 */
export function currentSignal(): AbortSignal | undefined {
  return ambient.get()?.signal;
}

/** Runs `fn(arg)` with `scope` as the current scope. Internal: scopes and task groups enter through this. */
export function runInScope<A, R>(scope: CancelScope, fn: (arg: A) => R, arg: A): R {
  return ambient.run(scope, fn, arg);
}
