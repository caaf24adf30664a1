import { utf8ByteLength, utf8Encoder } from '../backends/byte-view.js';
import { SharedMemoryValue } from '../backends/shared-memory.js';
import { deserialize, serialize } from '../backends/structured-bytes.js';
import { isWellFormed } from '../../internal/is-well-formed.js';
import { HANDLE_KINDS, type HandleMarker, MARK, Tag } from '../protocol.js';
import { TOO_LARGE, textOrTooLarge } from './plain-json.js';
import { align, type SharedArea } from './shared-area.js';

/** Node's own `TextEncoder`; in browsers one that may write into shared memory. */
const encoder = utf8Encoder;
/** Headroom for a string's UTF-8 bytes before measuring it exactly: enough for any BMP text. */
const UTF8_FACTOR = 3;

/**
 * Writes `values` into `area` from byte 0 and returns the number of bytes used, or -1 when they do not fit
 * in the area's maximum size, share memory or (without `json`) hold a structured value larger than a JSON
 * text may be (the caller then sends them by message). `marked[i]` says that
 * value `i` holds markers the reader must revive; such values always go through `v8.serialize`.
 *
 * Scalars and strings, the common arguments and results, are written without serializing: a number is one
 * `Float64Array` store, a string one `encodeInto`. `json`, when given, says `plainJson` was already tried
 * on every structured value: `json[i]` is value `i`'s JSON text, written as it is, and a value without one
 * is serialized.
 */
export function writeValues(
  area: SharedArea,
  values: readonly unknown[],
  marked = false,
  json?: readonly (string | undefined)[],
): number {
  let offset = 0;
  for (let i = 0; i < values.length; ) {
    const run = numberRun(values, i);
    const text = json?.[i];
    offset =
      run > 1
        ? writeNumbers(area, offset, values, i, run)
        : text !== undefined
          ? writeJson(area, offset, text)
          : writeValue(area, offset, values[i], marked, json === undefined);
    if (offset < 0) return -1;
    i += run > 1 ? run : 1;
  }
  return offset;
}

/** How many numbers follow from `start`: batches of numbers are written as one block. */
function numberRun(values: readonly unknown[], start: number): number {
  let end = start;
  while (end < values.length && typeof values[end] === 'number') end++;
  return end - start;
}

function writeNumbers(
  area: SharedArea,
  offset: number,
  values: readonly unknown[],
  start: number,
  count: number,
) {
  if (!area.ensure(offset + 8 + count * 8)) return -1;
  const f64 = area.f64;
  const first = (offset >> 3) + 1;
  for (let i = 0; i < count; i++) f64[first + i] = values[start + i] as number;
  return header(area, offset, Tag.numbers, count * 8);
}

function writeValue(
  area: SharedArea,
  offset: number,
  value: unknown,
  marked: boolean,
  tryJson: boolean,
): number {
  if (!area.ensure(offset + 16)) return -1;
  switch (typeof value) {
    case 'number':
      header(area, offset, Tag.number, 8);
      area.f64[(offset >> 3) + 1] = value;
      return offset + 16;
    case 'string':
      // UTF-8 cannot carry a lone surrogate: such text is serialized, which keeps it as it is.
      return isWellFormed(value)
        ? writeString(area, offset, value)
        : writeStructured(area, offset, value, Tag.serialized, false);
    case 'undefined':
      return header(area, offset, Tag.undefined, 0);
    case 'boolean':
      return header(area, offset, value ? Tag.true : Tag.false, 0);
    default:
      if (value === null) return header(area, offset, Tag.null, 0);
      if (marked && isBareMarker(value)) return writeHandle(area, offset, value);
      return writeStructured(area, offset, value, marked ? Tag.serializedMarked : Tag.serialized, tryJson);
  }
}

