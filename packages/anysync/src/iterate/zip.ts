import { closeAll } from './merge.js';
import { type AnyIterable, SourceReader } from './source-reader.js';

/**
 * Tuples of the items of several (async) iterables read in step, until the shortest ends (then the others
 * are closed). The sources are read concurrently for each tuple.
 *
 * @example
 * ```ts
 * import { zip } from 'anysync/iterate';
 *
 * async function* letters() {
 *   yield* ['a', 'b', 'c'];
 * }
 * for await (const [n, letter] of zip([1, 2], letters())) console.log(n, letter); // 1 'a', then 2 'b'
 * ```
 */
export function zip<T extends unknown[]>(
  ...sources: { [K in keyof T]: AnyIterable<T[K]> }
): AsyncGenerator<T, void, undefined> {
  return zipped(
    (sources as AnyIterable<unknown>[]).map(
      (source, index) => new SourceReader(source, `zip(): sources[${index}]`),
    ),
  ) as AsyncGenerator<T, void, undefined>;
}

async function* zipped(readers: SourceReader<unknown>[]): AsyncGenerator<unknown[], void, undefined> {
  let failed = false;
  try {
    if (readers.length === 0) return;
    for (;;) {
      const steps = await Promise.all(readers.map((reader) => reader.next()));
      if (steps.some((step) => step.done === true)) return;
      yield steps.map((step) => step.value);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await closeAll(readers, failed, 'zip()');
  }
}
