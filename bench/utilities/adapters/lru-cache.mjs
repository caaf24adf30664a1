import { LRUCache } from 'lru-cache';

// One cache per process, cleared between rounds, as an application keeps one.
let computed = 0;
const doubles = new LRUCache({
  max: 1000,
  fetchMethod: async (n) => {
    computed++;
    return n * 2;
  },
});
const laterDoubles = new LRUCache({
  max: 1000,
  fetchMethod: async (n) => {
    computed++;
    await null;
    return n * 2;
  },
});

export async function cacheHits({ calls, keys }) {
  computed = 0;
  doubles.clear();
  for (let k = 0; k < keys; k++) await doubles.fetch(k);
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += await doubles.fetch(i % keys);
  return { sum, computed };
}

export async function inflightDedupe({ keys, callers }) {
  computed = 0;
  laterDoubles.clear();
  const pending = new Array(keys * callers);
  for (let c = 0, i = 0; c < callers; c++)
    for (let k = 0; k < keys; k++) pending[i++] = laterDoubles.fetch(k);
  let sum = 0;
  for (const value of await Promise.all(pending)) sum += value;
  return { sum, computed };
}

export async function lruMixed({ keys, max }) {
  const map = new LRUCache({ max });
  let hits = 0;
  for (const key of keys) {
    if (map.get(key) !== undefined) hits++;
    else map.set(key, key);
  }
  return hits;
}

export async function lruHits({ entries, gets }) {
  const map = new LRUCache({ max: entries });
  for (let i = 0; i < entries; i++) map.set(i, i);
  let sum = 0;
  for (let i = 0; i < gets; i++) sum += map.get(i % entries);
  return sum;
}
