import { checkErrorList } from '../internal/check-error-list.js';

function summary(errors: readonly unknown[]): string {
  const first = errors[0];
  const detail = first instanceof Error ? first.message : String(first);
  const count = errors.length === 1 ? '1 batch failed' : `${errors.length} batches failed`;
  return `${count}; first: ${detail}`;
}

/**
 * What `Batcher.stop()` throws when batches failed and no `onError` handler took their errors: an
 * `AggregateError` holding each failure in the order it happened, so none is lost silently.
 *
 * @example
 * ```ts
 * import { BatchError, Batcher } from 'anysync/batch';
 *
 * const batcher = new Batcher<number>({
 *   maxSize: 2,
 *   maxWait: 10,
 *   dispatch: async () => {
 *     throw new Error('database down');
 *   },
 * });
 * batcher.add(1);
 * batcher.add(2);
 * await batcher.stop().catch((error) => console.log(error instanceof BatchError, error.message));
 * // true '1 batch failed; first: database down'
 * ```
 */
export class BatchError extends AggregateError {
  constructor(errors: readonly unknown[]) {
    checkErrorList(errors, 'BatchError: errors');
    super(errors, summary(errors));
    this.name = 'BatchError';
  }
}
