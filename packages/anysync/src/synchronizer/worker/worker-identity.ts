/**
 * Marks a thread as a synchronizer worker: the global holds the set of module URLs it serves. A blocking
 * load of one of those modules from this very thread could never be served (the worker would be waiting
 * on itself), so the caller side checks here first and fails with a `DeadlockError` instead.
 */
export const WORKER_KEY = Symbol.for('anysync.synchronizer.servedModules');

/** The module URLs served by the worker this code runs on, or undefined outside a synchronizer worker. */
export function servedModules(): ReadonlySet<string> | undefined {
  return (globalThis as Record<symbol, ReadonlySet<string> | undefined>)[WORKER_KEY];
}
