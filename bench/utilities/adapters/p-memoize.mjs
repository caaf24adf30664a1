import pMemoize from 'p-memoize';

export async function cacheHits({ calls, keys }) {
  let computed = 0;
  const double = pMemoize(async (n) => {
    computed++;
    return n * 2;
  });
  for (let k = 0; k < keys; k++) await double(k);
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += await double(i % keys);
  return { sum, computed };
}

export async function inflightDedupe({ keys, callers }) {
  let computed = 0;
  const double = pMemoize(async (n) => {
    computed++;
    await null;
    return n * 2;
  });
  const pending = new Array(keys * callers);
  for (let c = 0, i = 0; c < callers; c++) for (let k = 0; k < keys; k++) pending[i++] = double(k);
  let sum = 0;
  for (const value of await Promise.all(pending)) sum += value;
  return { sum, computed };
}
