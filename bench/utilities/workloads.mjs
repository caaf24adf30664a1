// The workloads every adapter of bench/utilities runs. Each returns what it did so the harness can check
// the adapter really did the work (a fast wrong answer must not win). `ops` is what a "per operation"
// figure divides by.

/** A deterministic key sequence (a linear congruential generator), skewed so some keys are hot. */
function keySequence(count, range, seed) {
  const keys = new Array(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const uniform = state / 2 ** 32;
    keys[i] = Math.floor(range * uniform * uniform); // squared: low keys are hotter
  }
  return keys;
}

/** Hits a reference LRU (a Map kept in recency order) would have on `keys`, setting on every miss. */
function referenceHits(keys, max) {
  const map = new Map();
  let hits = 0;
  for (const key of keys) {
    if (map.has(key)) {
      hits++;
      const value = map.get(key);
      map.delete(key);
      map.set(key, value);
    } else {
      map.set(key, key);
      if (map.size > max) map.delete(map.keys().next().value);
    }
  }
  return hits;
}

const lruKeys = keySequence(200_000, 40_000, 42);
const lruMax = 10_000;
const lruExpectedHits = referenceHits(lruKeys, lruMax);

export const workloads = {
  'cache-hits': {
    title: 'Memoized async function, cache hits (100 000 calls over 1 000 warm keys)',
    method: 'cacheHits',
    ops: 100_000,
    params: { calls: 100_000, keys: 1000 },
    validate: (result) =>
      result.sum === (100_000 / 1000) * ((999 * 1000) / 2) * 2 && result.computed === 1000,
  },
  'inflight-dedupe': {
    title:
      'Memoized async function, concurrent misses (1 000 keys x 100 callers each, one computation per key)',
    method: 'inflightDedupe',
    ops: 100_000,
    params: { keys: 1000, callers: 100 },
    validate: (result) => result.computed === 1000 && result.sum === 100 * ((999 * 1000) / 2) * 2,
  },
  'lru-mixed': {
    title: 'LRU map get, set on miss (200 000 skewed keys over 40 000, max 10 000)',
    method: 'lruMixed',
    ops: 200_000,
    params: { keys: lruKeys, max: lruMax },
    validate: (hits) => hits === lruExpectedHits,
  },
  'lru-hits': {
    title: 'LRU map get, every key present (200 000 gets, 10 000 entries)',
    method: 'lruHits',
    ops: 200_000,
    params: { entries: 10_000, gets: 200_000 },
    validate: (sum) => sum === 20 * ((9999 * 10_000) / 2),
  },
  'batch-load': {
    title: 'Batched loads (100 000 load() calls, 1 000 distinct keys per turn of the event loop)',
    method: 'batchLoad',
    ops: 100_000,
    params: { turns: 100, keysPerTurn: 1000 },
    validate: (result) => result.batches === 100 && result.sum === 100 * ((999 * 1000) / 2) * 3,
  },
  'rate-open': {
    title: 'Rate-limited calls, limit never reached (20 000 concurrent calls, 10^9 per second)',
    method: 'rateOpen',
    ops: 20_000,
    params: { calls: 20_000, limit: 1e9, interval: 1000 },
    validate: (count) => count === 20_000,
  },
  'rate-open-2k': {
    // 2 000 calls, not more: Bottleneck takes milliseconds per call even with no limit set.
    title: 'Rate-limited calls, limit never reached, with Bottleneck (2 000 concurrent calls)',
    method: 'rateOpen',
    ops: 2000,
    params: { calls: 2000, limit: 1e9, interval: 1000 },
    validate: (count) => count === 2000,
  },
  'rate-saturated': {
    title:
      'Rate-limited calls, limit binding (20 callers x 100 sequential calls at 100 per 10 ms: ideal 190 ms, 95 µs per call)',
    method: 'rateSaturated',
    ops: 2000,
    params: { callers: 20, calls: 100, limit: 100, interval: 10 },
    // How well each respects the limit is reported (max admitted in any window), not enforced: Bottleneck's
    // reservoir refreshes on fixed windows, which admit up to twice the limit across a boundary.
    validate: (result) => result.count === 2000,
  },
  'queue-objects': {
    title: 'Queue between two threads, main thread to worker (100 000 small objects)',
    method: 'queueObjects',
    ops: 100_000,
    params: { items: 100_000 },
    validate: (sum) => sum === (100_000 * 99_999) / 2,
  },
  'queue-strings': {
    title: 'Queue between two threads, main thread to worker (100 000 short strings)',
    method: 'queueStrings',
    ops: 100_000,
    params: { items: 100_000 },
    validate: (sum) => sum === (100_000 * 99_999) / 2,
  },
};

/** Which adapters run each workload, in table order. */
export const lineup = {
  'cache-hits': ['anysync', 'p-memoize', 'lru-cache', 'native'],
  'inflight-dedupe': ['anysync', 'p-memoize', 'lru-cache', 'native'],
  'lru-mixed': ['anysync', 'lru-cache', 'native'],
  'lru-hits': ['anysync', 'lru-cache', 'native'],
  'batch-load': ['anysync', 'anysync-no-dedupe', 'dataloader-dedupe', 'dataloader', 'native'],
  'rate-open': ['anysync', 'p-throttle'],
  'rate-open-2k': ['anysync', 'p-throttle', 'bottleneck'],
  'rate-saturated': ['anysync', 'p-throttle', 'bottleneck'],
  'queue-objects': ['anysync', 'native'],
  'queue-strings': ['anysync', 'native'],
};
