import DataLoader from 'dataloader';

// cache: false: DataLoader then shares nothing, not even a key requested twice in one batch, like
// BatchLoader with `dedupe: false` (the like-for-like pairing). `dataloader-dedupe` pairs with the default.
export async function batchLoad({ turns, keysPerTurn }) {
  let batches = 0;
  const loader = new DataLoader(
    async (keys) => {
      batches++;
      return keys.map((key) => key * 3);
    },
    { cache: false },
  );
  let sum = 0;
  for (let turn = 0; turn < turns; turn++) {
    const pending = new Array(keysPerTurn);
    for (let k = 0; k < keysPerTurn; k++) pending[k] = loader.load(k);
    for (const value of await Promise.all(pending)) sum += value;
  }
  return { batches, sum };
}
