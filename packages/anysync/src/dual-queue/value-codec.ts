import { invalidArgument } from '../internal/invalid-argument.js';
import { isWellFormed } from '../internal/is-well-formed.js';
import { ownMemoryDeserializer } from '../internal/own-memory-deserializer.js';

/**
 * How values cross a `DualQueue` as bytes, when structured clone is not wanted or not available: both
 * ends of a queue must use the same codec.
 *
 * @example
 * ```ts
 * import { DualQueue, type ValueCodec } from 'anysync/dual-queue';
 *
 * const json: ValueCodec = {
 *   encode: (value) => new TextEncoder().encode(JSON.stringify(value)),
 *   decode: (bytes) => JSON.parse(new TextDecoder().decode(bytes)),
 * };
 * const queue = new DualQueue<{ id: number }>({ codec: json });
 * ```
 */
export interface ValueCodec {
  encode(value: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

type V8Module = typeof import('node:v8');

/** A codec given as an option: an object with `encode` and `decode` functions, or `undefined`. */
export function checkCodec(codec: unknown, label: string): ValueCodec | undefined {
  if (codec === undefined) return undefined;
  const candidate = codec as Partial<ValueCodec> | null;
  if (typeof candidate?.encode !== 'function' || typeof candidate.decode !== 'function') {
    throw invalidArgument('type', label, 'an object with encode and decode functions, or undefined', codec);
  }
  return codec as ValueCodec;
}

const TAG_CLONE = 0;
const TAG_STRING = 1;
const TAG_JSON = 2;
/** Deeper (or cyclic) values go to structured clone, which handles cycles. */
const MAX_JSON_DEPTH = 32;
const decoder = new TextDecoder();
let v8: V8Module | undefined;
/** Typed arrays of a record get memory of their own, not views of the record's bytes (see there). */
let deserializeClone: ((bytes: Uint8Array) => unknown) | undefined;

function loadV8(): V8Module {
  if (v8 !== undefined) return v8;
  const loader = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const loaded = loader?.('node:v8') as V8Module | undefined;
  if (loaded?.DefaultSerializer === undefined) {
    throw new Error(
      'DualQueue: structured clone needs node:v8 (Node, Bun and Deno have it); elsewhere pass { codec }',
    );
  }
  v8 = loaded;
  return v8;
}

/**
 * Whether JSON round-trips `value` exactly as structured clone would: plain objects and arrays (no holes,
 * no extra properties) of strings, booleans, null and finite numbers other than -0.
 */
function isPlainData(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth > MAX_JSON_DEPTH) return false;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) {
          return false;
        }
        for (const item of value) if (!isPlainData(item, depth + 1)) return false;
        return true;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key in value)
        if (!isPlainData((value as Record<string, unknown>)[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

/**
 * Encodes a value as a tag and bytes, by the cheapest way that gives back what structured clone would:
 * strings as UTF-8, plain data (objects, arrays, numbers…) as JSON, everything else by V8's structured
 * clone, the algorithm `postMessage` uses (Maps, Dates, typed arrays, cycles and errors cross intact;
 * functions and class prototypes do not). A custom codec replaces all three.
 */
export function encodeValue(
  value: unknown,
  codec: ValueCodec | undefined,
): [tag: number, payload: Uint8Array | string] {
  if (codec !== undefined) return [TAG_CLONE, codec.encode(value)];
  // Strings stay strings: the ring writes their UTF-8 in place (see RecordRing), sparing an allocation.
  // UTF-8 cannot carry a lone surrogate: such a string goes as JSON text, which escapes it.
  if (typeof value === 'string' && isWellFormed(value)) return [TAG_STRING, value];
  if (isPlainData(value, 0)) return [TAG_JSON, JSON.stringify(value)];
  // A serializer per value: V8's keeps the objects it has seen (for cycles) across values, so reusing one
  // would turn a later value's objects into references into an earlier one.
  const cloner = new (loadV8().DefaultSerializer)();
  cloner.writeHeader();
  cloner.writeValue(value);
  return [TAG_CLONE, cloner.releaseBuffer()];
}

/** Whether a record with this tag holds UTF-8 text, which the ring may hand over already decoded. */
export function isTextTag(tag: number): boolean {
  return tag === TAG_STRING || tag === TAG_JSON;
}

/** The value of a record: its payload as bytes, or as text already decoded for a text tag. */
export function decodeValue(tag: number, bytes: Uint8Array | string, codec: ValueCodec | undefined): unknown {
  if (typeof bytes === 'string') return tag === TAG_JSON ? JSON.parse(bytes) : bytes;
  if (codec !== undefined) return codec.decode(bytes);
  if (tag === TAG_STRING) return decoder.decode(bytes);
  if (tag === TAG_JSON) return JSON.parse(decoder.decode(bytes));
  deserializeClone ??= ownMemoryDeserializer(loadV8());
  return deserializeClone(bytes);
}
