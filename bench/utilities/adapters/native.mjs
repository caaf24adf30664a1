// Hand-written baselines: what a careful programmer would write without a library.
import { Worker } from 'node:worker_threads';

// One cache per process, cleared between rounds, as an application keeps one.
let computed = 0;
const cache = new Map();
const double = (n) => {
  let promise = cache.get(n);
  if (promise === undefined) {
    computed++;
    promise = Promise.resolve(n * 2);
    cache.set(n, promise);
  }
  return promise;
};
const inflight = new Map();
const compute = async (n) => {
  computed++;
  await null;
  inflight.delete(n);
  return n * 2;
};
const doubleLater = (n) => {
  let promise = inflight.get(n);
  if (promise === undefined) {
    promise = compute(n);
    inflight.set(n, promise);
  }
  return promise;
};

export async function cacheHits({ calls, keys }) {
  computed = 0;
  cache.clear();
  for (let k = 0; k < keys; k++) await double(k);
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += await double(i % keys);
  return { sum, computed };
}

export async function inflightDedupe({ keys, callers }) {
  computed = 0;
  const pending = new Array(keys * callers);
  for (let c = 0, i = 0; c < callers; c++) for (let k = 0; k < keys; k++) pending[i++] = doubleLater(k);
  let sum = 0;
  for (const value of await Promise.all(pending)) sum += value;
  return { sum, computed };
}

/** The well-known Map trick: a Map iterates in insertion order, so re-inserting on use keeps recency. */
export async function lruMixed({ keys, max }) {
  const map = new Map();
  let hits = 0;
  for (const key of keys) {
    const value = map.get(key);
    if (value !== undefined) {
      hits++;
      map.delete(key);
      map.set(key, value);
    } else {
      map.set(key, key);
      if (map.size > max) map.delete(map.keys().next().value);
    }
  }
  return hits;
}

export async function lruHits({ entries, gets }) {
  const map = new Map();
  for (let i = 0; i < entries; i++) map.set(i, i);
  let sum = 0;
  for (let i = 0; i < gets; i++) {
    const key = i % entries;
    const value = map.get(key);
    map.delete(key);
    map.set(key, value);
    sum += value;
  }
  return sum;
}

/** A per-turn batcher: collect the keys of this turn, load them once on setImmediate. */
export async function batchLoad({ turns, keysPerTurn }) {
  let batches = 0;
  let keys = [];
  let resolvers = [];
  const flush = () => {
    batches++;
    const batch = keys;
    const callbacks = resolvers;
    keys = [];
    resolvers = [];
    for (let i = 0; i < batch.length; i++) callbacks[i](batch[i] * 3);
  };
  const load = (key) =>
    new Promise((resolve) => {
      if (keys.length === 0) setImmediate(flush);
      keys.push(key);
      resolvers.push(resolve);
    });
  let sum = 0;
  for (let turn = 0; turn < turns; turn++) {
    const pending = new Array(keysPerTurn);
    for (let k = 0; k < keysPerTurn; k++) pending[k] = load(k);
    for (const value of await Promise.all(pending)) sum += value;
  }
  return { batches, sum };
}

let consumer;
function portConsumer() {
  consumer ??= new Worker(new URL('../workers/port-consumer.mjs', import.meta.url));
  return consumer;
}

/** postMessage to a worker: the built-in way to move values between threads (no backpressure). */
async function transfer(items, make) {
  const worker = portConsumer();
  const sum = new Promise((resolve) => worker.once('message', resolve));
  for (let i = 0; i < items; i++) worker.postMessage(make(i));
  worker.postMessage(null);
  return sum;
}

export const queueObjects = ({ items }) => transfer(items, (i) => ({ i, name: 'item' }));
export const queueStrings = ({ items }) => transfer(items, (i) => `${i}`);

export async function close() {
  await consumer?.terminate();
}
