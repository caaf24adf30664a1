import pMemoize, { pMemoizeClear } from 'p-memoize';

// One memoized function per process, cleared between rounds, as an application keeps one.
let computed = 0;
const double = pMemoize(async (n) => {
  computed++;
  return n * 2;
});
const doubleLater = pMemoize(async (n) => {
  computed++;
  await null;
  return n * 2;
});

export async function cacheHits({ calls, keys }) {
  computed = 0;
  pMemoizeClear(double);
  for (let k = 0; k < keys; k++) await double(k);
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += await double(i % keys);
  return { sum, computed };
}

export async function inflightDedupe({ keys, callers }) {
  computed = 0;
  pMemoizeClear(doubleLater);
  const pending = new Array(keys * callers);
  for (let c = 0, i = 0; c < callers; c++) for (let k = 0; k < keys; k++) pending[i++] = doubleLater(k);
  let sum = 0;
  for (const value of await Promise.all(pending)) sum += value;
  return { sum, computed };
}
