import { nodeBuiltin } from './node-builtin.js';
import { SharedMemoryValue, sharesMemory } from './shared-memory.js';
import { deserializeWeb, serializeWeb } from './web-serializer.js';

type V8 = typeof import('node:v8');

const v8 = nodeBuiltin<V8>('node:v8');

/**
 * Node's serializer, refusing shared memory with a `SharedMemoryValue`: left to itself it copies a view
 * of a `SharedArrayBuffer` as if it were its own bytes (and fails on a bare one).
 */
function nodeSerialize(node: V8): (value: unknown) => Uint8Array {
  // Node calls these hooks (documented for `v8.Serializer`), which its type declarations leave out.
  const base = node.DefaultSerializer.prototype as unknown as { _writeHostObject(object: object): void };
  class Serializer extends node.DefaultSerializer {
    _writeHostObject(object: object): void {
      if (sharesMemory(object)) throw new SharedMemoryValue();
      base._writeHostObject.call(this, object);
    }

    _getSharedArrayBufferId(): number {
      throw new SharedMemoryValue();
    }
  }
  return (value) => {
    const serializer = new Serializer();
    serializer.writeHeader();
    serializer.writeValue(value);
    return serializer.releaseBuffer();
  };
}

/**
 * Node's deserializer, giving every typed array, `Buffer` and `DataView` memory of its own, as a
 * structured clone does. Left to itself it builds them over the bytes it reads, which in the blocking lane
 * are the shared area: the next call would overwrite a `Buffer` the caller kept.
 */
function nodeDeserialize(node: V8): (bytes: Uint8Array) => unknown {
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

/**
 * Whether `node:v8` lets its serializer be subclassed: Bun's `v8.serialize` exists but its `Serializer`
 * class throws when made, and that `serialize` copies shared memory without a word.
 */
function subclassable(node: V8 | undefined): node is V8 {
  try {
    return node !== undefined && new node.DefaultSerializer() !== undefined;
  } catch {
    return false;
  }
}

const native = subclassable(v8) ? v8 : undefined;

/**
 * Structured values to bytes: Node's serializer where it can be subclassed (Node, Deno), a portable
 * codec elsewhere (Bun, browsers). Shared memory throws a `SharedMemoryValue` (see there).
 */
export const serialize: (value: unknown) => Uint8Array = native ? nodeSerialize(native) : serializeWeb;

/** The reverse of `serialize`. */
export const deserialize: (bytes: Uint8Array) => unknown = native ? nodeDeserialize(native) : deserializeWeb;
