import { invalidArgument } from './invalid-argument.js';

const NativeSignal: (abstract new () => AbortSignal) | undefined = globalThis.AbortSignal;

/** A signal from another realm (a vm context, an iframe, a polyfill) has the same shape, not the class. */
function looksLikeSignal(value: object): boolean {
  const candidate = value as { aborted?: unknown; addEventListener?: unknown; removeEventListener?: unknown };
  return (
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function' &&
    typeof candidate.removeEventListener === 'function'
  );
}

/** Whether `value` is an `AbortSignal`, of this realm or another. */
export function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    (NativeSignal !== undefined && value instanceof NativeSignal) ||
    (typeof value === 'object' && value !== null && looksLikeSignal(value))
  );
}

/**
 * An `AbortSignal` or `undefined`. Anything else would be read as "not aborted" on a fast path and fail
 * only once the call had to wait, so it is refused at once.
 */
export function checkSignal(value: unknown, label: string): AbortSignal | undefined {
  if (value === undefined || isAbortSignal(value)) return value;
  throw invalidArgument('type', label, 'an AbortSignal or undefined', value);
}