/**
 * A structured value: as JSON text when that carries it exactly (see `plainJson`), serialized otherwise;
 * -1 (send it by message) for one that shares memory, which bytes would copy, and for one larger than a
 * JSON text may be (`TOO_LARGE`: more text, or more objects, keys and elements). Node's `Serializer` and
 * `Deserializer` keep every object they wrote or read alive until a garbage collection finds the JS object
 * that wraps them dead, so a reply of tens of KB (a transform's `{ code, map }`) survived a scavenge on
 * both threads, call after call, and the scavenges then cost more than the calls; the structured clone of
 * `postMessage` frees them at once.
 */
function writeStructured(
  area: SharedArea,
  offset: number,
  value: unknown,
  tag: number,
  tryJson: boolean,
): number {
  if (tag === Tag.serialized && tryJson) {
    const json = textOrTooLarge(value);
    if (json === TOO_LARGE) return -1;
    if (json !== undefined) return writeJson(area, offset, json);
  }
  let bytes: Uint8Array;
  try {
    bytes = serialize(value);
  } catch (error) {
    // A message carries what the serializer cannot: shared memory (still shared) and host objects the
    // structured clone knows, such as a `Blob`. One it cannot clone either fails there, with its path.
    if (error instanceof SharedMemoryValue || isUnserializableHostObject(error)) return -1;
    throw error;
  }
  return writeSerialized(area, offset, bytes, tag);
}

/** Node's serializer meets a host object it has no way to write (its error has no class of its own). */
function isUnserializableHostObject(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Unserializable host object');
}

function writeJson(area: SharedArea, offset: number, text: string): number {
  if (!area.ensure(offset + 8)) return -1;
  return writeString(area, offset, text, Tag.jsonLatin1, Tag.jsonUtf8);
}

/** A marker that needs no structure beyond its numbers: the common "returns a handle" reply. */
function isBareMarker(value: unknown): value is HandleMarker {
  const marker = value as HandleMarker;
  return (
    marker[MARK] === 'handle' &&
    !marker.shape &&
    !marker.namespace &&
    !marker.signature &&
    !marker.layout &&
    !marker.methods &&
    (marker.fields?.length ?? 0) === 0
  );
}

function writeHandle(area: SharedArea, offset: number, marker: HandleMarker): number {
  const index = (offset >> 2) + 2;
  area.i32[index] = marker.id;
  area.i32[index + 1] = HANDLE_KINDS.indexOf(marker.kind);
  area.i32[index + 2] = marker.shapeKey ?? -1;
  // Flags: bit 0 pinned, the bits above it the layout key plus one (0: none).
  area.i32[index + 3] = (((marker.layoutKey ?? -1) + 1) << 1) | (marker.pinned ? 1 : 0);
  return header(area, offset, Tag.handle, 16);
}

function header(area: SharedArea, offset: number, tag: number, byteLength: number): number {
  const index = offset >> 2;
  area.i32[index] = tag;
  area.i32[index + 1] = byteLength;
  return offset + 8 + align(byteLength);
}

/** A character outside Latin-1. V8 answers at once for a string it stores one byte per character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range must start at U+0000 to span Latin-1
const BEYOND_LATIN1 = /[^\x00-\xff]/;

function writeString(
  area: SharedArea,
  offset: number,
  value: string,
  latin1: number = Tag.latin1,
  utf8: number = Tag.utf8,
): number {
  const start = offset + 8;
  if (!BEYOND_LATIN1.test(value)) {
    // One byte per character, copied as it is: about three times faster than encoding UTF-8.
    if (!area.ensure(start + value.length)) return -1;
    area.bytes.write(value, start, value.length, 'latin1');
    return header(area, offset, latin1, value.length);
  }
  let room = Math.min(value.length * UTF8_FACTOR, area.buffer.maxByteLength - start);
  if (room < value.length || !area.ensure(start + room)) return -1;
  let result = encoder.encodeInto(value, area.u8.subarray(start, start + room));
  if (result.read < value.length) {
    // Astral-heavy text needs up to 4 bytes per UTF-16 pair; retry once with the exact size.
    room = utf8ByteLength(value);
    if (!area.ensure(start + room)) return -1;
    result = encoder.encodeInto(value, area.u8.subarray(start, start + room));
  }
  return header(area, offset, utf8, result.written);
}

function writeSerialized(area: SharedArea, offset: number, bytes: Uint8Array, tag: number): number {
  if (!area.ensure(offset + 8 + align(bytes.length))) return -1;
  area.u8.set(bytes, offset + 8);
  return header(area, offset, tag, bytes.length);
}

/**
 * Reads `count` values written by `writeValues`. Sets `marked` on the reader when any value carried
 * markers, so the caller only walks results that need reviving.
 */
