import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkOptions } from '../internal/check-options.js';
import { currentClock } from '../internal/clock.js';
import { type AnyIterable, SourceReader } from './source-reader.js';

/**
 * Options of {@link batch}: a batch is yielded when it holds `size` items or `maxWait` milliseconds after
 * its first item, whichever comes first. At least one of the two is required.
 *
 * @example
 * ```ts
 * import { batch, type BatchOptions } from 'anysync/iterate';
 *
 * const options: BatchOptions = { size: 100, maxWait: 250 };
 * for await (const rows of batch([1, 2, 3], options)) console.log(rows); // [1, 2, 3]
 * ```
 */
export interface BatchOptions {
  /** Yield once a batch has this many items (default: no limit). */
  readonly size?: number | undefined;
  /** Yield at the latest this many milliseconds after the batch's first item (default: no limit). */
  readonly maxWait?: number | undefined;
}

const EXPIRED: unique symbol = Symbol('expired');

/**
 * Groups the items of an (async) iterable into arrays, by size or by time: a batch is yielded when it
 * holds `size` items, or `maxWait` ms after its first item arrived, whichever comes first (a slow source
 * does not hold a partial batch back), and the last, partial batch when the source ends. Time is
 * anysync's clock. The source is closed when the consumer stops early.
 *
 * @example
 * ```ts
 * import { batch } from 'anysync/iterate';
 *
 * async function* ticks() {
 *   for (let i = 1; i <= 5; i++) {
 *     await new Promise((resolve) => setTimeout(resolve, i === 4 ? 100 : 1));
 *     yield i;
 *   }
 * }
 * for await (const group of batch(ticks(), { size: 2, maxWait: 50 })) console.log(group);
 * // [1, 2], [3] (50 ms passed), [4, 5]
 * ```
 */
export function batch<T>(
  source: AnyIterable<T>,
  options: BatchOptions,
): AsyncGenerator<T[], void, undefined> {
  checkOptions(options, 'batch()', ['size', 'maxWait'], '{ size, maxWait }');
  const size = checkInteger(
    options.size ?? Number.POSITIVE_INFINITY,
    'batch(): size',
    1,
    Number.POSITIVE_INFINITY,
  );
  const maxWait = checkMilliseconds(options.maxWait ?? Number.POSITIVE_INFINITY, 'batch(): maxWait', true);
  if (size === Number.POSITIVE_INFINITY && maxWait === Number.POSITIVE_INFINITY) {
    throw new TypeError('batch(): give a size, a maxWait, or both; without either a batch would never end');
  }
  return batches(new SourceReader(source, 'batch(): source'), size, maxWait);
}

async function* batches<T>(
  reader: SourceReader<T>,
  size: number,
  maxWait: number,
): AsyncGenerator<T[], void, undefined> {
  let items: T[] = [];
  let deadline = 0;
  try {
    for (;;) {
      const next = reader.next();
      const step =
        items.length > 0 && maxWait !== Number.POSITIVE_INFINITY
          ? await beforeDeadline(next, deadline)
          : await next;
      if (step === EXPIRED) {
        const full = items;
        items = [];
        yield full;
        continue;
      }
      if (step.done === true) break;
      if (items.length === 0) deadline = currentClock().now() + maxWait;
      items.push(step.value);
      if (items.length >= size) {
        const full = items;
        items = [];
        yield full;
      }
    }
    if (items.length > 0) yield items;
  } finally {
    await reader.close();
  }
}

/** The step, or EXPIRED if `deadline` comes first (the step stays pending in the reader for next time). */
async function beforeDeadline<T>(
  next: Promise<IteratorResult<T>>,
  deadline: number,
): Promise<IteratorResult<T> | typeof EXPIRED> {
  const clock = currentClock();
  let timer: unknown;
  const expired = new Promise<typeof EXPIRED>((resolve) => {
    timer = clock.setTimer(() => resolve(EXPIRED), deadline - clock.now());
  });
  try {
    return await Promise.race([next, expired]);
  } finally {
    clock.clearTimer(timer);
  }
}
