import { exposeForLoad } from '../synchronizer/expose.js';
import { needsStructuredClone } from './structured-values.js';

/**
 * synckit's worker-side registration: makes `fn` the function that `createSyncFn` of this file calls,
 * whether the worker file calls it or leaves it to a module it imports. Outside a worker it does nothing
 * but record it, so the file can still be imported normally.
 *
 * @example
 * ```ts
 * // worker.js
 * import { runAsWorker } from 'anysync/synckit';
 *
 * runAsWorker(async (a: number, b: number) => a + b);
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: synckit's signature, any function
export function runAsWorker<T extends (...args: any[]) => unknown>(fn: T): void {
  if (typeof fn !== 'function') throw new TypeError(`runAsWorker() takes a function, got ${typeof fn}`);
  exposeForLoad(async function runAsWorkerFunction(this: unknown, ...args: unknown[]) {
    const result = await fn.apply(this, args);
    // What synckit's structured clone would copy (a class instance, an AST of them) arrives as a copy, not
    // as a handle; what it rejects (a function) fails with the same `DataCloneError`.
    return needsStructuredClone(result) ? structuredClone(result) : result;
  });
}
