/**
 * Thrown by the byte codecs (`structured-bytes.ts`) for a `SharedArrayBuffer`, or a view of one, anywhere in
 * a value: copied into bytes it would arrive as a copy that no longer shares memory. The value then travels
 * by message instead, where structured clone shares it as `postMessage` does.
 */
export class SharedMemoryValue extends Error {
  constructor() {
    super('a value shares memory (a SharedArrayBuffer or a view of one): it travels by message');
    this.name = 'SharedMemoryValue';
  }
}

/** A `SharedArrayBuffer` or a view of one. */
export function sharesMemory(value: object): boolean {
  if (typeof SharedArrayBuffer !== 'function') return false;
  return (
    value instanceof SharedArrayBuffer ||
    (ArrayBuffer.isView(value) && value.buffer instanceof SharedArrayBuffer)
  );
}
