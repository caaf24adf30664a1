const EMPTY = -(2 ** 31);
/** Reused by every batch (batches go out one at a time, synchronously): open addressing over int32 keys. */
let table = new Int32Array(0);

/**
 * Whether an integer key repeats in `keys`, with a hash table in a typed array reused across batches
 * (no allocation, no rehashing as it fills); `undefined` as soon as a key is not an int32, for the
 * general case. Integer ids are the common keys of a batch loader, and a `Set` of them costs several
 * times more here, for the growth of its table.
 */
function integerRepeats(keys: readonly unknown[]): boolean | undefined {
  const count = keys.length;
  let bits = 4;
  while (1 << bits < count * 2) bits++;
  const size = 1 << bits;
  if (table.length < size) table = new Int32Array(size);
  const slots = table;
  slots.fill(EMPTY, 0, size);
  const mask = size - 1;
  const shift = 32 - bits;
  for (let i = 0; i < count; i++) {
    const key = keys[i];
    if (typeof key !== 'number' || (key | 0) !== key || key === EMPTY) return undefined;
    // Fibonacci hashing: the top bits of key x 2^32/phi spread consecutive ids across the table.
    let slot = Math.imul(key, 0x9e3779b1) >>> shift;
    for (;;) {
      const held = slots[slot] as number;
      if (held === EMPTY) {
        slots[slot] = key;
        break;
      }
      if (held === key) return true;
      slot = (slot + 1) & mask;
    }
  }
  return false;
}

/**
 * When some key of `keys` repeats (SameValueZero, as a Map compares), where each request's key lands among
 * the distinct keys (first occurrences, in order); `undefined` when every key is distinct, the common
 * case, found without a per-key allocation.
 */
export function routeRepeats<K>(keys: K[]): Int32Array | undefined {
  // The Set constructor adds an array's items in one built-in call, cheaper than a loop of add() calls.
  const repeats = integerRepeats(keys) ?? new Set(keys).size !== keys.length;
  return repeats ? route(keys) : undefined;
}

function route<K>(keys: K[]): Int32Array {
  const indexOf = new Map<K, number>();
  const routes = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as K;
    let index = indexOf.get(key);
    if (index === undefined) {
      index = indexOf.size;
      indexOf.set(key, index);
    }
    routes[i] = index;
  }
  return routes;
}

/** The distinct keys of `keys`, in order of first request, given their route. */
export function distinctKeys<K>(keys: K[], routes: Int32Array): K[] {
  const distinct: K[] = [];
  for (let i = 0; i < keys.length; i++) if (routes[i] === distinct.length) distinct.push(keys[i] as K);
  return distinct;
}
