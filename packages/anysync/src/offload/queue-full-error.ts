import { checkCallOptions } from '../internal/check-options.js';
import { checkOptionalString } from '../internal/check-string.js';

/**
 * A task was refused because the pool's queue already holds `maxQueue` tasks waiting for a worker.
 *
 * @example
 * ```ts
 * import { QueueFullError, WorkerPool } from 'anysync/offload';
 *
 * const pool = new WorkerPool({ size: 1, maxQueue: 10 });
 * const heavy = await pool.load<typeof import('./heavy.js')>(new URL('./heavy.js', import.meta.url));
 * try {
 *   await Promise.all(Array.from({ length: 100 }, (_, i) => heavy.hash(i)));
 * } catch (error) {
 *   console.log(error instanceof QueueFullError); // true
 * }
 * ```
 */
export class QueueFullError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    checkOptionalString(message, 'QueueFullError: message');
    checkCallOptions(options, 'QueueFullError');
    super(message, options);
  }

  static {
    QueueFullError.prototype.name = 'QueueFullError';
  }
}
