/** What the worker knows about the call it is running; kept in an `AsyncLocalStorage` set up by the worker. */
export interface CallContext {
  readonly signal: AbortSignal;
}

interface ContextStore {
  getStore(): CallContext | undefined;
}

/** The worker installs its store here so any copy of anysync in the worker finds it. */
export const CALL_CONTEXT_KEY = Symbol.for('anysync.synchronizer.callContext');

/**
 * The `AbortSignal` of the synchronizer or pool call currently running on this worker, or `undefined`
 * outside one. It aborts when the caller's `timeout` expires or its `signal` aborts, with a
 * `DOMException` named `TimeoutError` or `AbortError` as the reason, so worker code can stop the work
 * instead of leaving it running. An `AbortSignal` passed as an argument arrives as this same signal.
 *
 * @example
 * ```ts
 * import { callSignal } from 'anysync/synchronizer';
 *
 * // A worker module function that stops when the call times out.
 * export async function download(url: string): Promise<string> {
 *   const response = await fetch(url, { signal: callSignal() });
 *   return response.text();
 * }
 * ```
 */
export function callSignal(): AbortSignal | undefined {
  const store = (globalThis as Record<symbol, ContextStore | undefined>)[CALL_CONTEXT_KEY];
  return store?.getStore()?.signal;
}
