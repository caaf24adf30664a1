/**
 * `anysync/iterate`: tools for async iterables (aioitertools and async-utils' `merge_gens`): `map` and
 * `filter` with a concurrency limit, ordered or not; `take`; `batch` by size or time; `merge`; `zip`;
 * `tee`; `buffer`. Each accepts sync or async iterables, holds a bounded number of items, and closes its
 * sources when the consumer stops early or something fails, so their `finally` blocks run.
 * Browser-safe.
 *
 * @module
 */
export { type BatchOptions, batch } from './batch.js';
export { buffer } from './buffer.js';
export { filter } from './filter.js';
export { type MapOptions, map } from './map.js';
export { merge } from './merge.js';
export type { AnyIterable } from './source-reader.js';
export { take } from './take.js';
export { tee } from './tee.js';
export { zip } from './zip.js';
