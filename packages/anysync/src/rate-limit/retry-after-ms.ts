/**
 * Milliseconds to wait according to an HTTP `Retry-After` header: a number of seconds (`"120"`), or an
 * HTTP date, read against `dateNow` (epoch ms). `undefined` when the header is missing or unreadable; a
 * date in the past gives 0.
 */
export function retryAfterMs(header: string | null | undefined, dateNow: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined; // an HTTP date names its month; Date.parse('-5') would not
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - dateNow);
}
