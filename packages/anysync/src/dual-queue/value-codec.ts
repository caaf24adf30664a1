/** How a value crosses the queue as bytes; the default is the structured clone of `node:v8`. */
export interface ValueCodec {
  encode(value: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

interface V8Module {
  serialize(value: unknown): Uint8Array;
  deserialize(bytes: Uint8Array): unknown;
}

const TAG_CLONE = 0;
const TAG_STRING = 1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let v8: V8Module | undefined;

function loadV8(): V8Module {
  if (v8 !== undefined) return v8;
  const loader = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const loaded = loader?.('node:v8') as V8Module | undefined;
  if (loaded?.serialize === undefined) {
    throw new Error(
      'DualQueue: structured clone needs node:v8 (Node, Bun and Deno have it); elsewhere pass { codec }',
    );
  }
  v8 = loaded;
  return v8;
}

/**
 * Encodes a value as a tag and bytes: strings as UTF-8 (the common case, several times cheaper than a
 * clone), everything else by V8's structured clone, the algorithm `postMessage` uses (so Maps, Dates,
 * typed arrays, cycles and errors cross intact; functions and class prototypes do not). A custom codec
 * replaces both.
 */
export function encodeValue(value: unknown, codec: ValueCodec | undefined): [tag: number, bytes: Uint8Array] {
  if (codec !== undefined) return [TAG_CLONE, codec.encode(value)];
  if (typeof value === 'string') return [TAG_STRING, encoder.encode(value)];
  return [TAG_CLONE, loadV8().serialize(value)];
}

export function decodeValue(tag: number, bytes: Uint8Array, codec: ValueCodec | undefined): unknown {
  if (codec !== undefined) return codec.decode(bytes);
  if (tag === TAG_STRING) return decoder.decode(bytes);
  return loadV8().deserialize(bytes);
}
