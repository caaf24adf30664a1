/**
 * Built-in objects that structured clone copies faithfully. They have methods, but those live on the
 * built-in prototype that exists on both sides, so copying them loses nothing.
 */
export function isCloneableBuiltin(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof SharedArrayBuffer ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof Error ||
    value instanceof Blob ||
    value instanceof Boolean ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof BigInt
  );
}

/**
 * Values only a message carries faithfully: Node 22 and later serialize a `Blob` (or `File`) as an empty
 * object without a word (20 refuses it), while `postMessage` clones it. The walks do not enter a `Map`,
 * `Set` or `Error` (they cross whole), so those are searched here for a `Blob` anywhere inside.
 */
export function crossesOnlyByMessage(value: object): boolean {
  if (value instanceof Blob) return true;
  if (value instanceof Map || value instanceof Set || value instanceof Error) return holdsBlob(value);
  return false;
}

/** Whether a `Blob` is reachable from `root` through what structured clone copies. */
function holdsBlob(root: object): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    if (value instanceof Blob) return true;
    seen.add(value);
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) continue;
    if (value instanceof Map) for (const [key, entry] of value) pending.push(key, entry);
    else if (value instanceof Set) for (const entry of value) pending.push(entry);
    else if (value instanceof Error)
      pending.push((value as { cause?: unknown }).cause, (value as { errors?: unknown }).errors);
    for (const key of Object.keys(value)) pending.push((value as Record<string, unknown>)[key]);
  }
  return false;
}
