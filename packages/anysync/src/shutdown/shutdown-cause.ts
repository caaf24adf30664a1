/**
 * Why a `ShutdownService` shut down: a signal, a request (from the main thread's `requestShutdown()` or a
 * worker's `WorkerShutdown.request()`), or a startup hook that failed.
 *
 * @example
 * ```ts
 * import type { ShutdownCause } from 'anysync/shutdown';
 *
 * function describe(cause: ShutdownCause): string {
 *   if (cause.type === 'signal') return `received ${cause.signal}`;
 *   if (cause.type === 'request') return `requested by the ${cause.from} thread (code ${cause.code})`;
 *   return `startup failed: ${String(cause.error)}`;
 * }
 * ```
 */
export type ShutdownCause =
  | { readonly type: 'signal'; readonly signal: string }
  | { readonly type: 'request'; readonly from: 'main' | 'worker'; readonly code: number }
  | { readonly type: 'error'; readonly error: unknown };
