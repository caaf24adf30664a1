/** Throws a TypeError unless `value` is a non-empty string. */
export function checkName(value: unknown, what: string, caller: string): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${caller}: ${what} must be a non-empty string, got ${String(value)}`);
  }
}

/** Throws a RangeError unless `value` is a finite number > 0 (and <= `max` when given). */
export function checkPositive(
  value: unknown,
  what: string,
  caller: string,
  max = Number.POSITIVE_INFINITY,
): void {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value) && value <= max)) {
    const bound = max === Number.POSITIVE_INFINITY ? '' : ` and <= ${max}`;
    throw new RangeError(`${caller}: ${what} must be a finite number > 0${bound}, got ${String(value)}`);
  }
}

/** The reply of a script as the list of strings it returned. */
export function replyList(reply: unknown, operation: string): string[] {
  if (!Array.isArray(reply))
    throw new TypeError(`${operation}: unexpected reply from Redis: ${String(reply)}`);
  return reply.map((item) => (typeof item === 'string' ? item : String(item)));
}
