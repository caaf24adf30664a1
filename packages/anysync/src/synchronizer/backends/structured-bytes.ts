import { ownMemoryDeserializer } from '../../internal/own-memory-deserializer.js';
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
export const deserialize: (bytes: Uint8Array) => unknown = native
  ? ownMemoryDeserializer(native)
  : deserializeWeb;
