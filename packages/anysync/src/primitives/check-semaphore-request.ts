import { describeValue } from '../internal/describe-value.js';
import type { SemaphoreRequest } from './semaphore-store.js';

function finitePositive(value: unknown): boolean {
  return typeof value === 'number' && value > 0 && Number.isFinite(value);
}

/** Throws a TypeError or RangeError naming the field when `request` is not one a store can answer. */
export function checkSemaphoreRequest(request: SemaphoreRequest, caller: string): void {
  if (typeof request !== 'object' || request === null) {
    throw new TypeError(`${caller}: the request must be an object, got ${describeValue(request)}`);
  }
  if (typeof request.token !== 'string' || request.token === '') {
    throw new TypeError(`${caller}: token must be a non-empty string, got ${describeValue(request.token)}`);
  }
  if (!finitePositive(request.permits)) {
    throw new RangeError(
      `${caller}: permits must be a finite number > 0, got ${describeValue(request.permits)}`,
    );
  }
  if (!finitePositive(request.weight) || request.weight > request.permits) {
    throw new RangeError(
      `${caller}: weight must be a number > 0 and <= permits (${request.permits}), got ${describeValue(request.weight)}`,
    );
  }
  if (!finitePositive(request.leaseMs)) {
    throw new RangeError(
      `${caller}: leaseMs must be a finite number > 0, got ${describeValue(request.leaseMs)}`,
    );
  }
}
