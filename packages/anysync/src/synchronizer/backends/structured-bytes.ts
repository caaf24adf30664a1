import { nodeBuiltin } from './node-builtin.js';
import { deserializeWeb, serializeWeb } from './web-serializer.js';

type V8 = typeof import('node:v8');

const v8 = nodeBuiltin<V8>('node:v8');

/** Structured values to bytes: `v8.serialize` where it exists (Node, Bun, Deno), a portable codec elsewhere. */
export const serialize: (value: unknown) => Uint8Array = v8 ? v8.serialize : serializeWeb;

/** The reverse of `serialize`. */
export const deserialize: (bytes: Uint8Array) => unknown = v8 ? v8.deserialize : deserializeWeb;
