import DataLoader from 'dataloader';

// DataLoader sharing a key requested twice in one batch, as BatchLoader does by default: DataLoader does
// that through its cache, so the cache is on and cleared after each batch (BatchLoader keeps nothing
// across batches). The `dataloader` adapter (`cache: false`) shares nothing, like `dedupe: false`.
export async function batchLoad({ turns, keysPerTurn }) {
  let batches = 0;
  const loader = new DataLoader(async (keys) => {
    batches++;
    return keys.map((key) => key * 3);
  });
  let sum = 0;
  for (let turn = 0; turn < turns; turn++) {
    const pending = new Array(keysPerTurn);
    for (let k = 0; k < keysPerTurn; k++) pending[k] = loader.load(k);
    for (const value of await Promise.all(pending)) sum += value;
    loader.clearAll();
  }
  return { batches, sum };
}
