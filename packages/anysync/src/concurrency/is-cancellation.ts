import { CancelledError } from './cancelled-error.js';

function isAbortError(error: unknown): error is { name: string; cause?: unknown } {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Whether `error` means "this work was cancelled" rather than "this work failed": a {@link CancelledError},
 * or any error named `'AbortError'` (the DOMException from `fetch`, Node's `AbortError`). Use it in a catch
 * block to let cancellation through while handling real failures.
 *
 * @example
 * ```ts
 * import { isCancellation } from 'anysync/concurrency';
 *
 * async function fetchOrNull(url: string, signal: AbortSignal) {
 *   try {
 *     return await fetch(url, { signal });
 *   } catch (error) {
 *     if (isCancellation(error)) throw error; // never swallow a cancellation
 *     return null;
 *   }
 * }
 * ```
 */
export function isCancellation(error: unknown): boolean {
  return error instanceof CancelledError || isAbortError(error);
}

/**
 * Whether `error` is the cancellation `reason` itself, or an `AbortError` wrapping it as its `cause` (how
 * Node's own APIs, such as `timers/promises`, report an aborted signal).
 */
export function isCancellationBy(error: unknown, reason: unknown): boolean {
  return error === reason || (isAbortError(error) && error.cause === reason);
}
