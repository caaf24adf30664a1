/**
 * Structured values to bytes and back without `node:v8`, for browsers: what the blocking lane needs to
 * pass objects through shared memory where `v8.serialize` does not exist. It covers what the structured
 * clone covers in practice (primitives, bigints, arrays with holes, plain objects, Date, RegExp, Map, Set,
 * ArrayBuffer, typed arrays and DataView, errors, repeated and circular references) and refuses the rest
 * with a `DataCloneError`, as `postMessage` would. Shared memory throws a `SharedMemoryValue`: it travels
 * by message, where it stays shared.
 */
import { isWellFormed } from '../../internal/is-well-formed.js';
import { SharedMemoryValue, sharesMemory } from './shared-memory.js';

enum T {
  undefined,
  null,
  true,
  false,
  number,
  bigint,
  string,
  array,
  hole,
  object,
  date,
  regexp,
  map,
  set,
  arrayBuffer,
  view,
  error,
  ref,
}

const VIEWS = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
] as const;
type ViewClass = new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView;

const ERRORS: Record<string, ErrorConstructor> = {
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Set in a text's length word when UTF-16 code units follow rather than UTF-8 bytes. */
const UTF16 = 0x8000_0000;
/** `String.fromCharCode` takes its arguments on the stack: decode in chunks. */
const CHUNK = 0x2000;

function refuse(what: string): never {
  throw new DOMException(`${what} could not be cloned`, 'DataCloneError');
}

class Writer {
  bytes = new Uint8Array(256);
  view = new DataView(this.bytes.buffer);
  length = 0;
  readonly seen = new Map<object, number>();

  room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes);
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  tag(tag: T): void {
    this.room(1);
    this.bytes[this.length++] = tag;
  }

  u32(n: number): void {
    this.room(4);
    this.view.setUint32(this.length, n);
    this.length += 4;
  }

  f64(n: number): void {
    this.room(8);
    this.view.setFloat64(this.length, n);
    this.length += 8;
  }

  text(value: string): void {
    if (!isWellFormed(value)) {
      // UTF-8 would turn a lone surrogate into U+FFFD: such text goes as UTF-16 code units.
      this.u32(UTF16 + value.length);
      this.room(value.length * 2);
      for (let i = 0; i < value.length; i++, this.length += 2)
        this.view.setUint16(this.length, value.charCodeAt(i));
      return;
    }
    this.room(4 + value.length * 3);
    const { written } = encoder.encodeInto(value, this.bytes.subarray(this.length + 4));
    this.u32(written);
    this.length += written;
  }

  raw(source: Uint8Array): void {
    this.u32(source.length);
    this.room(source.length);
    this.bytes.set(source, this.length);
    this.length += source.length;
  }

  value(value: unknown): void {
    switch (typeof value) {
      case 'undefined':
        this.tag(T.undefined);
        break;
      case 'boolean':
        this.tag(value ? T.true : T.false);
        break;
      case 'number':
        this.tag(T.number);
        this.f64(value);
        break;
      case 'bigint':
        this.tag(T.bigint);
        this.text(value.toString());
        break;
      case 'string':
        this.tag(T.string);
        this.text(value);
        break;
      case 'object':
        if (value === null) this.tag(T.null);
        else this.object(value);
        break;
      default:
        refuse(typeof value === 'function' ? `${value.name || 'a function'}` : String(value));
    }
  }

  object(value: object): void {
    const known = this.seen.get(value);
    if (known !== undefined) {
      this.tag(T.ref);
      this.u32(known);
      return;
    }
    this.seen.set(value, this.seen.size);
    if (Array.isArray(value)) {
      this.tag(T.array);
      this.u32(value.length);
      for (let i = 0; i < value.length; i++) {
        if (i in value) this.value(value[i]);
        else this.tag(T.hole);
      }
    } else if (value instanceof Date) {
      this.tag(T.date);
      this.f64(value.getTime());
    } else if (value instanceof RegExp) {
      this.tag(T.regexp);
      this.text(value.source);
      this.text(value.flags);
    } else if (value instanceof Map) {
      this.tag(T.map);
      this.u32(value.size);
      for (const [key, entry] of value) {
        this.value(key);
        this.value(entry);
      }
    } else if (value instanceof Set) {
      this.tag(T.set);
      this.u32(value.size);
      for (const entry of value) this.value(entry);
    } else if (value instanceof ArrayBuffer) {
      this.tag(T.arrayBuffer);
      this.raw(new Uint8Array(value));
    } else if (ArrayBuffer.isView(value)) {
      const kind = VIEWS.findIndex((View) => value instanceof View);
      if (sharesMemory(value)) throw new SharedMemoryValue();
      if (kind < 0) refuse('an unknown view');
      this.tag(T.view);
      this.u32(kind);
      this.u32(value.byteOffset);
      this.u32(value instanceof DataView ? value.byteLength : (value as Uint8Array).length);
      this.value(value.buffer);
    } else if (value instanceof Error) {
      this.tag(T.error);
      this.text(value.name in ERRORS ? value.name : 'Error');
      this.text(value.message);
      this.value(value.stack);
      this.value('cause' in value ? value.cause : undefined);
    } else {
      if (sharesMemory(value)) throw new SharedMemoryValue();
      if (value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet)
        refuse(Object.prototype.toString.call(value));
      const keys = Object.keys(value);
      this.tag(T.object);
      this.u32(keys.length);
      for (const key of keys) {
        this.text(key);
        this.value((value as Record<string, unknown>)[key]);
      }
    }
  }
}

