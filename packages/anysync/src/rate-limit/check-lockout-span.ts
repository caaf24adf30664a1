import { describeValue } from '../internal/describe-value.js';
import type { LockoutSpan } from './lockout-store.js';

/** Throws a TypeError naming the field unless `span` is `{ ms }` or `{ date }` with a finite number. */
export function checkLockoutSpan(span: LockoutSpan, caller: string): void {
  const value =
    typeof span === 'object' && span !== null
      ? 'ms' in span
        ? span.ms
        : (span as { date?: unknown }).date
      : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(
      `${caller}: the span must be { ms } or { date } with a finite number, got ${describeValue(span)}`,
    );
  }
}
