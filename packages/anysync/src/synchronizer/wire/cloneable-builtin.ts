/**
 * Built-in objects that structured clone copies faithfully. They have methods, but those live on the
 * built-in prototype that exists on both sides, so copying them loses nothing.
 */
export function isCloneableBuiltin(value: object): boolean {
  return isLeafBuiltin(value) || value instanceof Map || value instanceof Set || value instanceof Error;
}

/** Cloneable built-ins that cannot hold other objects: buffers, views, dates, regular expressions, boxes, blobs. */
export function isLeafBuiltin(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof SharedArrayBuffer ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Blob ||
    value instanceof Boolean ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof BigInt
  );
}

/**
 * Values only a message carries faithfully: Node 22 and later serialize a `Blob` (or `File`) as an empty
 * object without a word (20 refuses it), while `postMessage` clones it. The walks reach every one, inside
 * `Map`s, `Set`s and an `Error`'s `cause` too.
 */
export function crossesOnlyByMessage(value: object): boolean {
  return value instanceof Blob;
}