class Reader {
  readonly view: DataView;
  offset = 0;
  readonly refs: unknown[] = [];

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u32(): number {
    const n = this.view.getUint32(this.offset);
    this.offset += 4;
    return n;
  }

  f64(): number {
    const n = this.view.getFloat64(this.offset);
    this.offset += 8;
    return n;
  }

  /** Copied out first: `TextDecoder` refuses views of shared memory in browsers. */
  text(): string {
    const length = this.u32();
    if (length >= UTF16) return this.utf16(length - UTF16);
    const start = this.offset;
    this.offset += length;
    return decoder.decode(this.bytes.slice(start, start + length));
  }

  utf16(units: number): string {
    const codes = new Array<number>(units);
    for (let i = 0; i < units; i++, this.offset += 2) codes[i] = this.view.getUint16(this.offset);
    let text = '';
    for (let at = 0; at < units; at += CHUNK) text += String.fromCharCode(...codes.slice(at, at + CHUNK));
    return text;
  }

  keep<V>(value: V): V {
    this.refs.push(value);
    return value;
  }

  value(): unknown {
    const tag = this.bytes[this.offset++] as T;
    switch (tag) {
      case T.undefined:
      case T.hole:
        return undefined;
      case T.null:
        return null;
      case T.true:
        return true;
      case T.false:
        return false;
      case T.number:
        return this.f64();
      case T.bigint:
        return BigInt(this.text());
      case T.string:
        return this.text();
      case T.ref:
        return this.refs[this.u32()];
      case T.array: {
        const array = this.keep(new Array<unknown>(this.u32()));
        for (let i = 0; i < array.length; i++) {
          if (this.bytes[this.offset] === T.hole) this.offset++;
          else array[i] = this.value();
        }
        return array;
      }
      case T.date:
        return this.keep(new Date(this.f64()));
      case T.regexp: {
        const slot = this.refs.push(undefined) - 1;
        const regexp = new RegExp(this.text(), this.text());
        this.refs[slot] = regexp;
        return regexp;
      }
      case T.map: {
        const map = this.keep(new Map());
        for (let n = this.u32(); n > 0; n--) map.set(this.value(), this.value());
        return map;
      }
      case T.set: {
        const set = this.keep(new Set());
        for (let n = this.u32(); n > 0; n--) set.add(this.value());
        return set;
      }
      case T.arrayBuffer: {
        const length = this.u32();
        const buffer = this.bytes.slice(this.offset, this.offset + length).buffer;
        this.offset += length;
        return this.keep(buffer);
      }
      case T.view: {
        const slot = this.refs.push(undefined) - 1;
        const View = VIEWS[this.u32()] as unknown as ViewClass;
        const byteOffset = this.u32();
        const length = this.u32();
        const view = new View(this.value() as ArrayBuffer, byteOffset, length);
        this.refs[slot] = view;
        return view;
      }
      case T.error: {
        const slot = this.refs.push(undefined) - 1;
        const ErrorClass = ERRORS[this.text()] ?? Error;
        const error = new ErrorClass(this.text());
        this.refs[slot] = error;
        const stack = this.value();
        const cause = this.value();
        if (typeof stack === 'string') error.stack = stack;
        if (cause !== undefined) error.cause = cause;
        return error;
      }
      case T.object: {
        const object = this.keep({} as Record<string, unknown>);
        for (let n = this.u32(); n > 0; n--) {
          const key = this.text();
          object[key] = this.value();
        }
        return object;
      }
      default:
        throw new TypeError(`corrupt serialized value (tag ${String(tag)})`);
    }
  }
}

/** Serializes `value` to bytes; a value `postMessage` could not send throws a `DataCloneError`. */
export function serializeWeb(value: unknown): Uint8Array {
  const writer = new Writer();
  writer.value(value);
  return writer.bytes.subarray(0, writer.length);
}

/** Rebuilds a value written by `serializeWeb`. */
export function deserializeWeb(bytes: Uint8Array): unknown {
  return new Reader(bytes).value();
}
