/**
 * Marks a thread as a synchronizer worker: the global holds what it serves and what it is loading right
 * now. Caller-side code running on the same thread (a nested synchronizer, a self-synchronizing module)
 * reads it to tell a real self-wait from a nested call that is safe.
 */
export const WORKER_KEY = Symbol.for('anysync.synchronizer.worker');

/** What a synchronizer worker publishes about itself. */
export interface WorkerIdentity {
  /** Module URLs this worker has loaded for its caller. */
  readonly served: Set<string>;
  /**
   * Loads in progress, each as its chain: the modules whose top-level code led to it, outermost first,
   * ending with the module being loaded (a nested worker's chain continues its parent's).
   */
  readonly loading: Set<readonly string[]>;
}

function identity(): WorkerIdentity | undefined {
  return (globalThis as Record<symbol, WorkerIdentity | undefined>)[WORKER_KEY];
}

/** Publishes this thread as a synchronizer worker. */
export function publishIdentity(value: WorkerIdentity): void {
  (globalThis as Record<symbol, unknown>)[WORKER_KEY] = value;
}

/** The module URLs served by the worker this code runs on, or undefined outside a synchronizer worker. */
export function servedModules(): ReadonlySet<string> | undefined {
  return identity()?.served;
}

/** Every module whose load is in progress on this thread or led to one (empty outside a worker). */
export function loadingChain(): string[] {
  const loading = identity()?.loading;
  if (!loading || loading.size === 0) return [];
  return [...new Set([...loading].flat())];
}
