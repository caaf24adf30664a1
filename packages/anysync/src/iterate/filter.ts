import { checkFunction } from '../internal/check-function.js';
import { MapPool } from './map-pool.js';
import { type MapOptions, poolOptions } from './map.js';
import { type AnyIterable, SourceReader } from './source-reader.js';

const SKIP: unique symbol = Symbol('skip');

/**
 * Keeps the items of an (async) iterable for which an (async) predicate holds, with up to `concurrency`
 * predicates in progress, in input order or (`ordered: false`) as they complete. Failure, early exit and
 * closing behave as in `map`.
 *
 * @example
 * ```ts
 * import { filter } from 'anysync/iterate';
 *
 * const isReachable = async (host: string) => !host.endsWith('.invalid');
 * const hosts = ['example.com', 'nowhere.invalid', 'example.org'];
 * for await (const host of filter(hosts, isReachable, { concurrency: 3 })) console.log(host);
 * // example.com, example.org
 * ```
 */
export function filter<T>(
  source: AnyIterable<T>,
  predicate: (item: T, index: number, signal: AbortSignal) => boolean | PromiseLike<boolean>,
  options?: MapOptions,
): AsyncGenerator<T, void, undefined> {
  checkFunction(predicate, 'filter(): predicate');
  const settings = poolOptions(options, 'filter()');
  const reader = new SourceReader(source, 'filter(): source');
  const keepOrSkip = async (item: T, index: number, signal: AbortSignal): Promise<T | typeof SKIP> =>
    (await predicate(item, index, signal)) ? item : SKIP;
  return kept(new MapPool(reader, keepOrSkip, settings).results());
}

async function* kept<T>(
  results: AsyncGenerator<T | typeof SKIP, void, undefined>,
): AsyncGenerator<T, void, undefined> {
  for await (const item of results) if (item !== SKIP) yield item;
}
