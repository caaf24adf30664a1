type V8 = typeof import('node:v8');

/**
 * `v8.deserialize`, but every typed array, `Buffer` and `DataView` it makes gets memory of its own, as a
 * structured clone gives them. Left to itself Node's deserializer builds them over the bytes it reads
 * (shared memory the next message overwrites, or a record holding other values), or over its pool of
 * small buffers, so `view.buffer` would hold bytes that are not the value's.
 *
 * @example
 * ```ts
 * import * as v8 from 'node:v8';
 *
 * const deserialize = ownMemoryDeserializer(v8);
 * const bytes = deserialize(v8.serialize(new Uint16Array([7]))) as Uint16Array;
 * bytes.buffer.byteLength; // 2
 * ```
 */
export function ownMemoryDeserializer(node: V8): (bytes: Uint8Array) => unknown {
  const base = node.DefaultDeserializer.prototype as unknown as { _readHostObject?(): ArrayBufferView };
  const hook = base._readHostObject;
  // A runtime without the hook gets a private copy of the bytes to build its views over.
  if (typeof hook !== 'function') return (bytes) => node.deserialize(bytes.slice());
  const readHostObject: () => ArrayBufferView = hook;
  class Deserializer extends node.DefaultDeserializer {
    _readHostObject(): ArrayBufferView {
      return ownCopy(readHostObject.call(this));
    }
  }
  return (bytes) => {
    const deserializer = new Deserializer(bytes as Buffer);
    deserializer.readHeader();
    return deserializer.readValue();
  };
}

const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** The same view (its class: typed array, `Buffer` or `DataView`) over a fresh copy of its bytes. */
function ownCopy(view: ArrayBufferView): ArrayBufferView {
  const bytes = new Uint8Array(view.byteLength);
  bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  // `new Buffer()` is deprecated (and warns): a Buffer's constructor is not called.
  if (NodeBuffer?.isBuffer(view)) return NodeBuffer.from(bytes.buffer);
  const View = view.constructor as new (buffer: ArrayBuffer) => ArrayBufferView;
  return new View(bytes.buffer);
}
