import { describeValue } from '../internal/describe-value.js';
import type { RateLimitRequest } from './rate-limit-store.js';

const ALGORITHMS = new Set(['sliding-log', 'sliding-counter', 'gcra']);

function finitePositive(value: unknown): boolean {
  return typeof value === 'number' && value > 0 && Number.isFinite(value);
}

/** Throws a TypeError or RangeError naming the field when `request` is not one a store can answer. */
export function checkRateLimitRequest(request: RateLimitRequest, caller: string): void {
  if (typeof request !== 'object' || request === null) {
    throw new TypeError(`${caller}: the request must be an object, got ${describeValue(request)}`);
  }
  if (!ALGORITHMS.has(request.algorithm)) {
    throw new RangeError(
      `${caller}: algorithm must be 'sliding-log', 'sliding-counter' or 'gcra', got ${describeValue(request.algorithm)}`,
    );
  }
  if (!finitePositive(request.limit)) {
    throw new RangeError(`${caller}: limit must be a finite number > 0, got ${describeValue(request.limit)}`);
  }
  if (!finitePositive(request.interval)) {
    throw new RangeError(
      `${caller}: interval must be a finite number > 0, got ${describeValue(request.interval)}`,
    );
  }
  if (!finitePositive(request.weight) || request.weight > request.limit) {
    throw new RangeError(
      `${caller}: weight must be a number > 0 and <= the limit (${request.limit}), got ${describeValue(request.weight)}`,
    );
  }
}
