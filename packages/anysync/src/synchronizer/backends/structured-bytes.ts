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
 * Structured values to bytes: Node's serializer where it exists (Node, Bun, Deno), a portable codec
 * elsewhere. Shared memory throws a `SharedMemoryValue` (see there).
 */
export const serialize: (value: unknown) => Uint8Array = v8 ? nodeSerialize(v8) : serializeWeb;

/** The reverse of `serialize`. */
export const deserialize: (bytes: Uint8Array) => unknown = v8 ? v8.deserialize : deserializeWeb;
