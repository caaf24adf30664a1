/**
 * Byte views of shared memory with Buffer's string methods. Node, Bun and Deno have `Buffer` (its string
 * methods are the fast path of the blocking lane); browsers get `WebBytes`, which implements the few
 * methods the wire uses with `TextEncoder`/`TextDecoder`.
 */
type BufferClass = typeof Buffer;

const NodeBuffer = (globalThis as { Buffer?: BufferClass }).Buffer;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** `String.fromCharCode` takes its arguments on the stack: decode latin-1 in chunks. */
const CHUNK = 0x2000;

/** Whether `encodeInto` may write straight into shared memory (browsers refuse shared views). */
function encodesIntoShared(): boolean {
  if (typeof SharedArrayBuffer !== 'function') return true;
  try {
    encoder.encodeInto('', new Uint8Array(new SharedArrayBuffer(8)));
    return true;
  } catch {
    return false;
  }
}

let scratch = new Uint8Array(1024);

/** Encodes into a private buffer, then copies: for targets in shared memory where browsers refuse them. */
export function encodeIntoCopying(text: string, target: Uint8Array): { read: number; written: number } {
  if (scratch.length < target.length) scratch = new Uint8Array(Math.max(target.length, scratch.length * 2));
  const result = encoder.encodeInto(text, scratch.subarray(0, target.length));
  target.set(scratch.subarray(0, result.written));
  return result;
}

/**
 * A `TextEncoder` whose `encodeInto` also writes into shared memory: the platform's own where it allows
 * that (Node, Bun, Deno), one that copies through a private buffer in browsers.
 */
export const utf8Encoder: {
  encodeInto(text: string, target: Uint8Array): { read: number; written: number };
} = encodesIntoShared() ? encoder : { encodeInto: encodeIntoCopying };

/** The subset of `Buffer` this package calls, for a `Uint8Array` over shared memory. */
export class WebBytes {
  constructor(readonly u8: Uint8Array) {}

  get length(): number {
    return this.u8.length;
  }

  toString(encoding = 'utf8', start = 0, end = this.u8.length): string {
    return encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii'
      ? this.latin1Slice(start, end)
      : this.utf8Slice(start, end);
  }

  /** Copied out first: `TextDecoder` refuses views of shared memory in browsers. */
  utf8Slice(start = 0, end = this.u8.length): string {
    return decoder.decode(this.u8.slice(start, end));
  }

  latin1Slice(start = 0, end = this.u8.length): string {
    let text = '';
    for (let at = start; at < end; at += CHUNK) {
      text += String.fromCharCode(...this.u8.subarray(at, Math.min(end, at + CHUNK)));
    }
    return text;
  }

  asciiSlice(start = 0, end = this.u8.length): string {
    return this.latin1Slice(start, end);
  }

  utf8Write(text: string, offset = 0, length = this.u8.length - offset): number {
    return utf8Encoder.encodeInto(text, this.u8.subarray(offset, offset + length)).written;
  }

  latin1Write(text: string, offset = 0, length = this.u8.length - offset): number {
    const count = Math.min(text.length, length);
    for (let i = 0; i < count; i++) this.u8[offset + i] = text.charCodeAt(i) & 0xff;
    return count;
  }

  asciiWrite(text: string, offset = 0, length = this.u8.length - offset): number {
    return this.latin1Write(text, offset, length);
  }

  write(text: string, offset = 0, length = this.u8.length - offset, encoding = 'utf8'): number {
    return encoding === 'latin1' || encoding === 'binary' || encoding === 'ascii'
      ? this.latin1Write(text, offset, length)
      : this.utf8Write(text, offset, length);
  }
}

/** A `Buffer` over `buffer` (shared, no copy); in browsers a `WebBytes` with the same string methods. */
export function byteView(buffer: ArrayBufferLike, byteOffset: number, length: number): Buffer {
  if (NodeBuffer) return NodeBuffer.from(buffer, byteOffset, length);
  return new WebBytes(new Uint8Array(buffer, byteOffset, length)) as unknown as Buffer;
}

/** How many bytes `text` takes in UTF-8. */
export function utf8ByteLength(text: string): number {
  return NodeBuffer ? NodeBuffer.byteLength(text, 'utf8') : webUtf8ByteLength(text);
}

/** The same without Buffer: lone surrogates count as the 3 bytes of U+FFFD they are encoded as. */
export function webUtf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
        continue;
      }
    }
    if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}
