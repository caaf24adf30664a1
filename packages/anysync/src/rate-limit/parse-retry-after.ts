import type { LockoutSpan } from './lockout-store.js';

/**
 * An HTTP `Retry-After` header as a lockout span: `{ ms }` for a number of seconds (`"120"`), `{ date }`
 * for an HTTP date (so a shared store can read it against its own clock); `undefined` when the header is
 * missing or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined): LockoutSpan | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return { ms: Number(text) * 1000 };
  if (!/[a-z]/i.test(text)) return undefined; // an HTTP date names its month; Date.parse('-5') would not
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : { date };
}