export class AreaReader {
  marked = false;
  #offset = 0;

  constructor(private readonly area: SharedArea) {}

  readAll(count: number): unknown[] {
    const area = this.area;
    this.marked = false;
    this.#offset = 0;
    if (8 > area.viewLength) area.refresh();
    // One value (most arguments lists and results) in an array literal: packed and of its exact size, which
    // makes it cheaper to spread into a call than an array made with `new Array(count)`, which has holes.
    if (count === 1 && area.i32[0] !== Tag.numbers) return [this.#read()];
    const values = new Array<unknown>(count);
    for (let i = 0; i < count; ) {
      const offset = this.#offset;
      if (offset + 8 > area.viewLength) area.refresh();
      if (area.i32[offset >> 2] !== Tag.numbers) {
        values[i++] = this.#read();
        continue;
      }
      const byteLength = area.i32[(offset >> 2) + 1] ?? 0;
      if (offset + 8 + byteLength > area.viewLength) area.refresh();
      const first = (offset >> 3) + 1;
      const f64 = area.f64;
      for (let k = 0; k < byteLength >> 3; k++) values[i++] = f64[first + k];
      this.#offset = offset + 8 + byteLength;
    }
    return values;
  }

  #read(): unknown {
    const { area } = this;
    const offset = this.#offset;
    const tag = area.i32[offset >> 2];
    const byteLength = area.i32[(offset >> 2) + 1] ?? 0;
    const start = offset + 8;
    this.#offset = start + align(byteLength);
    // The writer grows the area before it writes past its end: catch up before reading there.
    if (start + byteLength > area.viewLength) area.refresh();
    switch (tag) {
      case Tag.number:
        return area.f64[(offset >> 3) + 1];
      case Tag.latin1:
        return area.bytes.toString('latin1', start, start + byteLength);
      case Tag.utf8:
        return area.bytes.toString('utf8', start, start + byteLength);
      case Tag.jsonLatin1:
        return JSON.parse(area.bytes.toString('latin1', start, start + byteLength));
      case Tag.jsonUtf8:
        return JSON.parse(area.bytes.toString('utf8', start, start + byteLength));
      case Tag.undefined:
        return undefined;
      case Tag.null:
        return null;
      case Tag.true:
        return true;
      case Tag.false:
        return false;
      case Tag.handle:
        this.marked = true;
        return readHandle(area, offset);
      case Tag.serializedMarked:
        this.marked = true;
        return deserialize(area.u8.subarray(start, start + byteLength));
      default:
        return deserialize(area.u8.subarray(start, start + byteLength));
    }
  }
}

function readHandle(area: SharedArea, offset: number): HandleMarker {
  const index = (offset >> 2) + 2;
  const marker: HandleMarker = {
    [MARK]: 'handle',
    id: area.i32[index] ?? 0,
    kind: HANDLE_KINDS[area.i32[index + 1] ?? 0] ?? 'object',
  };
  const shapeKey = area.i32[index + 2] ?? -1;
  if (shapeKey >= 0) marker.shapeKey = shapeKey;
  const flags = area.i32[index + 3] ?? 0;
  if ((flags & 1) === 1) marker.pinned = true;
  if (flags > 1) marker.layoutKey = (flags >>> 1) - 1;
  return marker;
}
