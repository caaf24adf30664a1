import { Deque } from '../internal/deque.js';
import { type AnyIterable, SourceReader } from './source-reader.js';

type Arrival<T> =
  | { readonly reader: SourceReader<T>; readonly step: IteratorResult<T> }
  | { readonly reader: SourceReader<T>; readonly error: unknown };

/**
 * Interleaves several (async) iterables, yielding items as they arrive. Each source is read one item
 * ahead at most: it is asked for its next item only after the consumer took the previous one. When a
 * source fails, the others are closed and the error is thrown; when the consumer stops early, every source
 * is closed (a source waiting on its next item is closed once that item arrives, without blocking the
 * consumer). Errors raised while closing are thrown as an `AggregateError` if nothing else was.
 *
 * @example
 * ```ts
 * import { merge } from 'anysync/iterate';
 *
 * async function* every(ms: number, label: string) {
 *   for (let i = 0; i < 2; i++) {
 *     await new Promise((resolve) => setTimeout(resolve, ms));
 *     yield `${label}${i}`;
 *   }
 * }
 * for await (const event of merge(every(10, 'fast'), every(25, 'slow'))) console.log(event);
 * // fast0, fast1, slow0, slow1
 * ```
 */
export function merge<T>(...sources: AnyIterable<T>[]): AsyncGenerator<T, void, undefined> {
  return merged(sources.map((source, index) => new SourceReader(source, `merge(): sources[${index}]`)));
}

async function* merged<T>(readers: SourceReader<T>[]): AsyncGenerator<T, void, undefined> {
  const arrivals = new Deque<Arrival<T>>();
  let wake: (() => void) | undefined;
  const arrive = (arrival: Arrival<T>): void => {
    arrivals.push(arrival);
    wake?.();
  };
  const pull = (reader: SourceReader<T>): void => {
    reader.next().then(
      (step) => arrive({ reader, step }),
      (error: unknown) => arrive({ reader, error }),
    );
  };
  let active = readers.length;
  let failed = false;
  try {
    for (const reader of readers) pull(reader);
    while (active > 0) {
      const arrival = arrivals.shift();
      if (arrival === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if ('error' in arrival) throw arrival.error;
      if (arrival.step.done === true) {
        active--;
        continue;
      }
      yield arrival.step.value;
      pull(arrival.reader);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await closeAll(readers, failed, 'merge()');
  }
}

/** Closes every reader; close errors are thrown together unless the iteration is already throwing. */
export async function closeAll(
  readers: SourceReader<unknown>[],
  failed: boolean,
  what: string,
): Promise<void> {
  const outcomes = await Promise.allSettled(readers.map((reader) => reader.close()));
  const errors = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
  if (errors.length > 0 && !failed) throw new AggregateError(errors, `${what}: closing the sources failed`);
}
