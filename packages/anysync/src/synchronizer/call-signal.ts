/**
 * What the worker knows about the call it is running; kept in an `AsyncLocalStorage` set up by the worker.
 *
 * @example
 * ```ts
 * const context: CallContext = { signal: AbortSignal.timeout(1_000) };
 * ```
 */
export interface CallContext {
  readonly signal: AbortSignal;
}

interface ContextStore {
  getStore(): CallContext | undefined;
}

/** The worker installs its store here so any copy of anysync in the worker finds it. */
export const CALL_CONTEXT_KEY = Symbol.for('anysync.synchronizer.callContext');

/**
 * The `AbortSignal` of the synchronizer or pool call running on this worker, when that call can be
 * cancelled (it has a `timeout`, or a `signal` on the caller's side); `undefined` otherwise and outside
 * calls. It aborts when the caller's timeout expires or its signal aborts, with the reason as a
 * `TimeoutError` or the caller's abort reason, so worker code can stop the work instead of leaving it
 * running. It is tracked across `await`s. An `AbortSignal` passed as an argument arrives as the call's
 * signal too, whether or not the call can be cancelled.
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
