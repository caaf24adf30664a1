import { checkInteger } from '../internal/check-integer.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkOneOf } from '../internal/check-one-of.js';
import type { AsyncCacheOptions } from './async-cache.js';

/** The most entries an `LruMap` (and so a cache) holds: its links are 32-bit. */
export const MAX_ENTRIES = 2 ** 31 - 2;

/** The options `AsyncCache`, `memoize` and `memoizeLazy` share, named after whichever was called. */
export function checkCacheOptions(options: AsyncCacheOptions | undefined, label: string): void {
  if (options === undefined) return;
  if (options.max !== undefined) checkInteger(options.max, `${label}: max`, 1, MAX_ENTRIES);
  if (options.ttl !== undefined) checkMilliseconds(options.ttl, `${label}: ttl`, true);
  checkOneOf(options.errors, `${label}: errors`, ['evict', 'keep']);
}
