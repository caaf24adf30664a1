import { checkInteger } from '../internal/check-integer.js';
import { Deque } from '../internal/deque.js';
import { type AnyIterable, SourceReader } from './source-reader.js';

/**
 * Reads an (async) iterable ahead of its consumer, keeping up to `size` items ready, so a slow producer
 * and a slow consumer work at the same time instead of taking turns. Reading starts with the first
 * `next()`. A source error is thrown after the items read before it; when the consumer stops early, the
 * source is closed and the items read ahead are dropped.
 *
 * @example
 * ```ts
 * import { buffer } from 'anysync/iterate';
 *
 * async function* pages() {
 *   for (let page = 1; page <= 3; page++) {
 *     await new Promise((resolve) => setTimeout(resolve, 20)); // the network
 *     yield `page ${page}`;
 *   }
 * }
 * for await (const page of buffer(pages(), 2)) {
 *   await new Promise((resolve) => setTimeout(resolve, 20)); // processing overlaps the next download
 *   console.log(page);
 * }
 * ```
 */
export function buffer<T>(source: AnyIterable<T>, size: number): AsyncGenerator<T, void, undefined> {
  checkInteger(size, 'buffer(): size', 1, Number.POSITIVE_INFINITY);
  return readAhead(new SourceReader(source, 'buffer(): source'), size);
}

async function* readAhead<T>(reader: SourceReader<T>, size: number): AsyncGenerator<T, void, undefined> {
  const items = new Deque<T>();
  let reading = false;
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const fill = (): void => {
    if (reading || ended || failure !== undefined || items.length >= size) return;
    reading = true;
    reader.next().then(
      (step) => {
        reading = false;
        if (step.done === true) ended = true;
        else items.push(step.value);
        fill();
        notify();
      },
      (error: unknown) => {
        reading = false;
        failure = { error };
        notify();
      },
    );
  };
  try {
    for (;;) {
      fill();
      if (items.length > 0) {
        const item = items.shift() as T;
        fill();
        yield item;
        continue;
      }
      if (failure !== undefined) throw failure.error;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await reader.close();
  }
}
