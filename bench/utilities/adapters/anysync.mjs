import { Worker } from 'node:worker_threads';
import { BatchLoader } from 'anysync/batch';
import { LruMap, memoize } from 'anysync/cache';
import { DualQueue } from 'anysync/dual-queue';
import { RateLimiter } from 'anysync/rate-limit';
import { maxInWindow } from '../rate-window.mjs';

// One memoized function per process, cleared between rounds, as an application keeps one.
let computed = 0;
const double = memoize(async (n) => {
  computed++;
  return n * 2;
});
const doubleLater = memoize(async (n) => {
  computed++;
  await null;
  return n * 2;
});

export async function cacheHits({ calls, keys }) {
  computed = 0;
  double.cache.clear();
  for (let k = 0; k < keys; k++) await double(k);
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += await double(i % keys);
  return { sum, computed };
}

export async function inflightDedupe({ keys, callers }) {
  computed = 0;
  doubleLater.cache.clear();
  const pending = new Array(keys * callers);
  for (let c = 0, i = 0; c < callers; c++) for (let k = 0; k < keys; k++) pending[i++] = doubleLater(k);
  let sum = 0;
  for (const value of await Promise.all(pending)) sum += value;
  return { sum, computed };
}

export async function lruMixed({ keys, max }) {
  const map = new LruMap(max);
  let hits = 0;
  for (const key of keys) {
    if (map.get(key) !== undefined) hits++;
    else map.set(key, key);
  }
  return hits;
}

export async function lruHits({ entries, gets }) {
  const map = new LruMap(entries);
  for (let i = 0; i < entries; i++) map.set(i, i);
  let sum = 0;
  for (let i = 0; i < gets; i++) sum += map.get(i % entries);
  return sum;
}

export async function batchLoad({ turns, keysPerTurn }, dedupe = true) {
  let batches = 0;
  const loader = new BatchLoader({
    dedupe,
    load: async (keys) => {
      batches++;
      return keys.map((key) => key * 3);
    },
  });
  let sum = 0;
  for (let turn = 0; turn < turns; turn++) {
    const pending = new Array(keysPerTurn);
    for (let k = 0; k < keysPerTurn; k++) pending[k] = loader.load(k);
    for (const value of await Promise.all(pending)) sum += value;
  }
  return { batches, sum };
}

export async function rateOpen({ calls, limit, interval }) {
  const limiter = new RateLimiter({ limit, interval });
  let count = 0;
  const call = limiter.wrap(async () => {
    count++;
  });
  const pending = new Array(calls);
  for (let i = 0; i < calls; i++) pending[i] = call();
  await Promise.all(pending);
  return count;
}

export async function rateSaturated({ callers, calls, limit, interval }) {
  const limiter = new RateLimiter({ limit, interval });
  const times = [];
  const call = limiter.wrap(async () => {
    times.push(performance.now());
  });
  // Each caller makes its calls one after another, so a call runs as soon as it is admitted.
  const caller = async () => {
    for (let i = 0; i < calls; i++) await call();
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return { count: times.length, maxInWindow: maxInWindow(times, interval) };
}

let consumer;
let queue;
function queueAndConsumer() {
  if (consumer === undefined) {
    queue = new DualQueue({ maxItems: 1024 });
    consumer = new Worker(new URL('../workers/dual-queue-consumer.mjs', import.meta.url), {
      workerData: queue.handle,
    });
  }
  return { queue, consumer };
}

async function transfer(items, make) {
  const { queue, consumer } = queueAndConsumer();
  const sum = new Promise((resolve) => consumer.once('message', resolve));
  for (let i = 0; i < items; i++) await queue.put(make(i));
  await queue.put(null); // end of this round
  return sum;
}

export const queueObjects = ({ items }) => transfer(items, (i) => ({ i, name: 'item' }));
export const queueStrings = ({ items }) => transfer(items, (i) => `${i}`);

export async function close() {
  queue?.close();
  await consumer?.terminate();
}
