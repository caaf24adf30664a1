import { checkOptionalBoolean } from '../internal/check-boolean.js';
import { checkFunction } from '../internal/check-function.js';
import { checkInteger } from '../internal/check-integer.js';
import { checkOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import { MapPool } from './map-pool.js';
import { type AnyIterable, SourceReader } from './source-reader.js';

/**
 * Options of {@link map} and `filter`.
 *
 * @example
 * ```ts
 * import { map, type MapOptions } from 'anysync/iterate';
 *
 * const options: MapOptions = { concurrency: 8, ordered: false, signal: AbortSignal.timeout(10_000) };
 * for await (const size of map(['a', 'bb'], async (s) => s.length, options)) console.log(size);
 * ```
 */
export interface MapOptions {
  /** How many items may be in progress at once, counting results not yet consumed (default 1: on demand). */
  readonly concurrency?: number | undefined;
  /** Yield results in input order (default) or as they complete (`false`). */
  readonly ordered?: boolean | undefined;
  /** Stops the iteration, aborting the calls in progress. */
  readonly signal?: AbortSignal | undefined;
}

/** Validates the options shared by `map` and `filter`. */
export function poolOptions(options: MapOptions | undefined, what: string) {
  checkOptions(options, what, ['concurrency', 'ordered', 'signal']);
  const limit = checkInteger(options?.concurrency ?? 1, `${what}: concurrency`, 1, Number.POSITIVE_INFINITY);
  const ordered = checkOptionalBoolean(options?.ordered, `${what}: ordered`) !== false;
  return { limit, ordered, signal: checkSignal(options?.signal, `${what}: signal`) };
}

/**
 * Maps an (async) iterable through an async function, with up to `concurrency` items in progress, in
 * input order or (`ordered: false`) as they complete. `fn` receives the item, its index and a signal that
 * aborts when the iteration ends early or fails. The first failure stops the pulling and is thrown once
 * the calls in progress have settled; when the consumer stops early (`break`, `return`, a throw), the
 * calls in progress are aborted and awaited and the source is closed. At most `concurrency` items are
 * held at any time, so a slow consumer slows the source down instead of filling memory.
 *
 * @example
 * ```ts
 * import { map } from 'anysync/iterate';
 *
 * async function* ids() {
 *   yield* [1, 2, 3, 4];
 * }
 * const fetchName = async (id: number) => `user ${id}`;
 * for await (const name of map(ids(), fetchName, { concurrency: 2 })) console.log(name); // user 1 … user 4
 * ```
 */
export function map<T, R>(
  source: AnyIterable<T>,
  fn: (item: T, index: number, signal: AbortSignal) => R | PromiseLike<R>,
  options?: MapOptions,
): AsyncGenerator<Awaited<R>, void, undefined> {
  checkFunction(fn, 'map(): fn');
  const settings = poolOptions(options, 'map()');
  const reader = new SourceReader(source, 'map(): source');
  return new MapPool<T, Awaited<R>>(reader, fn as never, settings).results();
}
