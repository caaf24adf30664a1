import { checkInteger } from '../internal/check-integer.js';
import { type AnyIterable, SourceReader } from './source-reader.js';

/**
 * The first `count` items of an (async) iterable; the source is closed as soon as they have been read
 * (or when the consumer stops earlier), so its cleanup runs at once.
 *
 * @example
 * ```ts
 * import { take } from 'anysync/iterate';
 *
 * async function* naturals() {
 *   try {
 *     for (let n = 0; ; n++) yield n;
 *   } finally {
 *     console.log('closed');
 *   }
 * }
 * for await (const n of take(naturals(), 3)) console.log(n); // 0, 1, 2, then 'closed'
 * ```
 */
export function take<T>(source: AnyIterable<T>, count: number): AsyncGenerator<T, void, undefined> {
  checkInteger(count, 'take(): count', 0, Number.POSITIVE_INFINITY);
  return takeFrom(new SourceReader(source, 'take(): source'), count);
}

async function* takeFrom<T>(reader: SourceReader<T>, count: number): AsyncGenerator<T, void, undefined> {
  try {
    for (let taken = 0; taken < count; taken++) {
      const step = await reader.next();
      if (step.done === true) return;
      yield step.value;
    }
  } finally {
    await reader.close();
  }
}
